/**
 * An incremental write: the rows of removed and replaced documents deleted from every per-document table, the new
 * rows appended, the manifest row replaced — each a new LanceDB version of the committed tables, invisible until
 * `head` names it. A writer first rolls every table back to the version `head` names, so what a killed writer
 * left behind is gone before anything new is added. The search indexes are brought up to date with `optimize`
 * once enough rows are unindexed (searches cover unindexed rows meanwhile), so one small document costs about the
 * same on any size of index.
 */
import type * as lancedb from '@lancedb/lancedb';
import type * as Arrow from 'apache-arrow';
import { escapeSql } from './filter-clause.js';
import { tableName, type Head, type TableRef } from './head.js';
import { ensureIndexes, tidy } from './indexes.js';
import type { IndexManifest } from './manifest.js';
import { documentSchema, passageSchema, passageTable, toDocumentRow, type PassageRow, type StoredDocument } from './rows.js';
import { assertVectors, createRowsTable, type DocumentRows } from './write-generation.js';

/** A change to the committed index: documents out, documents in. */
export interface IndexChange {
  manifest: Omit<IndexManifest, 'generation' | 'createdAt'>;
  /** Documents whose rows leave every per-document table: the removed and the replaced ones. */
  remove: string[];
  documents: StoredDocument[];
  /** Passages of the new documents, with vectors in the committed model's space. */
  passages: PassageRow[];
  /** Rows of further per-document tables by kind ("registers"). */
  tables?: Record<string, DocumentRows>;
}

/** Ids per delete statement: keeps the SQL of a large removal to a sane length. */
const DELETE_BATCH = 500;

/** The latest version of a committed table, rolled back to the committed version if a killed writer moved it on. */
async function writable(db: lancedb.Connection, ref: TableRef): Promise<lancedb.Table> {
  const table = await db.openTable(ref.name);
  if (ref.version !== undefined && (await table.version()) !== ref.version) {
    await table.checkout(ref.version);
    await table.restore();
  }
  return table;
}

async function deleteDocuments(table: lancedb.Table, ids: readonly string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += DELETE_BATCH) {
    const batch = ids.slice(start, start + DELETE_BATCH).map((id) => `'${escapeSql(id)}'`);
    await table.delete(`documentId IN (${batch.join(', ')})`);
  }
}

/** Rows to append to one kind's table, in the form LanceDB takes them, and the schema to create it with. */
interface Addition {
  rows: Record<string, unknown>[] | Arrow.Table;
  schema: Arrow.Schema;
}

/** The rows to append per kind. */
function additions(change: IndexChange, dimensions: number): Map<string, Addition> {
  const result = new Map<string, Addition>();
  if (change.passages.length > 0) result.set('passages', { rows: passageTable(change.passages, dimensions), schema: passageSchema(dimensions) });
  if (change.documents.length > 0) result.set('documents', { rows: change.documents.map(toDocumentRow), schema: documentSchema });
  for (const [kind, extra] of Object.entries(change.tables ?? {})) if (extra.rows.length > 0) result.set(kind, extra);
  return result;
}

/** Applies `change` to the tables `head` names; returns where each kind lives now. */
export async function applyChange(db: lancedb.Connection, head: Head, change: IndexChange, manifest: IndexManifest): Promise<Head['tables']> {
  const dimensions = manifest.embedder.dimensions;
  assertVectors(change.passages, dimensions);
  const added = additions(change, dimensions);
  const tables: Head['tables'] = {};
  const handles = new Map<string, lancedb.Table>();
  let optimized = false;
  for (const [kind, ref] of Object.entries(head.tables)) {
    if (kind === 'meta') continue;
    const table = await writable(db, ref);
    if (change.remove.length > 0) await deleteDocuments(table, change.remove);
    const rows = added.get(kind);
    if (rows) await table.add(rows.rows as Record<string, unknown>[]);
    if (kind === 'passages') optimized = await ensureIndexes(table, dimensions, ref);
    handles.set(kind, table);
  }
  // The passages table decides when it is time: the others are small, and compacting them with it keeps their
  // fragments and versions from piling up.
  for (const [kind, table] of handles) {
    const ref = head.tables[kind] as TableRef;
    if (optimized && kind !== 'passages') await tidy(table, ref);
    tables[kind] = { name: ref.name, version: await table.version() };
  }
  // A kind the committed generation does not have yet (an index from before it existed) starts as a table here.
  for (const [kind, rows] of added) {
    if (tables[kind]) continue;
    const table = await createRowsTable(db, tableName(kind, manifest.generation), rows.rows, rows.schema);
    tables[kind] = { name: table.name, version: await table.version() };
  }
  tables.meta = await replaceManifest(db, head.tables.meta as TableRef, manifest);
  return tables;
}

async function replaceManifest(db: lancedb.Connection, ref: TableRef, manifest: IndexManifest): Promise<TableRef> {
  const meta = await writable(db, ref);
  await meta.delete(`key = 'manifest'`);
  await meta.add([{ key: 'manifest', json: JSON.stringify(manifest), bytes: null }]);
  return { name: ref.name, version: await meta.version() };
}
