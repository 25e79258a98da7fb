/**
 * The one rule for document ids. Ids are made from file names here, and the API's filter schema and the store's
 * filter clause accept exactly what this rule accepts, so every document can be named in a filter.
 */

import { basename, extname } from 'node:path';

/** Longest id made from a file name; a "-N" suffix for a name already in use may follow. */
const MAX_BASE_LENGTH = 80;

/**
 * A document id: lower-case ASCII letters, digits, "-" and "_", not starting with "-". Ids made now never start
 * with "_" either; the rule still accepts one, because indexes built before that hold such ids.
 */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9_][a-z0-9_-]{0,99}$/;

/** True when `value` is a well-formed document id. */
export function isDocumentId(value: string): boolean {
  return DOCUMENT_ID_PATTERN.test(value);
}

/** Drops the separators at both ends, which a name's punctuation or non-Latin letters leave behind. */
function trimSeparators(text: string): string {
  return text.replace(/^[-_]+|[-_]+$/g, '');
}

/**
 * The document id for a file name: its stem without accents, lower-cased, every run of other characters
 * replaced by "-". A name with nothing left (all in another script) becomes "document".
 */
export function documentIdFor(fileName: string): string {
  const stem = basename(fileName, extname(fileName));
  const ascii = stem.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const slug = trimSeparators(trimSeparators(ascii.replace(/[^a-z0-9_-]+/g, '-')).slice(0, MAX_BASE_LENGTH));
  return slug || 'document';
}
