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

/** The layout most of the passage's rows come from: a passage rarely holds the tail of one table and another. */
function mainLayout(rows: Unit[]): TableLayout | undefined {
  const counts = new Map<TableLayout, number>();
  for (const unit of rows) if (unit.table) counts.set(unit.table.layout, (counts.get(unit.table.layout) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function tableRow(unit: Unit, layout: TableLayout, at: number): TableRow | undefined {
  const aligned = unit.table ? layout.rows[unit.table.row] : undefined;
  if (!aligned) return undefined;
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

/**
 * The table structure of a passage that holds rows of a read table — a table passage, or a text passage with a
 * table in it (a short table with its explanation) — or undefined.
 */
export function passageTable(draft: PassageDraft): PassageTable | undefined {
  const layout = mainLayout(draft.units.filter((unit) => unit.kind === 'row'));
  if (!layout || layout.columns.length === 0) return undefined;
  const rows: TableRow[] = [];
  let cursor = 0;
  for (const unit of draft.units) {
    const at = draft.text.indexOf(unit.text, cursor);
    if (at < 0) continue;
    cursor = at + unit.text.length;
    if (unit.kind !== 'row' || unit.table?.layout !== layout) continue;
    const row = tableRow(unit, layout, at);
    if (row) rows.push(row);
  }
  if (rows.length === 0 || (draft.kind !== 'table' && rows.filter((row) => row.cells.length > 0).length < MIN_ROWS_IN_TEXT)) return undefined;
  return { caption: layout.caption, unit: layout.unit, columns: [...layout.columns], rows };
}
