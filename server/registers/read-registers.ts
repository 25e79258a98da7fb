/**
 * The three registers of an index generation, merged once per generation and kept while it serves: merging is
 * pure and cheap, but a page of three tabs asks for it three times.
 */
import type { IndexSnapshot } from '../../ingest/store/lance-store.js';
import type { RegisterKind, RegisterRow } from '../../ingest/types.js';
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

const cache = new WeakMap<IndexSnapshot, Registers>();

/** The registers of a snapshot (none for an index that has no registers yet), merged on first use. */
export function registersOf(snapshot: IndexSnapshot, documentId?: string): Registers {
  if (documentId !== undefined) return mergeRegisters((snapshot.registers ?? []).filter((row) => row.documentId === documentId));
  let registers = cache.get(snapshot);
  if (!registers) {
    registers = mergeRegisters(snapshot.registers ?? []);
    cache.set(snapshot, registers);
  }
  return registers;
}
