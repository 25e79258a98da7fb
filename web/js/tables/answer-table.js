/**
 * An answer's figures as a table (AnswerTable of server/answer/types.ts): the caption and unit, the column
 * headers (years, begroting/realisatie), the row labels, and in each cell its figure with the marker of the
 * passage it comes from. A difference or percentage Grip computed itself is marked as computed, never passed
 * off as a quote.
 */
import { h } from '../dom.js';
import { strings } from '../strings.js';
import { isFigure, tableElement } from './table-frame.js';

/**
 * @typedef {object} AnswerTable
 * @property {string} caption
 * @property {string | null} unit
 * @property {string[]} columns
 * @property {{ label: string, cells: { text: string, n: number | null, computed?: boolean }[] }[]} rows
 */

/** The caption line: "Lasten (x € 1.000)". @param {AnswerTable} table */
export function captionOf(table) {
  return [table.caption, table.unit ? `(${table.unit})` : ''].filter(Boolean).join(' ');
}

/**
 * @param {AnswerTable} table
 * @param {(n: number) => Node | null} marker renders citation n
 */
export function answerTableElement(table, marker) {
  const text = strings();
  const caption = captionOf(table);
  return tableElement({
    caption: caption || null,
    columns: table.columns,
    label: text.tableLabel(caption || table.columns.join(', ')),
    className: 'answer-table',
    rows: table.rows.map((row) => ({
      label: row.label,
      cells: table.columns.map((_, index) => {
        const cell = row.cells[index];
        if (!cell) return { content: '', numeric: false };
        return {
          numeric: isFigure(cell.text),
          className: cell.computed ? 'computed' : '',
          content: [
            cell.text,
            cell.computed ? h('span', { class: 'computed-note', text: ` (${text.computed})` }) : null,
            cell.n ? [' ', marker(cell.n) ?? `[${cell.n}]`] : null,
          ],
        };
      }),
    })),
  });
}
