/**
 * Register rows at commit and when read. A commit extracts the rows of the documents it writes — every document on
 * a full write, only the added and replaced ones on a change (the store deletes a removed document's rows with
 * it) — so adding or deleting a document adds or deletes only its own rows.
 */
import { fromRegisterRecord, REGISTERS } from '../store/register-rows.js';
import type { Passage, RegisterRow } from '../types.js';
import { extractRegisterRows } from './extract-registers.js';

/** The register rows of the documents the passages belong to, document by document. */
export function registersOfPassages(passages: readonly Passage[]): RegisterRow[] {
  const byDocument = new Map<string, Passage[]>();
  for (const passage of passages) {
    const own = byDocument.get(passage.documentId);
    if (own) own.push(passage);
    else byDocument.set(passage.documentId, [passage]);
  }
  return [...byDocument].flatMap(([documentId, own]) => extractRegisterRows(own, documentId));
}

/** What {@link storedRegisters} reads: a committed generation's tables and passages. */
export interface RegisterTables {
  kinds: string[];
  rows(kind: string): Promise<Record<string, unknown>[]>;
  passages: readonly Passage[];
}

/**
 * The register rows of a committed generation. An index written before registers has no such table: its rows
 * are extracted from its passages, as its next full write will store them.
 */
export async function storedRegisters(source: RegisterTables): Promise<RegisterRow[]> {
  if (!source.kinds.includes(REGISTERS)) return registersOfPassages(source.passages);
  return (await source.rows(REGISTERS)).map(fromRegisterRecord);
}
