/**
 * Turning command-line paths into ingest inputs: folders are read for PDF, text and Markdown files (recursively,
 * skipping hidden entries), each file gets a document id from its name, and two files with the same name get
 * distinct ids rather than one overwriting the other.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { documentIdFor } from '../metadata/document-id.js';
import type { FileInput } from './process-file.js';

/** Extensions Grip ingests. */
export const INGESTIBLE = new Set(['.pdf', '.txt', '.md', '.markdown']);

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesIn(path)));
    else if (entry.isFile() && INGESTIBLE.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

/** Inputs for the given files and folders, plus the folders (to sync: their removed files are deleted). */
export async function fileInputs(paths: string[]): Promise<{ inputs: FileInput[]; folders: string[] }> {
  const inputs: FileInput[] = [];
  const folders: string[] = [];
  const used = new Map<string, number>();
  for (const path of paths.map((p) => resolve(p))) {
    const isFolder = (await stat(path)).isDirectory();
    if (isFolder) folders.push(path);
    for (const file of isFolder ? await filesIn(path) : [path]) {
      const base = documentIdFor(file);
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      inputs.push({
        source: basename(file),
        documentId: count === 0 ? base : `${base}-${count + 1}`,
        origin: isFolder ? path : dirname(file),
        read: async () => new Uint8Array(await readFile(file)),
      });
    }
  }
  return { inputs, folders };
}
