/**
 * How register rows are laid out in LanceDB: a per-document table beside the passages, written in the same commit
 * (a full generation or an incremental change) and visible only when `head` names it, so a crash leaves the
 * previous rows with the previous passages. A row is kept
 * whole as JSON beside the columns a reader filters on (document and kind): registers are read whole and merged
 * in memory, never searched.
 */
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import type { RegisterRow } from '../types.js';
import type { DocumentRows } from './write-generation.js';

const { Field, Schema, Utf8 } = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

/** The kind of per-document table the register rows are kept in. */
export const REGISTERS = 'registers';

/** Schema of a registers table. */
export const registerSchema = new Schema([
  new Field('documentId', new Utf8(), false), new Field('kind', new Utf8(), false), new Field('row', new Utf8(), false),
]);

/** A register row as stored. */
export function toRegisterRecord(row: RegisterRow): Record<string, string> {
  return { documentId: row.documentId, kind: row.kind, row: JSON.stringify(row) };
}

/** Register rows as a per-document table for a commit. */
export function registerTable(rows: readonly RegisterRow[]): DocumentRows {
  return { schema: registerSchema, rows: rows.map(toRegisterRecord) };
}

/** A stored register row back as the contract type. */
export function fromRegisterRecord(record: Record<string, unknown>): RegisterRow {
  return JSON.parse(String(record.row)) as RegisterRow;
}
