/**
 * How register rows are laid out in LanceDB: a per-document table of kind "registers", written in the same commit
 * as the passages (a full write creates it, a change appends and deletes rows with their documents), so a crash
 * leaves the previous revision's rows with the previous passages. A row is kept whole as JSON beside the columns a
 * reader filters on (document and kind): registers are read whole and merged in memory, never searched.
 */
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import type { RegisterRow } from '../types.js';
import type { DocumentRows } from './write-generation.js';

const { Field, Schema, Utf8 } = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

/** Schema of a registers table. */
export const registerSchema = new Schema([
  new Field('documentId', new Utf8(), false), new Field('kind', new Utf8(), false), new Field('row', new Utf8(), false),
]);

/** A register row as stored. */
export function toRegisterRecord(row: RegisterRow): Record<string, string> {
  return { documentId: row.documentId, kind: row.kind, row: JSON.stringify(row) };
}

/** A stored register row back as the contract type. */
export function fromRegisterRecord(record: Record<string, unknown>): RegisterRow {
  return JSON.parse(String(record.row)) as RegisterRow;
}

/** The kind of the registers' per-document table. */
export const REGISTERS = 'registers';

/** Register rows as a per-document table for a commit (the store adds and deletes them with their documents). */
export function registerTable(rows: readonly RegisterRow[]): DocumentRows {
  return { schema: registerSchema, rows: rows.map(toRegisterRecord) };
}
