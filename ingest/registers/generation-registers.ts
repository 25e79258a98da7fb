/**
 * The register rows a commit writes: for a full generation, the kept documents' rows carried over as stored and
 * rows extracted afresh only for the documents this ingest adds or replaces; for an incremental change, the new
 * documents' rows alone (the store deletes a removed document's rows from every per-document table). Adding or
 * deleting a document so adds or deletes only its own rows.
 */
import type { IndexSnapshot } from '../store/lance-store.js';
import type { Passage, RegisterRow } from '../types.js';
import { extractRegisterRows } from './extract-registers.js';

/** Rows of the documents an ingest processed. */
export function freshRegisters(accepted: Iterable<[string, { passages: Passage[] }]>): RegisterRow[] {
  return [...accepted].flatMap(([documentId, { passages }]) => extractRegisterRows(passages, documentId));
}

/** Rows of every document of the next full generation. */
export function nextRegisters(
  snapshot: Pick<IndexSnapshot, 'registers' | 'passages'> | null,
  accepted: Iterable<[string, { passages: Passage[] }]>,
  dropped: ReadonlySet<string>,
): RegisterRow[] {
  return [...keptRegisters(snapshot, dropped), ...freshRegisters(accepted)];
}

function keptRegisters(snapshot: Pick<IndexSnapshot, 'registers' | 'passages'> | null, dropped: ReadonlySet<string>): RegisterRow[] {
  if (!snapshot) return [];
  if (snapshot.registers) return snapshot.registers.filter((row) => !dropped.has(row.documentId));
  // An index from before registers: its kept documents get their rows once, from their stored passages.
  const byDocument = new Map<string, Passage[]>();
  for (const passage of snapshot.passages) {
    if (!dropped.has(passage.documentId)) byDocument.set(passage.documentId, [...(byDocument.get(passage.documentId) ?? []), passage]);
  }
  return [...byDocument].flatMap(([documentId, passages]) => extractRegisterRows(passages, documentId));
}
