/**
 * Putting each row's cells under the table's columns. A row with as many cells as columns fills them in order.
 * One with more: "- 1.655" may be a negative figure printed with a space (taken when that gives no more cells
 * than columns), else the first figures belong to the label ("Jonger dan 25 | 8 | 7 …"). One with fewer cells lacks some
 * columns: when a totals row follows, the placement whose column sums come closest to the totals is taken (a
 * missing "nog te ontvangen" cell shows in that column's sum); otherwise figures fill the last columns, as
 * flattened tables usually lose their first, empty cells.
 */
import { foldText } from '../text/fold-text.js';
import { cellValue, type RowCell, type RowReading } from './table-cells.js';
import { tableWords } from './table-words.js';

/** A row with each cell's column index. */
export interface AlignedRow {
  label: string;
  cells: (RowCell & { column: number })[];
}

/** Rows whose figures differ more from the totals than this share of the total are not summed by that total. */
const TOTAL_TOLERANCE = 0.001;
/** Wider tables are not placed by their totals: the placements to try grow as (columns choose cells). */
const MAX_PLACED_COLUMNS = 10;

/** "- 1.655" read as one negative figure: the dash cells joined with the figure after them. */
function joinSpacedMinus(cells: RowCell[], row: string): RowCell[] {
  const joined: RowCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as RowCell;
    const next = cells[i + 1];
    if (/^[-–]$/.test(cell.text) && next && next.value !== null && next.value >= 0) {
      const text = row.slice(cell.start, next.end);
      joined.push({ text, value: cellValue(text.replace(/\s+/g, '')), start: cell.start, end: next.end });
      i += 1;
    } else joined.push(cell);
  }
  return joined;
}

/** A row cut down or joined up to `count` cells when it has more. */
function fitLong(reading: RowReading, row: string, count: number): RowReading {
  if (reading.cells.length <= count) return reading;
  const joined = joinSpacedMinus(reading.cells, row);
  if (joined.length <= count) return { label: reading.label, cells: joined };
  const extra = reading.cells.length - count;
  const last = reading.cells[extra - 1] as RowCell;
  return { label: row.slice(0, last.end).trim(), cells: reading.cells.slice(extra) };
}

/** Every way to place `cells` cells in order under `count` columns: the column index of each cell. */
function placements(cells: number, count: number, from = 0): number[][] {
  if (cells === 0) return [[]];
  const found: number[][] = [];
  for (let column = from; column <= count - cells; column++) {
    for (const rest of placements(cells - 1, count, column + 1)) found.push([column, ...rest]);
  }
  return found;
}

function isTotal(label: string): boolean {
  const first = foldText(label).split(/[\s:]+/)[0] ?? '';
  return tableWords().totals.includes(first);
}

const sumInto = (sums: number[], cells: RowCell[], columns: number[]) => cells.forEach((cell, i) => {
  sums[columns[i] as number] = (sums[columns[i] as number] ?? 0) + (cell.value ?? 0);
});

/** The placement of each short row between two totals rows that brings the column sums closest to the totals. */
function placeByTotals(rows: RowReading[], columnsOf: (number[] | undefined)[], total: RowReading, count: number): void {
  const sums = new Array<number>(count).fill(0);
  rows.forEach((row, i) => columnsOf[i] && sumInto(sums, row.cells, columnsOf[i] as number[]));
  const totals = total.cells.map((cell) => cell.value ?? 0);
  const deviation = (candidate: number[]) => candidate.reduce((sum, value, i) => sum + Math.abs(value - (totals[i] ?? 0)), 0);
  rows.forEach((row, i) => {
    if (columnsOf[i] || row.cells.length === 0) return;
    const scored = placements(row.cells.length, count).map((columns) => {
      const trial = [...sums];
      sumInto(trial, row.cells, columns);
      return { columns, trial, score: deviation(trial) };
    }).sort((a, b) => a.score - b.score);
    const best = scored[0];
    const scale = totals.reduce((sum, value) => sum + Math.abs(value), 0);
    if (!best || best.score > TOTAL_TOLERANCE * scale + count) return;
    columnsOf[i] = best.columns;
    sums.splice(0, count, ...best.trial);
  });
}

const rightAligned = (cells: number, count: number) => Array.from({ length: cells }, (_, i) => count - cells + i);

/** Aligns the rows (their collapsed texts and readings) to `count` columns. */
export function alignRows(texts: string[], readings: RowReading[], count: number): AlignedRow[] {
  const rows = readings.map((reading, i) => fitLong(reading, texts[i] as string, count));
  const columnsOf: (number[] | undefined)[] = rows.map((row) => (row.cells.length === count ? row.cells.map((_, i) => i) : undefined));
  let groupStart = 0;
  rows.forEach((row, i) => {
    if (!isTotal(row.label) || row.cells.length !== count || count > MAX_PLACED_COLUMNS) return;
    const group = columnsOf.slice(groupStart, i);
    placeByTotals(rows.slice(groupStart, i), group, row, count);
    group.forEach((columns, k) => (columnsOf[groupStart + k] = columns));
    groupStart = i + 1;
  });
  return rows.map((row, i) => {
    const columns = columnsOf[i] ?? rightAligned(row.cells.length, count);
    return { label: row.label, cells: row.cells.map((cell, j) => ({ ...cell, column: columns[j] as number })) };
  });
}
