/**
 * Reading passages of one committed table a few at a time: by id, by document, or every one in batches for a
 * single pass. A server reads what a question needs this way instead of holding the whole table in memory.
 */
import type * as lancedb from '@lancedb/lancedb';
import type { Passage } from '../types.js';
import { escapeSql } from './filter-clause.js';
import { guard } from './passage-search.js';
import { fromPassageRow } from './rows.js';

/** Reads of a generation's passages. */
export interface PassageReads {
  /** How many passages the generation has. */
  passageCount: number;
  /** The passages with these ids, in no particular order; unknown ids are left out. */
  passagesById(ids: readonly string[]): Promise<Passage[]>;
  /** The passages of these documents, ordered by document and position. */
  passagesOfDocuments(documentIds: readonly string[]): Promise<Passage[]>;
  /** Every passage, in batches of the store's choosing, for a pass that keeps only what it derives from them. */
  scanPassages(): AsyncIterable<Passage[]>;
}

/** Ids per `IN (…)` clause: a long list is read in several queries rather than one huge clause. */
const IDS_PER_QUERY = 500;

/** Orders passages by document, then position in it. */
export const byPosition = (a: Passage, b: Passage) => a.documentId.localeCompare(b.documentId) || a.ordinal - b.ordinal;

async function where(table: lancedb.Table, columns: string[], column: string, values: readonly string[]): Promise<Passage[]> {
  const found: Passage[] = [];
  const unique = [...new Set(values)];
  for (let from = 0; from < unique.length; from += IDS_PER_QUERY) {
    const list = unique.slice(from, from + IDS_PER_QUERY).map((value) => `'${escapeSql(value)}'`).join(', ');
    const rows = await table.query().where(`${column} IN (${list})`).select(columns).toArray();
    for (const row of rows) found.push(fromPassageRow(row));
  }
  return found;
}

/** The reads over `table` (opened at the version to read), with the passage columns it holds. */
export async function passageReads(table: lancedb.Table, columns: string[]): Promise<PassageReads> {
  return {
    passageCount: await table.countRows(),
    passagesById: (ids) => (ids.length === 0 ? Promise.resolve([]) : guard('gelezen', () => where(table, columns, 'id', ids))),
    passagesOfDocuments: async (documentIds) => (documentIds.length === 0 ? [] : (await guard('gelezen', () => where(table, columns, 'documentId', documentIds))).sort(byPosition)),
    async *scanPassages() {
      for await (const batch of table.query().select(columns)) yield Array.from(batch, (row) => fromPassageRow(row as Record<string, unknown>));
    },
  };
}
