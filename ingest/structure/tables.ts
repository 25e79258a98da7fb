/**
 * Grouping flattened table rows into tables, with their column headers — found before the rows, or, as in
 * the annual report's annex, after them.
 */
import { countWords, isBlank, type Line } from './lines.js';
import { isColumnHeader, isTableRow } from './table-rows.js';

/** A table as a range of line indexes with its header and row lines. */
export interface TableBlock {
  /** First and last line index belonging to the table (header lines included). */
  first: number;
  last: number;
  rows: Line[];
  /** Column-header text, repeated at the top of every passage cut from the table. */
  header: string;
  /** True when the header was printed after the rows, so its words need not be in column order. */
  headerAfter: boolean;
}

const MAX_LABEL_WORDS = 7;
const MAX_TRAILING_HEADER_LINES = 14;
const MAX_HEADER_LOOKBACK = 10;

function isLabel(line: Line): boolean {
  const text = line.text.trim();
  return countWords(text) <= MAX_LABEL_WORDS && !/[.;:]$/.test(text) && !/^\*/.test(text);
}

function nextContentIndex(lines: Line[], from: number, limit = 3): number | undefined {
  for (let i = from; i < lines.length && i < from + limit; i++) if (!isBlank(lines[i])) return i;
  return undefined;
}

/** Finds tables: runs of at least two rows, allowing blank lines and short group labels between rows. */
export function detectTables(lines: Line[], isHeading: (index: number) => boolean): TableBlock[] {
  const tables: TableBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line || !isTableRow(line.text) || isHeading(i)) {
      i += 1;
      continue;
    }
    const table = growTable(lines, i, isHeading);
    if (table.rows.length >= 2 || (table.rows.length === 1 && table.header !== '')) tables.push(table);
    i = table.last + 1;
  }
  return tables;
}

function growTable(lines: Line[], firstRow: number, isHeading: (index: number) => boolean): TableBlock {
  const rows: Line[] = [];
  let last = firstRow;
  let i = firstRow;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    if (isHeading(i) && !isTableRow(line.text)) break;
    if (isTableRow(line.text) || isColumnHeader(line.text)) {
      rows.push(line);
      last = i;
    } else if (isLabel(line)) {
      const next = nextContentIndex(lines, i + 1);
      if (next === undefined || !isTableRow(lines[next]?.text ?? '')) break;
      rows.push(line);
      last = i;
    } else break;
    i += 1;
  }
  const leading = leadingHeader(lines, firstRow);
  if (leading) return { first: leading.first, last, rows: [...leading.labels, ...rows], header: leading.text, headerAfter: false };
  const trailing = trailingHeader(lines, last + 1, isHeading);
  return { first: firstRow, last: trailing?.last ?? last, rows, header: trailing?.text ?? '', headerAfter: trailing !== undefined };
}

/**
 * Column headers above the first row: a years line ("2022 Begroting 2022 2021"), maybe after a caption, maybe
 * over a group label ("Overige bedrijfskosten"), which then becomes the table's first row.
 */
function leadingHeader(lines: Line[], firstRow: number): { first: number; text: string; labels: Line[] } | undefined {
  const labels: Line[] = [];
  // Blank lines do not count: a PDF table's empty grid rows come out as several of them.
  let seen = 0;
  for (let i = firstRow - 1; i >= 0 && i >= firstRow - MAX_HEADER_LOOKBACK && seen < 3; i--) {
    const line = lines[i] as Line;
    if (isBlank(line)) continue;
    seen += 1;
    if (isColumnHeader(line.text)) return { first: i, text: line.text.trim().replace(/\s+/g, ' '), labels };
    // A group label may wrap onto a second line ("Hervorming: Terugdringen zorgkosten" / "(inkoop Jeugd, …)"), and
    // may look like a heading ("Subsidie gemeente Groningen" under "2022 Begroting 2022 2021"): it is a label when a
    // column header stands above it.
    if (labels.length > 1 || !isLabel(line)) return undefined;
    labels.unshift(line);
  }
  return undefined;
}

/** Header fragments printed after the rows: short label lines, up to a sentence or a footnote. */
function trailingHeader(lines: Line[], from: number, isHeading: (index: number) => boolean): { last: number; text: string } | undefined {
  const parts: string[] = [];
  let last = -1;
  let taken = 0;
  for (let i = from; i < lines.length && taken < MAX_TRAILING_HEADER_LINES; i++) {
    const line = lines[i] as Line;
    if (isBlank(line)) continue;
    if (isHeading(i) || !isLabel(line) || isTableRow(line.text)) break;
    parts.push(line.text.trim().replace(/\s+/g, ' '));
    last = i;
    taken += 1;
  }
  // One short line after a table is usually the next caption or a heading, not a header block.
  if (parts.length < 3) return undefined;
  return { last, text: parts.join(' ') };
}
