/**
 * A table passage shown as the table it is (PassageTable of ingest/types.ts) instead of its flattened text:
 * caption and unit, column headers, a row per row label, and the quoted span marked in the cells it covers.
 * Cells and labels carry offsets into the passage text, so marks come from offsets, not from re-reading text.
 * The passage text outside the rows (a heading above, an explanation below) is kept around the table.
 */
import { h } from '../dom.js';
import { markedText } from '../highlight.js';
import { strings } from '../strings.js';
import { isFigure, tableElement } from './table-frame.js';

/** @typedef {import('../highlight.js').Span} Span */
/**
 * @typedef {object} PassageTable
 * @property {string} caption
 * @property {string | null} unit
 * @property {string[]} columns
 * @property {{ label: string, start: number, end: number, cells: { text: string, column: string, start: number, end: number }[] }[]} rows
 */

/**
 * The spans inside [start, end), as offsets from `start`.
 * @param {Span[]} spans
 * @param {number} start
 * @param {number} end
 * @returns {Span[]}
 */
function spansWithin(spans, start, end) {
  return spans
    .filter((span) => span.start < end && span.end > start)
    .map((span) => ({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start, ...(span.className ? { className: span.className } : {}) }));
}

/** @param {string} text @param {number} start @param {Span[]} spans */
function marked(text, start, spans) {
  return markedText(text, spansWithin(spans, start, start + text.length));
}

/**
 * The lines of text[0, end) that do not merely repeat the table's caption or header row, each marked.
 * @param {string} text @param {number} end @param {PassageTable} table @param {Span[]} spans
 */
function leadLines(text, end, table, spans) {
  const flat = (/** @type {string} */ line) => line.replace(/\s+/g, ' ').trim();
  const repeats = new Set([table.caption, table.columns.join(' ')].map(flat));
  /** @type {Node[]} */
  const lines = [];
  let start = 0;
  for (const line of text.slice(0, end).split('\n')) {
    if (flat(line) && !repeats.has(flat(line))) {
      if (lines.length) lines.push(document.createTextNode('\n'));
      lines.push(marked(line, start, spans));
    }
    start += line.length + 1;
  }
  return lines;
}

/**
 * Each row's cells in column order: by column name, each cell used once (two columns may share a name), or by
 * position when the cells name no columns.
 * @param {PassageTable['rows'][number]} row
 * @param {string[]} columns
 */
function cellsInColumns(row, columns) {
  if (row.cells.every((cell) => !cell.column)) return columns.map((_, index) => row.cells[index]);
  const unused = [...row.cells];
  return columns.map((column) => {
    const at = unused.findIndex((cell) => cell.column === column);
    return at < 0 ? undefined : unused.splice(at, 1)[0];
  });
}

/**
 * The table's rows for the frame, with text between two rows (a sub-heading) as a group row.
 * @param {string} text @param {PassageTable} table @param {Span[]} spans
 * @returns {import('./table-frame.js').FrameRow[]}
 */
function frameRows(text, table, spans) {
  return table.rows.flatMap((row, index) => {
    const previous = table.rows[index - 1];
    const gap = previous ? text.slice(previous.end, row.start) : '';
    const group = gap.trim() ? [{ label: marked(gap.trim(), previous ? previous.end + gap.indexOf(gap.trim()) : 0, spans), cells: [], group: true }] : [];
    return [...group, {
      label: marked(row.label, Math.max(row.start, text.indexOf(row.label, row.start)), spans),
      className: spansWithin(spans, row.start, row.end).length ? 'row-quoted' : '',
      cells: cellsInColumns(row, table.columns).map((cell) => (cell ? { content: marked(cell.text, cell.start, spans), numeric: isFigure(cell.text) } : { content: '', numeric: false })),
    }];
  });
}

/**
 * The rows as a table, with the text before and after them.
 * @param {string} text the passage text
 * @param {PassageTable} table
 * @param {Span[]} spans quoted spans in the passage text
 */
export function passageTableElement(text, table, spans) {
  const first = table.rows[0];
  const last = table.rows.at(-1);
  const before = first ? leadLines(text, first.start, table, spans) : [];
  // The line break that ends the last row belongs to neither the table nor the text after it.
  const afterStart = last ? last.end + (/^\s*/.exec(text.slice(last.end))?.[0].length ?? 0) : text.length;
  const after = text.slice(afterStart);
  const caption = [table.caption, table.unit ? `(${table.unit})` : ''].filter(Boolean).join(' ');
  const element = tableElement({
    caption: caption || null,
    columns: table.columns,
    label: strings().tableLabel(caption || table.columns.join(', ')),
    className: 'passage-table',
    rows: frameRows(text, table, spans),
  });
  return [
    before.length ? h('p', { class: 'passage-text table-lead' }, before) : null,
    element,
    after.trim() ? h('p', { class: 'passage-text' }, marked(after, afterStart, spans)) : null,
  ];
}

/** True when a passage carries a usable table structure. @param {any} passage */
export function hasTable(passage) {
  return Boolean(passage?.table && Array.isArray(passage.table.rows) && passage.table.rows.length > 0 && Array.isArray(passage.table.columns));
}
