/**
 * Searching one committed passages table: full text with the Dutch analyzer, vectors by cosine, either as whole
 * passages or as ids and scores only.
 */
import * as lancedb from '@lancedb/lancedb';
import { AppError, errorMessage } from '../errors.js';
import type { Passage } from '../types.js';
import { filterClause, type PassageFilter } from './filter-clause.js';
import { fromPassageRow } from './rows.js';
import { rowIds, type RowIds } from './row-ids.js';

/** A passage found by a search, with the engine's score (higher is better). */
export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** A search hit by passage id, for callers that hold the passages already. */
export interface RankedId {
  id: string;
  score: number;
}

/** The searches over one generation's passages. */
export interface PassageSearch {
  /** Full-text search over passage text, title and section (Dutch analyzer), best first. */
  fullText(query: string, limit: number, filter?: PassageFilter): Promise<ScoredPassage[]>;
  /** Nearest passages to a query vector, best first; score is 1 − cosine distance. */
  nearest(vector: number[], limit: number, filter?: PassageFilter): Promise<ScoredPassage[]>;
  /**
   * {@link fullText} as ids and scores only, in the same order: it reads row ids and scores instead of every
   * passage field (ids it has not seen yet in one take, see row-ids.ts), for a caller such as the server that
   * reads and keeps the passages it needs itself.
   */
  fullTextIds(query: string, limit: number, filter?: PassageFilter): Promise<RankedId[]>;
  /** {@link nearest} as ids and scores only, in the same order. */
  nearestIds(vector: number[], limit: number, filter?: PassageFilter): Promise<RankedId[]>;
  /** The stored vectors of the given passages (to reuse them when only some documents change). */
  vectors(ids: string[]): Promise<Map<string, Float32Array>>;
}

/** Runs `run`, wrapping a library failure in a `store_failed` AppError saying what could not be done. */
export async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('store_failed', `De index kon niet worden ${what}: ${errorMessage(error)}`, { cause: error });
  }
}

/** The columns a {@link Passage} is read from. */
export const PASSAGE_COLUMNS = [
  'id', 'documentId', 'source', 'title', 'docType', 'date', 'year', 'organisation', 'page', 'pageLabel', 'section', 'ordinal',
  'kind', 'start', 'end', 'cleanStart', 'cleanEnd', 'text', 'table',
];

/** The passage columns `table` holds: an index from before a column was added (`table`) is still read, to be told apart and rebuilt. */
export async function storedColumns(table: lancedb.Table): Promise<string[]> {
  const stored = new Set((await table.schema()).fields.map((field) => field.name));
  return PASSAGE_COLUMNS.filter((column) => stored.has(column));
}

type Search = lancedb.Query | lancedb.VectorQuery;

function fullTextSearch(table: lancedb.Table, query: string, limit: number, filter: PassageFilter | undefined, columns: string[]): Search {
  const search = table.query().fullTextSearch(new lancedb.MatchQuery(query, 'search')).select([...columns, '_score']).limit(limit);
  const where = filterClause(filter);
  return where ? search.where(where) : search;
}

function vectorSearch(table: lancedb.Table, vector: number[], limit: number, filter: PassageFilter | undefined, columns: string[]): Search {
  const search = table.vectorSearch(vector).distanceType('cosine').select([...columns, '_distance']).limit(limit);
  const where = filterClause(filter);
  return where ? search.where(where) : search;
}

/**
 * Ids and scores of a search that returns only row ids and scores: the passage ids come from `rows`, which reads
 * the ids of rows it has not seen yet in one take.
 */
async function rankedIds(search: Search, scoreColumn: '_score' | '_distance', rows: RowIds): Promise<RankedId[]> {
  const result = await search.withRowId().toArrow();
  const found = Array.from((result.getChild('_rowid')?.toArray() ?? []) as ArrayLike<bigint>, (row) => BigInt(row));
  const scores = result.getChild(scoreColumn)?.toArray() ?? [];
  const ids = await rows.idsOf(found);
  return ids.flatMap((id, i) => {
    if (id === undefined) return [];
    const value = Number(scores[i]);
    return [{ id, score: scoreColumn === '_distance' ? 1 - value : value }];
  });
}

/** The searches over `table` (opened at the version to read). */
export function searchers(table: lancedb.Table, columns: string[] = PASSAGE_COLUMNS): PassageSearch {
  const rows = rowIds(table);
  return {
    async fullText(query, limit, filter) {
      if (query.trim() === '') return [];
      return guard('doorzocht', async () => {
        const rows = await fullTextSearch(table, query, limit, filter, columns).toArray();
        return rows.map((row) => ({ passage: fromPassageRow(row), score: Number(row._score) }));
      });
    },
    async nearest(vector, limit, filter) {
      return guard('doorzocht', async () => {
        const rows = await vectorSearch(table, vector, limit, filter, columns).toArray();
        return rows.map((row) => ({ passage: fromPassageRow(row), score: 1 - Number(row._distance) }));
      });
    },
    async fullTextIds(query, limit, filter) {
      if (query.trim() === '') return [];
      return guard('doorzocht', () => rankedIds(fullTextSearch(table, query, limit, filter, []), '_score', rows));
    },
    async nearestIds(vector, limit, filter) {
      return guard('doorzocht', () => rankedIds(vectorSearch(table, vector, limit, filter, []), '_distance', rows));
    },
    async vectors(ids) {
      const result = new Map<string, Float32Array>();
      if (ids.length === 0) return result;
      return guard('gelezen', async () => {
        const rows = await table.query().select(['id', 'vector']).toArray();
        const wanted = new Set(ids);
        for (const row of rows) if (wanted.has(String(row.id))) result.set(String(row.id), Float32Array.from(row.vector as ArrayLike<number>));
        return result;
      });
    },
  };
}
