import { describe, expect, it } from 'vitest';
import type { IndexSnapshot } from '../../../ingest/store/lance-store.js';
import { registersOf } from '../../../server/registers/read-registers.js';
import { corpusDocument } from '../../ingest/corpus-passages.js';
import { syntheticRegisterRows } from '../../ingest/registers/synthetic-rows.js';

const passages = corpusDocument('004').passages;
const snapshotWith = (registers: IndexSnapshot['registers']) => ({ registers, passages }) as unknown as IndexSnapshot;

describe('registersOf', () => {
  it('merges the stored rows once per snapshot', () => {
    const snapshot = snapshotWith(syntheticRegisterRows(passages[0]!));
    const first = registersOf(snapshot);
    expect(first.deelopdrachten).toHaveLength(1);
    expect(first.budgets).toHaveLength(1);
    expect(first.mandates.map((group) => group.actor)).toEqual(['college']);
    expect(registersOf(snapshot)).toBe(first);
  });

  it('reads the rows of an index written before registers from its passages', () => {
    const registers = registersOf(snapshotWith(null));
    expect(registers.mandates.map((group) => group.actor)).toEqual(expect.arrayContaining(['college', 'raad van toezicht']));
  });

  it('limits the rows to one document when asked', () => {
    expect(registersOf(snapshotWith(syntheticRegisterRows(passages[0]!)), 'elders').mandates).toEqual([]);
  });
});
