/**
 * A table block read as a table: its caption, unit, named columns and every row's label and cells under those
 * columns. Pure; computed once per table block at ingest and cut per passage by the chunker.
 */
import { foldText } from '../text/fold-text.js';
import { alignRows, type AlignedRow } from './table-align.js';
import { readRow, type RowReading } from './table-cells.js';
import { columnYear, headerColumns } from './table-columns.js';
import { columnHeaderTail } from './table-rows.js';
import { cellUnit, headerUnit, statedUnit } from './table-unit.js';
import { tableWords } from './table-words.js';

/** A table block's structure; cell offsets are into each row's collapsed text. */
export interface TableLayout {
  caption: string;
  unit: string | null;
  columns: string[];
  /** The year each column is about, when its header names one (or the table's one year does). */
  years: (number | null)[];
  /** One entry per row line of the block, in order; null for a line that is the table's own header row. */
  rows: (AlignedRow | null)[];
}

/** What the layout is read from. */
export interface TableSource {
  /** The header text found with the table ("2022 Begroting 2022 2021"), or "". */
  header: string;
  /** True when that header stands after the rows. */
  headerAfter: boolean;
  /** The row lines, whitespace collapsed. */
  rows: string[];
  /** Up to three non-blank lines just above the table, nearest last (caption, unit line). */
  before: string[];
  section: string[];
  /** The table just before, with only headings or labels between: a table cut in two keeps its columns. */
  previous?: TableLayout;
}

const YEAR = /^(?:19|20)\d\d$/;
const GENERIC = /^kolom \d+$/;
const MAX_CAPTION_WORDS = 14;

/** A row of years only ("ACTIVA 2022 2021") heads the columns below it. */
function isYearRow(reading: RowReading): boolean {
  return reading.cells.length >= 2 && reading.cells.every((cell) => YEAR.test(cell.text));
}

/** The numbers of cells the rows have, most common first (the larger one on a tie). */
function cellCounts(readings: RowReading[]): number[] {
  const counts = new Map<number, number>();
  for (const reading of readings) if (reading.cells.length > 0) counts.set(reading.cells.length, (counts.get(reading.cells.length) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([count]) => count);
}

/** How many columns the table has: the most common cell count, unless the header names as many as a less common one. */
function columnCount(source: TableSource, readings: RowReading[]): number {
  const counts = cellCounts(readings);
  const named = counts.find((count) => headerColumns(source.header, count, source.headerAfter) !== undefined);
  return named ?? counts[0] ?? 0;
}

/**
 * A header of years only with a line of as many column words just above it ("Realisatie Begroting Realisatie"
 * over "2023 2023 2022"): the two lines of one header, paired word over year. Returns the columns and the rest of
 * that line, which is the caption.
 */
function pairWithLineAbove(years: string[], above: string | undefined): { columns: string[]; caption: string } | undefined {
  if (!above || !years.every((year) => YEAR.test(year))) return undefined;
  const words = tableWords();
  const known = new Set([...words.columns.flat().filter((phrase) => !phrase.includes(' ')), ...words.qualifiers]);
  const tokens = above.split(/\s+/);
  const tail = tokens.slice(-years.length);
  if (tail.length !== years.length || !tail.every((token) => known.has(foldText(token)))) return undefined;
  return { columns: tail.map((word, i) => `${word} ${years[i]}`), caption: tokens.slice(0, -years.length).join(' ') };
}

function columnNames(source: TableSource, readings: RowReading[], count: number): { columns: string[]; caption?: string } {
  const fromHeader = headerColumns(source.header, count, source.headerAfter);
  const columns = fromHeader ?? columnsWithoutHeader(source, readings, count);
  return pairWithLineAbove(columns, source.before[source.before.length - 1]) ?? { columns };
}

function columnsWithoutHeader(source: TableSource, readings: RowReading[], count: number): string[] {
  for (const [i, reading] of readings.entries()) {
    const tail = isYearRow(reading) ? columnHeaderTail(source.rows[i] as string) : undefined;
    const fromRow = tail ? headerColumns(tail, count, false) : undefined;
    if (fromRow) return fromRow;
  }
  const previous = source.previous?.columns;
  if (previous?.length === count && !previous.every((name) => GENERIC.test(name))) return previous;
  return Array.from({ length: count }, (_, i) => `kolom ${i + 1}`);
}

/** Each column's year; when the header names one year only, the columns that name none are about it too. */
function columnYears(columns: string[]): (number | null)[] {
  const years = columns.map(columnYear);
  const named = new Set(years.filter((year) => year !== null));
  return named.size === 1 ? years.map((year) => year ?? [...named][0] as number) : years;
}

function caption(source: TableSource): string {
  const line = [...source.before].reverse().find((text) => text.split(/\s+/).length <= MAX_CAPTION_WORDS && !/[.;,]$/.test(text) && /^[\p{Lu}\d(]/u.test(text));
  return line ?? source.section[source.section.length - 1] ?? '';
}

/** Reads a table block into its layout. */
export function tableLayout(source: TableSource): TableLayout {
  const readings = source.rows.map(readRow);
  const headerRows = readings.map(isYearRow);
  const data = readings.filter((_, i) => !headerRows[i]);
  const count = columnCount(source, data);
  const { columns, caption: pairedCaption } = columnNames(source, readings, count);
  const aligned = alignRows(source.rows.filter((_, i) => !headerRows[i]), data, count);
  let next = 0;
  const rows = readings.map((_, i) => (headerRows[i] ? null : (aligned[next++] as AlignedRow)));
  const unit = [source.header, ...source.before].map(statedUnit).find((found) => found !== null) ?? headerUnit(source.header) ??
    cellUnit(data.flatMap((reading) => reading.cells.map((cell) => cell.text)));
  return { caption: pairedCaption || caption(source), unit, columns, years: columnYears(columns), rows };
}

/** Where a row line of a table block stands: the layout of its part of the table and its index there. */
export interface RowPlace {
  layout: TableLayout;
  row: number;
}

/**
 * Reads a table block whose rows may change columns halfway: a row of column headers after data rows
 * ("BEDRIJFSOPBRENGSTEN 2022 Begroting 2022 2021" below a balance sheet's "2022 2021") opens a part with its own
 * columns. Returns, per row line, its part's layout and its index in it.
 */
export function tableLayouts(source: TableSource): RowPlace[] {
  const starts = [0];
  let seenData = false;
  source.rows.forEach((text, i) => {
    const header = isYearRow(readRow(text)) ? columnHeaderTail(text) : undefined;
    if (header && seenData) {
      starts.push(i);
      seenData = false;
    } else if (!header && readRow(text).cells.length > 0) seenData = true;
  });
  const places: RowPlace[] = [];
  let previous = source.previous;
  starts.forEach((start, part) => {
    const rows = source.rows.slice(start, starts[part + 1] ?? source.rows.length);
    // A later part is captioned by its header row's label; the unit stated above the whole table still holds.
    const first = rows[0] as string;
    const header = columnHeaderTail(first) ?? '';
    const label = first.slice(0, first.length - header.length).trim();
    const opening = part === 0 ? source : { ...source, header, headerAfter: false, before: [...source.before, ...(label ? [label] : [])] };
    const layout = tableLayout({ ...opening, rows, ...(previous ? { previous } : {}) });
    rows.forEach((_, row) => places.push({ layout, row }));
    previous = layout;
  });
  return places;
}
