/**
 * A full write: every table of a new generation created from scratch, with its search indexes. Used for the first
 * ingest, a refit (every vector changes) and an index built with other settings.
 */
import type * as lancedb from '@lancedb/lancedb';
import type * as Arrow from 'apache-arrow';
import { AppError } from '../errors.js';
import { tableName, type Head } from './head.js';
import { buildIndexes } from './indexes.js';
import type { IndexManifest } from './manifest.js';
import { documentSchema, metaSchema, passageSchema, passageTable, toDocumentRow, type PassageRow, type StoredDocument } from './rows.js';

/**
 * Rows of a per-document table besides documents and passages (register rows, say): every row has a
 * `documentId`, so the store adds, replaces and deletes them with their document without knowing what they are.
 */
export interface DocumentRows {
  schema: Arrow.Schema;
  rows: Record<string, unknown>[];
}

/** What an ingest hands the store to commit as the next generation. */
export interface NewGeneration {
  manifest: Omit<IndexManifest, 'generation' | 'createdAt'>;
  documents: StoredDocument[];
  passages: PassageRow[];
  /** Bytes of the fitted local embedding model, when the embedder has one. */
  model: Uint8Array | null;
  /** Further per-document tables by kind ("registers"). */
  tables?: Record<string, DocumentRows>;
}

/** LanceDB pads a short vector with nulls instead of refusing it, so a wrong length is caught before any write. */
export function assertVectors(passages: readonly PassageRow[], dimensions: number): void {
  for (const row of passages) {
    if (row.vector.length !== dimensions || !Array.prototype.every.call(row.vector, Number.isFinite)) {
      throw new AppError('store_failed', `De index is niet bijgewerkt: passage ${row.id} heeft geen geldige vector van ${dimensions} getallen.`);
    }
  }
}

/** Rows as LanceDB takes them; Arrow cannot build a table of no rows from columns, so those go by schema alone. */
export async function createRowsTable(db: lancedb.Connection, name: string, rows: Record<string, unknown>[] | Arrow.Table, schema: Arrow.Schema): Promise<lancedb.Table> {
  const empty = Array.isArray(rows) ? rows.length === 0 : rows.numRows === 0;
  return empty ? db.createTable(name, [], { schema }) : db.createTable(name, rows as Record<string, unknown>[], { schema });
}

/** Rows beyond which a batched write is compacted before its indexes are built. */
const WRITE_COMPACT_ROWS = 4_000;

/** Appends passages and documents to the generation being written, batch by batch, so no run holds all its rows at once. */
export interface PassageSink {
  addPassages(rows: readonly PassageRow[]): Promise<void>;
  addDocuments(documents: readonly StoredDocument[]): Promise<void>;
}

/** What a full write supplies once its passages (and perhaps its documents) are written. */
export type GenerationRest = Omit<NewGeneration, 'passages' | 'documents'> & { documents?: StoredDocument[] };

/** Writes the tables of one new generation: passages as they come, then the rest with the indexes. */
export class GenerationWriter implements PassageSink {
  private passages: lancedb.Table | undefined;
  private documents: lancedb.Table | undefined;
  private count = 0;
  private dimensions: number | undefined;

  constructor(private readonly db: lancedb.Connection, readonly generation: number) {}

  async addPassages(rows: readonly PassageRow[]): Promise<void> {
    if (rows.length === 0) return;
    const dimensions = this.dimensions ?? rows[0]!.vector.length;
    assertVectors(rows, dimensions);
    this.dimensions = dimensions;
    const data = passageTable(rows, dimensions);
    if (this.passages) await this.passages.add(data as unknown as Record<string, unknown>[]);
    else this.passages = await this.db.createTable(tableName('passages', this.generation), data);
    this.count += rows.length;
  }

  async addDocuments(documents: readonly StoredDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map(toDocumentRow);
    if (this.documents) await this.documents.add(rows);
    else this.documents = await createRowsTable(this.db, tableName('documents', this.generation), rows, documentSchema);
  }

  /** Writes the remaining tables; returns where each kind lives, at the version written. */
  async finish(rest: GenerationRest, manifest: IndexManifest): Promise<Head['tables']> {
    const dimensions = manifest.embedder.dimensions;
    if (this.dimensions !== undefined && this.dimensions !== dimensions) {
      throw new AppError('store_failed', `De index is niet bijgewerkt: de vectoren hebben ${this.dimensions} getallen, het manifest zegt ${dimensions}.`);
    }
    const written: Record<string, lancedb.Table> = {};
    written.passages = this.passages ?? (await createRowsTable(this.db, tableName('passages', this.generation), [], passageSchema(dimensions)));
    // Written in batches, the table is one fragment per batch; merged before the indexes are built, every scan
    // (a filter, a delete) reads a few large fragments instead of many small ones.
    // No reader has this table yet (head does not name it), so the uncompacted versions can go at once.
    if (this.count > WRITE_COMPACT_ROWS) await written.passages.optimize({ cleanupOlderThan: new Date() });
    await buildIndexes(written.passages, this.count, dimensions);
    await this.addDocuments(rest.documents ?? []);
    written.documents = this.documents ?? (await createRowsTable(this.db, tableName('documents', this.generation), [], documentSchema));
    if ((await written.documents.stats()).fragmentStats.numFragments > 1) await written.documents.optimize({ cleanupOlderThan: new Date() });
    for (const [kind, extra] of Object.entries(rest.tables ?? {})) written[kind] = await createRowsTable(this.db, tableName(kind, this.generation), extra.rows, extra.schema);
    const meta = [{ key: 'manifest', json: JSON.stringify(manifest), bytes: null }, { key: 'model', json: null, bytes: rest.model }];
    written.meta = await createRowsTable(this.db, tableName('meta', this.generation), meta, metaSchema);
    const tables: Head['tables'] = {};
    for (const [kind, table] of Object.entries(written)) tables[kind] = { name: table.name, version: await table.version() };
    return tables;
  }
}
