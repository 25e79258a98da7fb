/**
 * The registers page's tables as pure data: the API's merged lines turned into rows of cells, each cell one or more
 * values (more than one: the documents disagree) with the sources to open; and filtering and sorting of those rows.
 */
import { foldForMatch } from '../highlight.js';

/** @typedef {'deelopdrachten' | 'budgets' | 'mandates'} RegisterKind */
/** @typedef {{ passageId: string, documentId: string, page: number | null, start: number, end: number, text: string }} Source */
/** @typedef {{ text: string, sources: Source[] }} CellValue */
/** @typedef {{ values: CellValue[], conflict: boolean, sort: string | number | null }} Cell */
/** @typedef {{ key: string, numeric: boolean }} Column */
/** @typedef {{ key: string, cells: Record<string, Cell>, search: string }} Row */

/** Columns of each register, in order; their labels are in strings.js under `registerColumns`. */
export const COLUMNS = /** @type {Record<RegisterKind, Column[]>} */ ({
  deelopdrachten: [
    { key: 'number', numeric: true }, { key: 'name', numeric: false }, { key: 'period', numeric: false }, { key: 'year', numeric: true },
    { key: 'area', numeric: false }, { key: 'granted', numeric: true }, { key: 'spent', numeric: true }, { key: 'toReceive', numeric: true },
    { key: 'toSettle', numeric: true }, { key: 'documents', numeric: false },
  ],
  budgets: [
    { key: 'subject', numeric: false }, { key: 'year', numeric: true }, { key: 'amount', numeric: true }, { key: 'unit', numeric: false },
    { key: 'documents', numeric: false },
  ],
  mandates: [{ key: 'actor', numeric: false }, { key: 'power', numeric: false }, { key: 'object', numeric: false }, { key: 'documents', numeric: false }],
});

/** @param {any} value a field value: text, number, or a figure */
const shown = (value) => (value !== null && typeof value === 'object' ? String(value.text) : String(value));

/** A cell of a merged field: one value per distinct value, the conflict flag, and a sort key. @param {any} field */
function fieldCell(field) {
  const values = (field?.values ?? []).map((/** @type {any} */ v) => ({ text: shown(v.value), sources: v.sources }));
  const first = field?.values?.[0]?.value;
  const sort = first === undefined ? null : typeof first === 'object' ? first.value ?? first.text : first;
  return { values, conflict: Boolean(field?.conflict), sort };
}

/** @param {string} text @param {Source[]} sources @returns {Cell} */
const textCell = (text, sources) => ({ values: text ? [{ text, sources }] : [], conflict: false, sort: text || null });

/** A cell naming each document, each opening that document's source. @param {Source[]} sources @param {(id: string) => string} titleOf */
function documentsCell(sources, titleOf) {
  const byDocument = new Map();
  for (const source of sources) if (!byDocument.has(source.documentId)) byDocument.set(source.documentId, source);
  const values = [...byDocument.values()].map((source) => ({ text: source.page === null ? titleOf(source.documentId) : `${titleOf(source.documentId)}, p. ${source.page}`, sources: [source] }));
  return { values, conflict: false, sort: values[0]?.text ?? null };
}

/** @param {Record<string, Cell>} cells */
const searchText = (cells) => foldForMatch(Object.values(cells).flatMap((cell) => cell.values.map((v) => v.text)).join(' ')).chars;

/** @param {any} line @param {(id: string) => string} titleOf @returns {Row} */
function deelopdrachtRow(line, titleOf) {
  const fields = ['number', 'name', 'period', 'year', 'area', 'granted', 'spent', 'toReceive', 'toSettle'];
  /** @type {Record<string, Cell>} */
  const cells = Object.fromEntries(fields.map((key) => [key, fieldCell(line[key])]));
  cells.documents = documentsCell(fields.flatMap((key) => (line[key]?.values ?? []).flatMap((/** @type {any} */ v) => v.sources)), titleOf);
  return { key: `d:${line.key}`, cells, search: searchText(cells) };
}

/** @param {any} line @param {(id: string) => string} titleOf @returns {Row} */
function budgetRow(line, titleOf) {
  const sources = line.amount.values.flatMap((/** @type {any} */ v) => v.sources);
  const units = [...new Set(line.amount.values.map((/** @type {any} */ v) => v.value.unit).filter(Boolean))].join(' | ');
  const cells = {
    subject: textCell(line.subject, sources.slice(0, 1)),
    year: textCell(line.year === null ? '' : String(line.year), sources.slice(0, 1)),
    amount: { ...fieldCell(line.amount), conflict: line.difference },
    unit: textCell(units, sources.slice(0, 1)),
    documents: documentsCell(sources, titleOf),
  };
  cells.year.sort = line.year;
  return { key: `b:${line.subject}:${line.year}`, cells, search: searchText(cells) };
}

/** @param {any} group @param {(id: string) => string} titleOf @returns {Row[]} */
function mandateRows(group, titleOf) {
  return group.mandates.map((/** @type {any} */ mandate, /** @type {number} */ i) => {
    const sources = [mandate.source];
    const cells = {
      actor: textCell(group.actor, sources), power: textCell(mandate.power, sources), object: textCell(mandate.object, sources),
      documents: documentsCell(sources, titleOf),
    };
    return { key: `m:${group.actor}:${i}:${mandate.source.passageId}:${mandate.source.start}`, cells, search: searchText(cells) };
  });
}

/**
 * The rows of a register from its API body, in the server's order.
 * @param {RegisterKind} kind
 * @param {{ lines: any[], documents: Record<string, { title: string }> }} body
 * @returns {Row[]}
 */
export function registerRows(kind, body) {
  const titleOf = (/** @type {string} */ id) => body.documents[id]?.title ?? id;
  if (kind === 'deelopdrachten') return body.lines.map((line) => deelopdrachtRow(line, titleOf));
  if (kind === 'budgets') return body.lines.map((line) => budgetRow(line, titleOf));
  return body.lines.flatMap((group) => mandateRows(group, titleOf));
}

/**
 * Rows whose text holds every word of the query (case and accents ignored); only conflicts when asked.
 * @param {Row[]} rows @param {string} query @param {boolean} [conflictsOnly]
 */
export function filterRows(rows, query, conflictsOnly = false) {
  // Folding drops spaces and punctuation, so each word is folded on its own.
  const words = query.split(/\s+/).map((word) => foldForMatch(word).chars).filter(Boolean);
  return rows.filter((row) => words.every((word) => row.search.includes(word)) && (!conflictsOnly || Object.values(row.cells).some((cell) => cell.conflict)));
}

/**
 * Rows sorted on one column (empty cells last), stable, so the server's order breaks ties.
 * @param {Row[]} rows @param {Column | null} column @param {'ascending' | 'descending'} direction
 */
export function sortRows(rows, column, direction) {
  if (!column) return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  const keyOf = (/** @type {Row} */ row) => row.cells[column.key]?.sort ?? null;
  return [...rows].sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    if (column.numeric && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y))) return sign * (Number(x) - Number(y));
    return sign * String(x).localeCompare(String(y), 'nl', { numeric: true, sensitivity: 'base' });
  });
}
