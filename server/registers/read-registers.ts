/**
 * The three registers of an index generation, read and merged once per generation and kept while it serves:
 * merging is pure and cheap, but a page of three tabs asks for it three times.
 */
import { storedRegisters, type IndexReader, type RegisterKind, type RegisterRow } from '../../ingest/index.js';
import { groupMandates, type ActorMandates } from './group-mandates.js';
import { mergeBudgets, type BudgetLine } from './merge-budgets.js';
import { mergeDeelopdrachten, type MergedDeelopdracht } from './merge-deelopdrachten.js';

/** The merged lines of each register. */
export interface Registers {
  deelopdrachten: MergedDeelopdracht[];
  budgets: BudgetLine[];
  mandates: ActorMandates[];
}

/** Every register kind, in the order the page shows them. */
export const REGISTER_KINDS: readonly RegisterKind[] = ['deelopdrachten', 'budgets', 'mandates'];

/** Merges the rows of every kind. */
export function mergeRegisters(rows: readonly RegisterRow[]): Registers {
  return { deelopdrachten: mergeDeelopdrachten(rows), budgets: mergeBudgets(rows), mandates: groupMandates(rows) };
}

/** What the registers are read from: the serving generation. */
export type RegisterReader = Pick<IndexReader, 'kinds' | 'rows' | 'passages'>;

const rowCache = new WeakMap<RegisterReader, Promise<RegisterRow[]>>();
const mergedCache = new WeakMap<RegisterReader, Promise<Registers>>();

/** The stored rows of a generation, read once; a failed read is not kept, so the next request tries again. */
function rowsOf(reader: RegisterReader): Promise<RegisterRow[]> {
  let rows = rowCache.get(reader);
  if (!rows) {
    rows = storedRegisters(reader);
    rowCache.set(reader, rows);
    rows.catch(() => rowCache.delete(reader));
  }
  return rows;
}

/** The registers of a generation, or of one of its documents, merged on first use. */
export async function registersOf(reader: RegisterReader, documentId?: string): Promise<Registers> {
  if (documentId !== undefined) return mergeRegisters((await rowsOf(reader)).filter((row) => row.documentId === documentId));
  let merged = mergedCache.get(reader);
  if (!merged) {
    merged = rowsOf(reader).then(mergeRegisters);
    mergedCache.set(reader, merged);
    merged.catch(() => mergedCache.delete(reader));
  }
  return merged;
}
