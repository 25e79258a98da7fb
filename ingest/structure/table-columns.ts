/**
 * Naming a table's figure columns from its header text. A header is read as printed when it splits into as many
 * columns as the rows have figures: by years ("2022 | Begroting 2022 | 2021") or by column words ("Begroting |
 * Realisatie | Verschil"). A header printed after its rows comes from a PDF whose text order is not its reading
 * order ("2. Te verrekenen subsidie Deelopdracht Subsidiekosten 2022 …"): its column words name the columns but
 * not their order, so they are put in the order tables print them (the ranks of data/table-words.json).
 */
import { foldText } from '../text/fold-text.js';
import { tableWords } from './table-words.js';

// A year, or a date ending in one ("31-12-2022"), closes a column name.
const YEAR = /(?:^|\D)(?:19|20)\d\d$/;
const DATE = /^\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d$/;
const AS_OF = new Set(['per', 'op', 'ultimo', 'stand', 'tot', 't/m']);

interface Word {
  text: string;
  folded: string;
}

/** Splits after every year: "2022 Begroting 2022 2021" → "2022", "Begroting 2022", "2021". */
function byYears(words: Word[]): string[] {
  const columns: string[][] = [];
  let current: string[] = [];
  for (const word of words) {
    current.push(word.text);
    if (YEAR.test(word.text)) {
      columns.push(current);
      current = [];
    }
  }
  if (current.length > 0 && columns.length > 0) columns[columns.length - 1]?.push(...current);
  return columns.map((column) => column.join(' '));
}

/** The rank of the column phrase starting at word `at`, with its length in words, or undefined. */
function phraseAt(words: Word[], at: number): { rank: number; length: number } | undefined {
  let best: { rank: number; length: number } | undefined;
  tableWords().columns.forEach((phrases, rank) => {
    for (const phrase of phrases) {
      const parts = phrase.split(' ');
      const matches = parts.every((part, i) => words[at + i]?.folded === part);
      if (matches && parts.length > (best?.length ?? 0)) best = { rank, length: parts.length };
    }
  });
  return best;
}

/**
 * Splits at column words; a number mark before one ("1. Nog te ontvangen") opens the column with it, and so does a
 * year or date that does not follow a column word ("1-1-2022 | Toevoeging | Onttrekking | 31-12-2022").
 */
function byPhrases(words: Word[]): { text: string; rank: number }[] {
  const labelWords = new Set(tableWords().labelColumns);
  const columns: { words: string[]; rank: number; dated: boolean }[] = [];
  let open: { words: string[]; rank: number; dated: boolean } | undefined;
  // The words of a phrase already opened a column; "te ontvangen" inside "nog te ontvangen" opens none.
  let coveredUntil = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const marked = /^\d\.$/.test(word.text) ? phraseAt(words, i + 1) : undefined;
    const phrase = i > coveredUntil ? (marked ? { ...marked, length: marked.length + 1 } : phraseAt(words, i)) : undefined;
    const year = YEAR.test(word.text);
    // A full date heads a column of its own ("… Vrijval | 31-12-2022"), unless it says as of when ("Saldo per 31-12-2022").
    const ownDate = DATE.test(word.text) && !AS_OF.has(words[i - 1]?.folded ?? '');
    if (phrase || (year && (!open || open.dated || ownDate))) {
      open = { words: [], rank: phrase?.rank ?? -1, dated: false };
      columns.push(open);
      if (phrase) coveredUntil = i + phrase.length - 1;
    } else if (i > coveredUntil && labelWords.has(word.folded)) {
      open = undefined;
      continue;
    }
    open?.words.push(word.text);
    if (open && year) open.dated = true;
  }
  return columns.map((column) => ({ text: column.words.join(' '), rank: column.rank }));
}

function toWords(header: string): Word[] {
  return header.split(/\s+/).filter((text) => text !== '').map((text) => ({ text, folded: foldText(text).replace(/[:,]$/, '') }));
}

/**
 * The names of `count` figure columns as the header prints them, or undefined when the header does not split into
 * that many. `after`: the header stands after the rows, so its order is not to be trusted.
 */
export function headerColumns(header: string, count: number, after: boolean): string[] | undefined {
  const words = toWords(header);
  if (words.length === 0 || count === 0) return undefined;
  const years = byYears(words);
  if (years.length === count && !after) return years;
  const phrases = byPhrases(words);
  // Out of order only when every column is named by a column word: a year alone has no place in that order.
  const reorder = after && phrases.every((p) => p.rank >= 0);
  if (phrases.length === count) return (reorder ? [...phrases].sort((a, b) => a.rank - b.rank) : phrases).map((p) => p.text);
  return years.length === count ? years : undefined;
}

/** The year a column is about: the last year its name gives. */
export function columnYear(name: string): number | null {
  const years = name.match(/\b(?:19|20)\d\d\b/g);
  return years ? Number(years[years.length - 1]) : null;
}
