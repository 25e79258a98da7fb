/**
 * The word lists of the deelopdrachten and budget registers (data/register-words.json): which words say a table or
 * list is about deelopdrachten, which column words name which amount of a grant, and which words say a figure
 * is money and what it is for, and how a text names an area (a wijk, buurt or dorp).
 */
import { readFileSync } from 'node:fs';

/** The four amounts of a deelopdracht, as the register names them. */
export type GrantAmount = 'granted' | 'spent' | 'toReceive' | 'toSettle';

/** The register word lists, lower case. */
export interface RegisterWords {
  deelopdrachten: { mentions: string[]; columns: Record<GrantAmount, string[]> };
  budgets: { money: string[]; notMoney: string[]; subjects: string[] };
  currency: { scales: Record<string, number> };
  /** How a text names an area: nouns before a name, endings of a compound name, particles inside one. */
  areas: { nouns: string[]; suffixes: string[]; particles: string[] };
}

let cached: RegisterWords | undefined;

/** The shipped register word lists, read once. */
export function registerWords(): RegisterWords {
  cached ??= JSON.parse(readFileSync(new URL('../../data/register-words.json', import.meta.url), 'utf8')) as RegisterWords;
  return cached;
}
