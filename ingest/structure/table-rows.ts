import { foldText } from '../text/fold-text.js';
import { tableWords } from './table-words.js';

/**
 * Recognising flattened table rows: PDF extraction turns a table row into one line with a label followed by
 * numeric cells ("Totaal aantal gemelde klachten 82 121 124 125 75", "Pilot … 18.320€ -€ -€ 18.320€").
 */

const CELL = /^(?:[-–]?€?-?\d[\d.,]*[%€]?|\(\d[\d.,]*\)[%€]?|[-–]?€|€?[-–]|n\.v\.t\.?|nvt|\*+)$/i;
// A column is headed by a year or a date in it ("31-12-2022").
const YEAR = /^(?:\d{1,2}[-./]\d{1,2}[-./])?(?:19|20)\d\d$/;
const HEADER_WORD = /^(?:begroting|realisatie|jaarrekening|totaal|raming|verschil|budget|werkelijk|prognose|aantal|bedrag|%|€|x|in)$/i;

/** Number of numeric cells at the end of the line. */
export function trailingCells(text: string): number {
  const tokens = text.trim().split(/\s+/);
  let count = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (!CELL.test(tokens[i] ?? '')) break;
    count += 1;
  }
  return count;
}

/** True for a line that reads as a flattened table row: a label followed by two or more numeric cells. */
export function isTableRow(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || isColumnHeader(trimmed)) return false;
  const cells = trailingCells(trimmed);
  // A sentence may end in two numbers ("… in de jaren 2023 -2025."); a table cell never ends in a full stop.
  if (cells >= 2) return !/(?:[a-z]{3,}|\d)[.!?]$/.test(trimmed);
  // One € cell is enough when the amount is written like a table cell ("18.320€" or "€ -").
  return cells === 1 && /(?:\d€|[-–]€|€\s*[-–])$/.test(trimmed) && trimmed.split(/\s+/).length <= 14;
}

let listedWords: Set<string> | undefined;

/** The words of the column, qualifier and label-column lists of data/table-words.json ("toegekend", "nog", "te"). */
function listedHeaderWords(): Set<string> {
  const words = tableWords();
  listedWords ??= new Set([...words.columns.flat(), ...words.qualifiers, ...words.labelColumns].flatMap((phrase) => phrase.split(' ')));
  return listedWords;
}

function isHeaderWord(token: string): boolean {
  return HEADER_WORD.test(token) || /^\d\.$/.test(token) || listedHeaderWords().has(foldText(token).replace(/[:,]$/, ''));
}

/** True for a line of column headers: only years and header words, at least two of them, one a year. */
export function isColumnHeader(text: string): boolean {
  const tokens = text.trim().split(/\s+/).filter((token) => token !== '');
  if (tokens.length < 2) return false;
  const years = tokens.filter((token) => YEAR.test(token)).length;
  return years >= 1 && tokens.every((token) => YEAR.test(token) || isHeaderWord(token));
}

/**
 * The column headers that end a row of the table itself ("BEDRIJFSOPBRENGSTEN 2022 Begroting 2022 2021" →
 * "2022 Begroting 2022 2021"), or undefined when the row does not end in two or more of them with a year.
 */
export function columnHeaderTail(text: string): string | undefined {
  const tokens = text.trim().split(/\s+/);
  let first = tokens.length;
  while (first > 0 && (YEAR.test(tokens[first - 1] ?? '') || isHeaderWord(tokens[first - 1] ?? ''))) first -= 1;
  const tail = tokens.slice(first).join(' ');
  return isColumnHeader(tail) ? tail : undefined;
}
