/**
 * A table passage's structure (`Passage.table`): the rows of its table that the passage holds, each cell under its
 * column with its year and its offsets in the passage text, which is what quotes and highlights are cut from.
 */
import type { TableLayout } from '../structure/table-layout.js';
import type { PassageTable, TableRow } from '../types.js';
import type { PassageDraft } from './chunk-units.js';
import type { Unit } from './units.js';

/** A text passage needs this many rows with figures to count as holding a table, not one stray line. */
const MIN_ROWS_IN_TEXT = 2;

function tableRow(unit: Unit, at: number): TableRow | undefined {
  const layout = unit.table?.layout;
  const aligned = unit.table ? layout?.rows[unit.table.row] : undefined;
  if (!layout || !aligned) return undefined;
  return {
    label: aligned.label,
    start: at,
    end: at + unit.text.length,
    cells: aligned.cells.map((cell) => {
      const column = layout.columns[cell.column] ?? '';
      return { text: cell.text, value: cell.value, column, year: layout.years[cell.column] ?? null, start: at + cell.start, end: at + cell.end };
    }),
  };
}

/** The columns of the layouts a passage's rows come from, each name once, in the order they first appear. */
function unionColumns(layouts: TableLayout[]): string[] {
  return [...new Set(layouts.flatMap((layout) => layout.columns))];
}

/**
 * The table structure of a passage that holds rows of a read table — a table passage, or a text passage with a
 * table in it (a short table with its explanation) — or undefined. Rows of two parts of a table (a balance sheet
 * and the income statement under it) share one structure: their columns, each name once.
 */
export function passageTable(draft: PassageDraft): PassageTable | undefined {
  const rows: TableRow[] = [];
  const layouts: TableLayout[] = [];
  let cursor = 0;
  for (const unit of draft.units) {
    const at = draft.text.indexOf(unit.text, cursor);
    if (at < 0) continue;
    cursor = at + unit.text.length;
    const row = unit.kind === 'row' ? tableRow(unit, at) : undefined;
    if (!row || !unit.table) continue;
    rows.push(row);
    if (!layouts.includes(unit.table.layout)) layouts.push(unit.table.layout);
  }
  const columns = unionColumns(layouts);
  if (columns.length === 0 || rows.length === 0) return undefined;
  if (draft.kind !== 'table' && rows.filter((row) => row.cells.length > 0).length < MIN_ROWS_IN_TEXT) return undefined;
  const first = layouts[0] as TableLayout;
  return { caption: first.caption, unit: layouts.find((layout) => layout.unit !== null)?.unit ?? null, columns, rows };
}
