/**
 * Reading a flattened table row ("School als Wijk 734.060€ 734.002€ -€ 58€", "Brutolonen 22.691.664 19.357.000
 * 19.903.857") into its label and its cells as printed, each with its value read the Dutch way. Offsets are into
 * the row text, which has its whitespace collapsed as passage text has.
 */
import { parseNumber } from '../text/parse-number.js';
import { tableWords } from './table-words.js';

/** A cell as printed in a row, with its offsets in the row text. */
export interface RowCell {
  text: string;
  /** The value ("-3.076" is -3076, "(1.234)" is -1234), or null for "-", "n.v.t." and other non-figures. */
  value: number | null;
  start: number;
  end: number;
}

/** A row read into its label and cells. */
export interface RowReading {
  label: string;
  cells: RowCell[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const FIGURE = /^(?:[-–]?€?[-–]?\d[\d.,]*[%€]?|\(\d[\d.,]*\)[%€]?|[-–]?€|€?[-–]|n\.v\.t\.?|nvt|n\.b\.?)$/i;

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

/** The value of a cell as printed, or null when it holds no figure. */
export function cellValue(text: string): number | null {
  const compact = text.replace(/\s+/g, '').replace(/[€%]/g, '');
  if (tableWords().notApplicable.includes(compact.toLowerCase()) || compact === '') return null;
  const parenthesised = /^\((.*)\)$/.exec(compact);
  const negative = parenthesised !== null || /^[-–]/.test(compact);
  const digits = (parenthesised?.[1] ?? compact).replace(/^[-–]/, '');
  if (!/^\d[\d.,]*$/.test(digits)) return null;
  const value = parseNumber(digits).value;
  return value === null ? null : negative ? -value : value;
}

/** A lone "€" belongs to the figure after it ("€ 1.234", "€ -"), or before it when it ends the row. */
function joinCurrency(cells: Token[], text: string): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Token;
    const next = cells[i + 1];
    if (cell.text === '€' && next) {
      joined.push({ text: text.slice(cell.start, next.end), start: cell.start, end: next.end });
      i += 1;
    } else if (cell.text === '€' && joined.length > 0) {
      const previous = joined.pop() as Token;
      joined.push({ text: text.slice(previous.start, cell.end), start: previous.start, end: cell.end });
    } else joined.push(cell);
  }
  return joined;
}

/** Splits a row into its label and the figures that end it; footnote marks ("*", "**") stay with the label. */
export function readRow(text: string): RowReading {
  const all = tokens(text);
  let first = all.length;
  while (first > 0 && FIGURE.test(all[first - 1]?.text ?? '')) first -= 1;
  const cells = joinCurrency(all.slice(first), text).map((token) => ({ ...token, value: cellValue(token.text) }));
  const labelEnd = first > 0 ? (all[first - 1] as Token).end : 0;
  return { label: text.slice(0, labelEnd).trim(), cells };
}
