/**
 * The three registers of an index generation, merged once per generation and kept while it serves: merging is
 * pure and cheap, but a page of three tabs asks for it three times.
 */
import { nextRegisters, type Passage, type RegisterKind, type RegisterRow } from '../../ingest/index.js';
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

/** What the registers are read from: a generation's stored rows (null before registers existed) and, for such an index, its passages. */
type RowSource = { registers: RegisterRow[] | null; passages?: Passage[] };

const cache = new WeakMap<RowSource, Registers>();

const rowCache = new WeakMap<RowSource, RegisterRow[]>();

/**
 * The stored rows of a snapshot. An index written before registers has none stored: its rows are extracted from
 * its passages once, as its next commit would, so the registers show before any re-ingest.
 */
function rowsOf(snapshot: RowSource): RegisterRow[] {
  if (snapshot.registers) return snapshot.registers;
  let rows = rowCache.get(snapshot);
  if (!rows) {
    rows = nextRegisters({ registers: null, passages: snapshot.passages ?? [] }, [], new Set());
    rowCache.set(snapshot, rows);
  }
  return rows;
}

/** The registers of a snapshot, or of one of its documents, merged on first use. */
export function registersOf(snapshot: RowSource, documentId?: string): Registers {
  if (documentId !== undefined) return mergeRegisters(rowsOf(snapshot).filter((row) => row.documentId === documentId));
  let registers = cache.get(snapshot);
  if (!registers) {
    registers = mergeRegisters(rowsOf(snapshot));
    cache.set(snapshot, registers);
  }
  return registers;
}
