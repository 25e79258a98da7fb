/**
 * The one way tables look in the app — answers, passages and exports alike: a caption with the unit, a header
 * row, a row header per row (its label) and figures right-aligned. A wide table scrolls inside its own
 * keyboard-focusable frame, so the page never scrolls sideways on a phone.
 */
import { h } from '../dom.js';
import { strings } from '../strings.js';

/** @typedef {import('../dom.js').Child} Child */
/** @typedef {{ content: Child, numeric: boolean, className?: string }} FrameCell */
/** A row; `group` is a heading between rows ("Sociale lasten") that spans the whole table. */
/** @typedef {{ label: Child, cells: FrameCell[], className?: string, group?: boolean }} FrameRow */

/** Text that is a figure (amount, count, percentage, "-"): right-aligned, as in the printed table. */
const FIGURE = /^[-−–+]?\s*(?:€\s*)?[-−–]?\d[\d.,\s]*(?:\s*(?:%|mln|miljoen|fte))?(?:\s*\((?:berekend|computed)\))?(?:\s*\[\d{1,3}\])*$|^[-−–]$/i;

/** True when a cell's text reads as a figure. @param {string} text */
export function isFigure(text) {
  return FIGURE.test(text.trim());
}

/**
 * A table in its scrolling frame.
 * @param {{ caption: Child, corner?: Child, columns: Child[], rows: FrameRow[], label: string, className?: string }} parts
 *   `columns` holds the headers of the cell columns; `corner` the label column's, named for screen readers only
 *   when the table gives none.
 */
export function tableElement({ caption, corner, columns, rows, label, className = '' }) {
  const table = h('table', { class: `data-table ${className}`.trim() },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {},
      h('th', { attrs: { scope: 'col' } }, corner || h('span', { class: 'visually-hidden', text: strings().tableRowHeader })),
      columns.map((column) => h('th', { class: 'num', attrs: { scope: 'col' } }, column)))),
    h('tbody', {}, rows.map((row) => (row.group
      ? h('tr', { class: 'table-group' }, h('th', { attrs: { scope: 'rowgroup', colspan: columns.length + 1 } }, row.label))
      : h('tr', { class: row.className || undefined },
        h('th', { attrs: { scope: 'row' } }, row.label),
        row.cells.map((cell) => h('td', { class: [cell.numeric ? 'num' : '', cell.className ?? ''].join(' ').trim() || undefined }, cell.content)))))));
  return h('div', { class: 'table-frame', attrs: { role: 'region', tabindex: '0', 'aria-label': label } }, table);
}

/**
 * A pipe table from the answer text, its cells rendered inline (bold, markers).
 * @param {import('./pipe-table.js').PipeTable} pipe
 * @param {(text: string) => Node[]} inline
 */
export function pipeTableElement(pipe, inline) {
  const [corner = '', ...columns] = pipe.header;
  return tableElement({
    caption: null,
    corner: corner ? inline(corner) : null,
    columns: columns.map((column) => inline(column)),
    label: strings().tableLabel(pipe.header.filter(Boolean).join(', ')),
    rows: pipe.rows.map((cells) => ({
      label: inline(cells[0] ?? ''),
      cells: cells.slice(1).map((cell) => ({ content: inline(cell), numeric: isFigure(cell), className: /\((?:berekend|computed)\)/i.test(cell) ? 'computed' : '' })),
    })),
  });
}
