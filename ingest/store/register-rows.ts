/**
 * How register rows are laid out in LanceDB: one `registers_gN` table per generation, written with the passages
 * before `head` flips, so a crash leaves the previous generation's rows with the previous passages. A row is kept
 * whole as JSON beside the columns a reader filters on (document and kind): registers are read whole and merged
 * in memory, never searched.
 */
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import type { RegisterRow } from '../types.js';

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
