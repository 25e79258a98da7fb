/**
 * The files a run has processed and not yet committed. A run over a large folder would otherwise hold every
 * document's texts and passages until its commit; past {@link SPILL_PASSAGES} passages each further file goes to
 * a temp folder and is read back, one file at a time, when the commit writes it. Records stay in memory: they
 * are small, and the run's summary and the refit policy need them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredDocument } from '../store/rows.js';
import type { DocumentRecord, Passage } from '../types.js';

/** A processed file: its stored document and passages. */
export interface ProcessedDocument {
  document: StoredDocument;
  passages: Passage[];
}

/** Passages kept in memory before further files are spilled to disk. */
export const SPILL_PASSAGES = 20_000;

/** The processed files of a run, by document id, in the order processed. */
export class ProcessedFiles {
  private readonly held = new Map<string, ProcessedDocument | string>();
  private readonly recordsById = new Map<string, DocumentRecord>();
  private inMemory = 0;
  private folder: string | undefined;

  constructor(private readonly spillAfter: number = SPILL_PASSAGES) {}

  /** Files processed. */
  get size(): number {
    return this.held.size;
  }

  /** Adds (or replaces) the file of `documentId`. */
  set(documentId: string, file: ProcessedDocument): this {
    this.recordsById.set(documentId, file.document.record);
    if (this.inMemory + file.passages.length <= this.spillAfter) {
      this.inMemory += file.passages.length;
      this.held.set(documentId, file);
      return this;
    }
    this.folder ??= mkdtempSync(join(tmpdir(), 'grip-ingest-'));
    const path = join(this.folder, `${this.held.size}.json`);
    writeFileSync(path, JSON.stringify(file));
    this.held.set(documentId, path);
    return this;
  }

  keys(): IterableIterator<string> {
    return this.held.keys();
  }

  /** The records of the processed files. */
  records(): DocumentRecord[] {
    return [...this.recordsById.values()];
  }

  /** How many passages the processed files have. */
  passageCount(): number {
    return this.records().reduce((sum, record) => sum + record.passageCount, 0);
  }

  /** Each processed file in order; a spilled one is read back when its turn comes. */
  *files(): Generator<ProcessedDocument> {
    for (const [, file] of this.entries()) yield file;
  }

  /** Each processed file with its document id, in order; a spilled one is read back when its turn comes. */
  *entries(): Generator<[string, ProcessedDocument]> {
    for (const [documentId, held] of this.held) yield [documentId, typeof held === 'string' ? (JSON.parse(readFileSync(held, 'utf8')) as ProcessedDocument) : held];
  }

  /** Removes the spill folder. */
  dispose(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}
