/**
 * Search indexes on a passages table: the full-text index with LanceDB's Dutch analyzer (stemming, stop
 * words, ASCII folding) always, scalar indexes on `id` and `documentId` (a server reads a question's passages
 * by id and a document's by its id, so a lookup does not scan the table), an ANN vector index once exact search
 * would get slow. After incremental
 * changes, `optimize` folds the new rows into them — once enough are waiting, so that the cost of a rebuild is
 * spread over many small changes; until then searches read the unindexed rows directly.
 */
import * as lancedb from '@lancedb/lancedb';
import type { TableRef } from './head.js';

/** Below this many passages exact vector search is fast enough and exact. */
export const ANN_THRESHOLD = 20_000;

/** Unindexed rows tolerated before an optimize: this share of the indexed ones, and at least {@link MIN_UNINDEXED}. */
export const UNINDEXED_SHARE = 0.1;
export const MIN_UNINDEXED = 2_000;

/** Full-text index options: Dutch stemming and stop words, folded accents, positions for phrase queries. */
export const FULL_TEXT_OPTIONS = {
  language: 'Dutch',
  stem: true,
  removeStopWords: true,
  asciiFolding: true,
  lowercase: true,
  withPosition: true,
  baseTokenizer: 'simple',
} as const;

/** The scalar columns passages are looked up by. */
export const LOOKUP_COLUMNS = ['id', 'documentId'] as const;

async function buildVectorIndex(table: lancedb.Table, rows: number, dimensions: number): Promise<void> {
  const numPartitions = Math.max(1, Math.round(Math.sqrt(rows)));
  const numSubVectors = dimensions % 16 === 0 ? dimensions / 16 : dimensions % 8 === 0 ? dimensions / 8 : 1;
  await table.createIndex('vector', { config: lancedb.Index.ivfPq({ numPartitions, numSubVectors, distanceType: 'cosine' }) });
}

/** Builds the indexes a freshly written passages table needs. */
export async function buildIndexes(table: lancedb.Table, rows: number, dimensions: number): Promise<void> {
  if (rows === 0) return;
  await table.createIndex('search', { config: lancedb.Index.fts(FULL_TEXT_OPTIONS) });
  for (const column of LOOKUP_COLUMNS) await table.createIndex(column, { config: lancedb.Index.btree() });
  if (rows >= ANN_THRESHOLD) await buildVectorIndex(table, rows, dimensions);
}

/**
 * After rows were added to or deleted from a committed passages table: builds an index that has become due,
 * and optimizes once enough rows are unindexed. Returns true when it optimized (the caller tidies the other
 * tables then). Versions older than `committed` go; the committed one stays for readers that still hold it.
 */
export async function ensureIndexes(table: lancedb.Table, dimensions: number, committed: TableRef): Promise<boolean> {
  const rows = await table.countRows();
  if (rows === 0) return false;
  const columns = new Set((await table.listIndices()).flatMap((index) => index.columns));
  if (!columns.has('search')) await table.createIndex('search', { config: lancedb.Index.fts(FULL_TEXT_OPTIONS) });
  for (const column of LOOKUP_COLUMNS) if (!columns.has(column)) await table.createIndex(column, { config: lancedb.Index.btree() });
  if (!columns.has('vector') && rows >= ANN_THRESHOLD) await buildVectorIndex(table, rows, dimensions);
  const stats = await table.indexStats('search_idx');
  const unindexed = stats?.numUnindexedRows ?? 0;
  if (unindexed <= Math.max(MIN_UNINDEXED, UNINDEXED_SHARE * (stats?.numIndexedRows ?? 0))) return false;
  await tidy(table, committed);
  return true;
}

/** Compacts, updates the indexes and removes versions older than the committed one. */
export async function tidy(table: lancedb.Table, committed: TableRef): Promise<void> {
  const versions = await table.listVersions();
  const kept = versions.find((version) => version.version === committed.version)?.timestamp ?? new Date(0);
  await table.optimize({ cleanupOlderThan: kept });
}
