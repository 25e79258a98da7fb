/**
 * Searching, filtering and sorting the document list, as pure functions of the records: a search matches the
 * title (or file name) ignoring case and accents, a type filter keeps one document type, and the list sorts by
 * date (newest or oldest first), by type or by title. Documents without a date sort by the year they are about.
 */
import { foldForMatch } from '../highlight.js';

/** @typedef {'date-desc' | 'date-asc' | 'type' | 'title'} DocumentSort */
/** @typedef {{ query: string, docType: string, sort: DocumentSort }} DocumentQuery */

export const SORTS = /** @type {const} */ (['date-desc', 'date-asc', 'type', 'title']);

/** @param {any} record the date, else the start of its year, else nothing */
function dateKey(record) {
  return record.date ?? (typeof record.year === 'number' ? `${record.year}-00-00` : '');
}

/** @param {string} a @param {string} b */
const byText = (a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base', numeric: true });

/**
 * The records that match, in the chosen order.
 * @param {any[]} records
 * @param {DocumentQuery} query
 */
export function filterDocuments(records, query) {
  const needle = foldForMatch(query.query).chars;
  const kept = records.filter((record) =>
    (!query.docType || record.docType === query.docType) &&
    (!needle || foldForMatch(record.title).chars.includes(needle) || foldForMatch(record.source ?? '').chars.includes(needle)));
  /** @type {(a: any, b: any) => number} */
  const compare = {
    'date-desc': (/** @type {any} */ a, /** @type {any} */ b) => byText(dateKey(b), dateKey(a)) || byText(a.title, b.title),
    'date-asc': (/** @type {any} */ a, /** @type {any} */ b) => (dateKey(a) === '' ? 1 : 0) - (dateKey(b) === '' ? 1 : 0) || byText(dateKey(a), dateKey(b)) || byText(a.title, b.title),
    type: (/** @type {any} */ a, /** @type {any} */ b) => byText(a.docType, b.docType) || byText(dateKey(b), dateKey(a)) || byText(a.title, b.title),
    title: (/** @type {any} */ a, /** @type {any} */ b) => byText(a.title, b.title),
  }[query.sort];
  return [...kept].sort(compare);
}

/** The document types present, sorted. @param {any[]} records @returns {string[]} */
export function documentTypes(records) {
  return [...new Set(records.map((record) => String(record.docType)))].sort(byText);
}
