/**
 * The table of one register: sortable column headers (buttons, with aria-sort on the header cell) and cells whose
 * every value is a button that opens its passage in the source panel with the value marked. Values the documents
 * disagree on stand side by side in one cell, marked as a conflict.
 */
import { h } from '../dom.js';
import { strings } from '../strings.js';

/** @typedef {import('./register-model.js').Row} Row */
/** @typedef {import('./register-model.js').Column} Column */
/** @typedef {import('./register-model.js').Source} Source */
/** @typedef {{ key: string, direction: 'ascending' | 'descending' } | null} SortChoice */

/**
 * @param {import('./register-model.js').Cell} cell
 * @param {(source: Source, opener: HTMLElement) => void} openSource
 * @param {(documentId: string) => string} titleOf
 */
function cellContent(cell, openSource, titleOf) {
  const text = strings();
  const buttons = cell.values.map((value) => {
    const source = value.sources[0];
    if (!source) return h('span', { text: value.text });
    const where = source.page === null ? titleOf(source.documentId) : `${titleOf(source.documentId)}, p. ${source.page}`;
    const others = value.sources.length > 1 ? ` (+${value.sources.length - 1})` : '';
    const button = h('button', {
      class: 'register-value', attrs: { type: 'button', 'aria-label': text.registerOpenSource(value.text, where), title: `${where}${others}` }, text: value.text,
      on: { click: () => openSource(source, button) },
    });
    return button;
  });
  if (!cell.conflict) return buttons;
  return [h('span', { class: 'badge badge-conflict', text: text.registerConflict }), h('span', { class: 'register-values' }, buttons)];
}

/**
 * @param {Column[]} columns
 * @param {Row[]} rows rows to show, filtered and sorted
 * @param {{ sort: SortChoice, onSort: (key: string) => void, openSource: (source: Source, opener: HTMLElement) => void, titleOf: (id: string) => string, caption: string }} options
 */
export function registerTable(columns, rows, options) {
  const text = strings();
  const header = h('tr', {}, columns.map((column) => {
    const sorted = options.sort?.key === column.key ? options.sort.direction : null;
    const label = text.registerColumns[column.key] ?? column.key;
    return h('th', { attrs: { scope: 'col', 'aria-sort': sorted ?? 'none', 'data-column': column.key, class: column.numeric ? 'numeric' : null } },
      h('button', { class: 'sort-button', attrs: { type: 'button', 'aria-label': text.registerSortBy(label) }, on: { click: () => options.onSort(column.key) } },
        label, h('span', { class: 'sort-mark', attrs: { 'aria-hidden': 'true' }, text: sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '' })));
  }));
  const body = rows.map((row) => h('tr', { attrs: { 'data-row': row.key } }, columns.map((column) => {
    const cell = row.cells[column.key];
    const classes = [column.numeric ? 'numeric' : '', cell?.conflict ? 'conflict' : ''].filter(Boolean).join(' ');
    return h('td', { attrs: { 'data-column': column.key, class: classes || null } }, cell ? cellContent(cell, options.openSource, options.titleOf) : null);
  })));
  return h('div', { class: 'table-scroll register-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': options.caption } },
    h('table', { class: 'register-table' }, h('caption', { class: 'visually-hidden', text: options.caption }), h('thead', {}, header), h('tbody', {}, body)));
}
