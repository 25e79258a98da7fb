/**
 * Turning structured passage filters into a LanceDB `where` clause. Values never reach the clause as raw
 * text: strings are checked against a strict pattern and quoted, numbers must be integers.
 */
import { AppError } from '../errors.js';
import { isDocumentId } from '../metadata/document-id.js';

/** Filters on passages, as the API and query analysis produce them. All parts are optional and combine with AND. */
export interface PassageFilter {
  docTypes?: string[];
  yearFrom?: number;
  yearTo?: number;
  documentIds?: string[];
}

/**
 * A filter value other than a document id (a document type): letters and digits first, then also spaces and
 * - _ . & ( ) '. The API schema and the upload form use this same pattern, so every stored type can be filtered on.
 */
export const FILTER_VALUE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _.\-&()']{0,119}$/u;

/** Quotes a string for a SQL literal (doubling single quotes). */
export function escapeSql(value: string): string {
  return value.replace(/'/g, "''");
}

function literalList(column: string, values: string[]): string {
  for (const value of values) {
    if (column === 'documentId' ? !isDocumentId(value) : !FILTER_VALUE_PATTERN.test(value)) throw new AppError('bad_request', invalidValueMessage(column));
  }
  return `${column} IN (${values.map((value) => `'${escapeSql(value)}'`).join(', ')})`;
}

function invalidValueMessage(column: string): string {
  if (column === 'documentId') return 'Ongeldige filterwaarde voor documentId: een document-id bestaat uit kleine letters, cijfers, - en _.';
  return `Ongeldige filterwaarde voor ${column}: gebruik letters, cijfers, spaties of - _ . & ( ) '.`;
}

function year(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1000 || value > 9999) throw new AppError('bad_request', `${name} moet een jaartal van vier cijfers zijn.`);
  return value;
}

/** The where clause for a filter, or undefined when the filter is empty. */
export function filterClause(filter: PassageFilter | undefined): string | undefined {
  if (!filter) return undefined;
  const parts: string[] = [];
  if (filter.docTypes?.length) parts.push(literalList('docType', filter.docTypes));
  if (filter.documentIds?.length) parts.push(literalList('documentId', filter.documentIds));
  if (filter.yearFrom !== undefined) parts.push(`year >= ${year('yearFrom', filter.yearFrom)}`);
  if (filter.yearTo !== undefined) parts.push(`year <= ${year('yearTo', filter.yearTo)}`);
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}
