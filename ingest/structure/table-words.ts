/**
 * The word lists that table reading uses (data/table-words.json): column-header words in the order tables print
 * their columns, words that head the label column, words of a totals row and cells that hold no figure.
 */
import { readFileSync } from 'node:fs';

/** The table word lists, lower case. */
export interface TableWords {
  /** Column-header words by rank: index 0 is printed first (allotted), the last is printed last (difference). */
  columns: string[][];
  /** Other words a column header may put before its year ("ultimo"). */
  qualifiers: string[];
  labelColumns: string[];
  totals: string[];
  notApplicable: string[];
}

let cached: TableWords | undefined;

/** The shipped table word lists, read once. */
export function tableWords(): TableWords {
  cached ??= JSON.parse(readFileSync(new URL('../../data/table-words.json', import.meta.url), 'utf8')) as TableWords;
  return cached;
}
