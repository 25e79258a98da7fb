/**
 * All register rows of one document, extracted at ingest from its passages. Each extractor reads one kind of
 * register; they are independent, so a document's rows are the concatenation of theirs.
 */
import type { Passage, RegisterRow } from '../types.js';
import { extractBudgets } from './budgets.js';
import { extractDeelopdrachten } from './deelopdrachten.js';
import { extractMandates } from './mandates.js';

/** Reads one kind of register row from a document's passages. */
export type RegisterExtractor = (passages: Passage[], documentId: string) => RegisterRow[];

const EXTRACTORS: RegisterExtractor[] = [extractDeelopdrachten, extractBudgets, extractMandates];

/**
 * The register rows of one document (deelopdrachten, budgets, mandates). An extractor that fails loses only its
 * own rows: a register is an aid, and one odd table must never stop the document from being indexed.
 */
export function extractRegisterRows(passages: Passage[], documentId: string): RegisterRow[] {
  return EXTRACTORS.flatMap((extract) => {
    try {
      return extract(passages, documentId);
    } catch {
      return [];
    }
  });
}
