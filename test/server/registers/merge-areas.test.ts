import { describe, expect, it } from 'vitest';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { mergeDeelopdrachten } from '../../../server/registers/merge-deelopdrachten.js';
import { figure, spanOf } from '../../ingest/registers/synthetic-rows.js';

function passage(documentId: string, text: string): Passage {
  return {
    id: `${documentId}#1`, documentId, source: `${documentId}.txt`, title: documentId, docType: 'jaarverslag', date: null, year: 2024,
    organisation: null, page: 2, pageLabel: '2', section: [], ordinal: 1, kind: 'table', start: 0, end: text.length, cleanStart: 0,
    cleanEnd: text.length, text,
  };
}

function row(p: Passage, name: string, area: string | null, granted = '1.000'): RegisterRow {
  return {
    kind: 'deelopdrachten', documentId: p.documentId, number: null, name, period: null, year: 2024, area,
    granted: figure(p, granted, 'Toegekend'), spent: null, toReceive: null, toSettle: null, source: spanOf(p, name),
  };
}

// Made-up names throughout.
const annex = passage('annex', 'Buurtwerker Noordhoek 1.000 Huiskamer Noordhoek 1.000 Zomerschool 1.000');
const plan = passage('plan', 'Buurtwerker Noordhoek en Oosthaven 1.000 Zomerschool 1.000 Huiskamer Noordhoek 1.000');
const list = passage('list', '1. Zomerschool Kreekrug 2. Taalhuis Noordhoek');

describe('mergeDeelopdrachten areas', () => {
  const lines = mergeDeelopdrachten([
    row(annex, 'Buurtwerker Noordhoek', 'Noordhoek'), row(annex, 'Huiskamer Noordhoek', 'Noordhoek'), row(annex, 'Zomerschool', null),
    row(plan, 'Buurtwerker Noordhoek en Oosthaven', 'Noordhoek, Oosthaven'), row(plan, 'Zomerschool', 'Kreekrug'), row(plan, 'Huiskamer Noordhoek', 'Oosthaven'),
    row(list, 'Taalhuis Noordhoek', null),
  ]);
  const line = (name: string) => lines.find((l) => l.name.values.some((v) => v.value === name));

  it('keeps the wider of two areas where one names a subset of the other, with the sources of both, and no conflict', () => {
    expect(line('Buurtwerker Noordhoek')?.area.values.map((v) => [v.value, v.sources.map((s) => s.documentId)])).toEqual([['Noordhoek, Oosthaven', ['annex', 'plan']]]);
    expect(line('Buurtwerker Noordhoek')?.conflict).toBe(false);
  });

  it('drops a missing area and shows areas that differ otherwise side by side, as a conflict', () => {
    expect(line('Zomerschool')?.area.values.map((v) => v.value)).toEqual(['Kreekrug']);
    expect(line('Huiskamer Noordhoek')?.area.values.map((v) => v.value)).toEqual(['Noordhoek', 'Oosthaven']);
    expect(line('Huiskamer Noordhoek')?.conflict).toBe(true);
  });

  it('gives a row of a document that learned no areas the area names the other documents gave', () => {
    expect(line('Taalhuis Noordhoek')?.area.values.map((v) => [v.value, v.sources[0]?.documentId])).toEqual([['Noordhoek', 'list']]);
  });
});
