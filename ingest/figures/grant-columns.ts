/**
 * Which column of a table holds which amount of a grant — granted, spent, still to receive, to settle — read from
 * the column words of data/register-words.json. A table whose columns name a granted amount and at least one
 * other is a table of grants: one row per deelopdracht.
 */
import type { PassageTable } from '../types.js';
import { findPhrases } from './folded-phrases.js';
import { registerWords, type GrantAmount } from './register-words.js';

/** The column name of each grant amount a table has. */
export type GrantColumns = Partial<Record<GrantAmount, string>>;

/** The grant amount a column header names, by its longest column phrase, or undefined. */
export function grantAmountOf(column: string): GrantAmount | undefined {
  let best: { amount: GrantAmount; length: number } | undefined;
  for (const [amount, phrases] of Object.entries(registerWords().deelopdrachten.columns) as [GrantAmount, string[]][]) {
    for (const match of findPhrases(column, phrases)) {
      const length = match.end - match.start;
      if (length > (best?.length ?? 0)) best = { amount, length };
    }
  }
  return best?.amount;
}

/** The grant columns of a table, or undefined when it is not a table of grants. */
export function grantColumns(table: PassageTable): GrantColumns | undefined {
  const columns: GrantColumns = {};
  for (const column of table.columns) {
    const amount = grantAmountOf(column);
    if (amount && !columns[amount]) columns[amount] = column;
  }
  return columns.granted && Object.keys(columns).length >= 2 ? columns : undefined;
}
