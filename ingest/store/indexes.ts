/**
 * Search indexes on a passages table: the full-text index with LanceDB's Dutch analyzer (stemming, stop
 * words, ASCII folding) always, an ANN vector index once exact search would get slow.
 */
import * as lancedb from '@lancedb/lancedb';

/** Below this many passages exact vector search is fast enough and exact. */
export const ANN_THRESHOLD = 20_000;

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

/** Builds the indexes a freshly written passages table needs. */
export async function buildIndexes(table: lancedb.Table, rows: number, dimensions: number): Promise<void> {
  if (rows === 0) return;
  await table.createIndex('search', { config: lancedb.Index.fts(FULL_TEXT_OPTIONS) });
  if (rows >= ANN_THRESHOLD) {
    const numPartitions = Math.max(1, Math.round(Math.sqrt(rows)));
    const numSubVectors = dimensions % 16 === 0 ? dimensions / 16 : dimensions % 8 === 0 ? dimensions / 8 : 1;
    await table.createIndex('vector', { config: lancedb.Index.ivfPq({ numPartitions, numSubVectors, distanceType: 'cosine' }) });
  }
}
