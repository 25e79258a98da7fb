/**
 * Where the tests find the shared read-only inputs: CI clones the repository with `../shared` beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in test/ingest/load/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The shared inputs: corpus/, pdfs/nl, pdfs/hostile. */
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');

/** The bytes of a file under the shared root, e.g. `sharedBytes('pdfs/hostile/twocolumn_paper.pdf')`. */
export function sharedBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(sharedRoot, relativePath)));
}

/** The bytes of a test PDF, by folder and file name: `pdfBytes('nl/emmen_toezeggingen_scan.pdf')`. */
export function pdfBytes(name: string): Uint8Array {
  return sharedBytes(path.join('pdfs', name));
}
