/**
 * Passage ids of a search's hits by their LanceDB row ids. A search that returns only `_rowid` and its score
 * skips the take of the `id` column, which costs a search about as much as the search itself. The row id of a row
 * is fixed within one version of a table (a compaction renumbers rows only in a later version), so the ids learned
 * for the table as it was opened stay right for as long as it is read at that version. Bounded: the ids of the
 * rows searches keep finding stay, the others are read again when a search finds them.
 */
import type * as lancedb from '@lancedb/lancedb';

/** Row ids remembered per table version: about 100 bytes each. */
export const REMEMBERED_ROWS = 200_000;

/** Looks up the passage ids of row ids of one table version. */
export interface RowIds {
  /** The passage id of each row id, in order; rows the table does not hold are left out. */
  idsOf(rows: readonly bigint[]): Promise<(string | undefined)[]>;
}

/** Passage ids by row id for `table`, opened at the version it is read at. */
export function rowIds(table: lancedb.Table, limit = REMEMBERED_ROWS): RowIds {
  const known = new Map<bigint, string>();
  const remember = (row: bigint, id: string) => {
    // Forget the oldest entries (a Map keeps insertion order) rather than grow past the limit.
    if (known.size >= limit) known.delete(known.keys().next().value as bigint);
    known.set(row, id);
  };
  return {
    async idsOf(rows) {
      const answer = rows.map((row) => known.get(row));
      const missing = [...new Set(rows.filter((_, i) => answer[i] === undefined))];
      if (missing.length === 0) return answer;
      const taken = await table.takeRowIds(missing).withRowId().select(['id']).toArrow();
      const ids = taken.getChild('id')?.toArray() ?? [];
      const found = taken.getChild('_rowid')?.toArray() ?? [];
      const read = new Map<bigint, string>();
      for (let i = 0; i < taken.numRows; i++) read.set(BigInt(found[i] as bigint), String(ids[i]));
      for (const [row, id] of read) remember(row, id);
      // Answered from what was known before and what was read now: remembering may push some of either out again.
      return rows.map((row, i) => answer[i] ?? read.get(row));
    },
  };
}
