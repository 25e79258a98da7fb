/**
 * GitHub pipe tables in answer text ("| Post | 2022 | 2021 |", a "|---|---:|" line, then rows): recognising the
 * lines, splitting cells (a "\|" is a pipe inside a cell), and writing a structured answer table back as one,
 * for copies and exports. Pure functions of strings; nothing here touches the DOM.
 */

/** @typedef {'left' | 'right' | 'center' | null} Align */
/** @typedef {{ header: string[], align: Align[], rows: string[][] }} PipeTable */

const ROW = /^\s*\|.*\|\s*$/;
const DELIMITER = /^\s*\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?\s*$/;

/** True when a line looks like a table row ("| a | b |"). @param {string} line */
export function isPipeRow(line) {
  return ROW.test(line);
}

/** True when a line is a table's delimiter row ("|---|---:|"). @param {string} line */
export function isDelimiterRow(line) {
  return DELIMITER.test(line) && line.includes('-');
}

/**
 * The cells of a row, trimmed; "\|" stays a pipe inside its cell.
 * @param {string} line
 * @returns {string[]}
 */
export function splitCells(line) {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** @param {string} cell @returns {Align} */
function alignOf(cell) {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

/**
 * Reads a table from its lines: header, delimiter, rows. Rows are padded or cut to the header's width.
 * @param {string[]} lines
 * @returns {PipeTable}
 */
export function parsePipeTable(lines) {
  const header = splitCells(lines[0] ?? '');
  const align = splitCells(lines[1] ?? '').map(alignOf);
  const rows = lines.slice(2).map((line) => {
    const cells = splitCells(line);
    return header.map((_, index) => cells[index] ?? '');
  });
  return { header, align: header.map((_, index) => align[index] ?? null), rows };
}

/** @param {string} text */
function escapeCell(text) {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/**
 * A structured answer table (AnswerTable of server/answer/types.ts) as Markdown: caption and unit above a pipe
 * table, each cell with its citation marker, computed cells marked.
 * @param {{ caption: string, unit: string | null, columns: string[], rows: { label: string, cells: { text: string, n: number | null, computed?: boolean }[] }[] }} table
 * @param {string} computedNote "berekend" or "computed"
 */
export function answerTableAsMarkdown(table, computedNote) {
  const title = [table.caption, table.unit ? `(${table.unit})` : ''].filter(Boolean).join(' ');
  const header = `| ${['', ...table.columns].map(escapeCell).join(' | ')} |`;
  const delimiter = `|${['---', ...table.columns.map(() => '---:')].join('|')}|`;
  const rows = table.rows.map((row) => {
    const cells = row.cells.map((cell) => [cell.text, cell.computed ? `(${computedNote})` : '', cell.n ? `[${cell.n}]` : ''].filter(Boolean).join(' '));
    return `| ${[row.label, ...cells].map(escapeCell).join(' | ')} |`;
  });
  return [title ? `*${title}*` : '', [header, delimiter, ...rows].join('\n')].filter(Boolean).join('\n\n');
}
