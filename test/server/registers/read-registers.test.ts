import { describe, expect, it } from 'vitest';
import { registerTable } from '../../../ingest/store/register-rows.js';
import type { RegisterRow } from '../../../ingest/types.js';
import { registersOf, type RegisterReader } from '../../../server/registers/read-registers.js';
import { corpusDocument } from '../../ingest/corpus-passages.js';
import { syntheticRegisterRows } from '../../ingest/registers/synthetic-rows.js';

const passages = corpusDocument('004').passages;

/** A generation as the server reads it: with a registers table holding `rows`, or (null) without one. */
function readerWith(rows: RegisterRow[] | null): RegisterReader & { reads: number } {
  const reader = {
    reads: 0,
    passages,
    kinds: rows === null ? ['meta', 'documents', 'passages'] : ['meta', 'documents', 'passages', 'registers'],
    async rows() {
      reader.reads += 1;
      // As LanceDB gives them back: the stored records, JSON and all.
      return rows === null ? [] : registerTable(rows).rows;
    },
  };
  return reader;
}

describe('registersOf', () => {
  it('reads and merges the stored rows once per generation', async () => {
    const reader = readerWith(syntheticRegisterRows(passages[0]!));
    const first = await registersOf(reader);
    expect(first.deelopdrachten).toHaveLength(1);
    expect(first.budgets).toHaveLength(1);
    expect(first.mandates.map((group) => group.actor)).toEqual(['college']);
    expect(await registersOf(reader)).toBe(first);
    await registersOf(reader, passages[0]!.documentId);
    expect(reader.reads).toBe(1);
  });

  it('reads the rows of an index written before registers from its passages', async () => {
    const registers = await registersOf(readerWith(null));
    expect(registers.mandates.map((group) => group.actor)).toEqual(expect.arrayContaining(['college', 'raad van toezicht']));
  });

  it('limits the rows to one document when asked', async () => {
    expect((await registersOf(readerWith(syntheticRegisterRows(passages[0]!)), 'elders')).mandates).toEqual([]);
  });
});
