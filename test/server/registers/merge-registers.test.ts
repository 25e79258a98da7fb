import { describe, expect, it } from 'vitest';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { groupMandates } from '../../../server/registers/group-mandates.js';
import { mergeBudgets } from '../../../server/registers/merge-budgets.js';
import { mergeDeelopdrachten } from '../../../server/registers/merge-deelopdrachten.js';
import { nameSimilarity, sameAmount } from '../../../server/registers/normalise.js';
import { figure, spanOf } from '../../ingest/registers/synthetic-rows.js';

function passage(documentId: string, text: string): Passage {
  return {
    id: `${documentId}#1`, documentId, source: `${documentId}.txt`, title: documentId, docType: 'jaarverslag', date: null, year: 2022,
    organisation: null, page: 4, pageLabel: '4', section: [], ordinal: 1, kind: 'table', start: 0, end: text.length, cleanStart: 0,
    cleanEnd: text.length, text,
  };
}

const A = passage('a', '7 Buurtkracht-Noord 2022 Noord 120.000 80.500 12 Schuldhulp snel 50.000 50.000');
const B = passage('b', 'DO-7 buurtkracht noord 125.000 80.500; Taalhuis Oost 30.000');
const C = passage('c', 'Buurtkracht Noord 120 (x € 1.000); Taalhuis in Oost 30; 14 Schuldhulp snel 9.000');

function deelopdracht(p: Passage, number: string | null, name: string, granted: string, unit: string | null = '€', spent?: string) {
  return {
    kind: 'deelopdrachten' as const, documentId: p.documentId, number, name, period: null, year: 2022, area: null,
    granted: figure(p, granted, 'Toegekend', unit), spent: spent ? figure(p, spent, 'Besteed', unit) : null, toReceive: null, toSettle: null,
    source: spanOf(p, name),
  };
}

describe('mergeDeelopdrachten of one table', () => {
  it('keeps rows of one passage apart however alike their names, and merges each with its twin elsewhere', () => {
    const table = passage('t', 'Samen Opgroeien Zuidwijk Huiskamer 4-9 10.000 Samen Opgroeien Zuidwijk Huiskamer 9-13 12.000');
    const other = passage('u', 'Samen Opgroeien Zuidwijk Huiskamer 4-9 10.000');
    const lines = mergeDeelopdrachten([
      deelopdracht(table, null, 'Samen Opgroeien Zuidwijk Huiskamer 4-9', '10.000'), deelopdracht(table, null, 'Samen Opgroeien Zuidwijk Huiskamer 9-13', '12.000'), deelopdracht(other, null, 'Samen Opgroeien Zuidwijk Huiskamer 4-9', '10.000'),
    ]);
    expect(lines.map((l) => [l.name.values.map((v) => v.value), l.documentIds])).toEqual([
      [['Samen Opgroeien Zuidwijk Huiskamer 4-9'], ['t', 'u']], [['Samen Opgroeien Zuidwijk Huiskamer 9-13'], ['t']],
    ]);
  });
});

describe('mergeDeelopdrachten', () => {
  const D = passage('d', '1 School als Wijk 7 Gezinsverzorgers 40.000');
  const rows: RegisterRow[] = [
    deelopdracht(A, '7', 'Buurtkracht-Noord', '120.000', '€', '80.500'),
    deelopdracht(A, '12', 'Schuldhulp snel', '50.000'),
    deelopdracht(A, '13', 'Schuldhulp snel', '50.000'),
    deelopdracht(B, 'DO-7', 'buurtkracht noord', '125.000', '€', '80.500'),
    deelopdracht(B, null, 'Taalhuis Oost', '30.000'),
    deelopdracht(C, null, 'Buurtkracht Noord', '120', 'x € 1.000'),
    deelopdracht(C, null, 'Taalhuis in Oost', '30', 'x € 1.000'),
    deelopdracht(C, '14', 'Schuldhulp snel', '9.000'),
    deelopdracht(D, '7', 'Gezinsverzorgers', '40.000'),
  ];
  const lines = mergeDeelopdrachten(rows);
  const named = (name: string) => lines.filter((line) => line.name.values.some((v) => v.value === name));

  it('merges rows by number ("DO-7" is 7) and by a name spelled differently', () => {
    const seven = named('Buurtkracht-Noord')[0];
    expect(seven?.documentIds).toEqual(['a', 'b', 'c']);
    expect(seven?.number.values.map((v) => v.value)).toEqual(['7']);
    expect(seven?.name.values.map((v) => v.value)).toEqual(['Buurtkracht-Noord']);
    expect(named('Taalhuis Oost')[0]?.documentIds).toEqual(['b', 'c']);
  });

  it('does not merge equal numbers whose names differ: documents number differently (a rank list, an annex)', () => {
    expect(named('Gezinsverzorgers')).toHaveLength(1);
    expect(named('Gezinsverzorgers')[0]?.documentIds).toEqual(['d']);
  });

  it('keeps two rows of one document apart when their numbers differ, and merges another document\'s row by name', () => {
    const schuldhulp = named('Schuldhulp snel');
    expect(schuldhulp.map((line) => line.number.values.map((v) => v.value))).toEqual([['12', '14'], ['13']]);
    expect(schuldhulp[0]?.conflict).toBe(true);
  });

  it('shows conflicting amounts side by side, each with its source, and counts units', () => {
    const seven = named('Buurtkracht-Noord')[0]!;
    expect(seven.conflict).toBe(true);
    expect(seven.granted.values.map((v) => [v.value.text, v.sources.map((s) => s.documentId)])).toEqual([
      ['120.000', ['a', 'c']], ['125.000', ['b']],
    ]);
    expect(seven.spent).toMatchObject({ conflict: false, values: [{ value: { text: '80.500' } }] });
    expect(seven.granted.values[1]?.sources[0]).toMatchObject({ passageId: 'b#1', text: '125.000', start: B.text.indexOf('125.000') });
  });

  it('merges a table\'s short label with a description\'s full title, but not two rows of one table', () => {
    const table = passage('e', 'Wijkplan Beijum 2022 10.000 Wijkplan Beijum 2023 12.000');
    const text = passage('f', 'Wijkplan Beijum. School als Wijk (SAW) op mbo-scholen in de gemeente Groningen');
    const merged = mergeDeelopdrachten([
      deelopdracht(table, null, 'Wijkplan Beijum 2022', '10.000'), deelopdracht(table, null, 'Wijkplan Beijum 2023', '12.000'),
      deelopdracht(text, null, 'Wijkplan Beijum', '10.000'),
      deelopdracht(A, null, 'School als Wijk', '120.000'), deelopdracht(text, '1', 'School als Wijk (SAW) op mbo-scholen in de gemeente Groningen', '120.000'),
    ]);
    expect(merged.map((line) => line.name.values.map((v) => v.value))).toEqual([
      ['School als Wijk', 'School als Wijk (SAW) op mbo-scholen in de gemeente Groningen'], ['Wijkplan Beijum 2022', 'Wijkplan Beijum'], ['Wijkplan Beijum 2023'],
    ]);
  });

  it('orders numbered lines by number, then the others by name', () => {
    expect(lines.map((line) => line.number.values[0]?.value ?? line.name.values[0]?.value)).toEqual(['7', '7', '12', '13', 'Taalhuis Oost']);
  });
});

describe('mergeBudgets', () => {
  const budget = (p: Passage, subject: string, year: number, printed: string, unit: string | null = '€') =>
    ({ kind: 'budgets' as const, documentId: p.documentId, subject, year, figure: figure(p, printed, `Begroting ${year}`, unit) });

  it('groups amounts by subject and year and flags documents that differ', () => {
    const lines = mergeBudgets([
      budget(A, 'Reguliere opdracht', 2022, '120.000'),
      budget(B, 'reguliere opdracht', 2022, '125.000'),
      budget(C, 'Reguliere opdracht', 2022, '120', 'x € 1.000'),
      budget(A, 'Reguliere opdracht', 2023, '50.000'),
      budget(C, 'Frictiekosten', 2023, '30'),
    ]);
    expect(lines.map((l) => [l.subject, l.year, l.documentIds, l.difference])).toEqual([
      ['Frictiekosten', 2023, ['c'], false],
      ['Reguliere opdracht', 2022, ['a', 'b', 'c'], true],
      ['Reguliere opdracht', 2023, ['a'], false],
    ]);
    expect(lines[1]?.aliases).toEqual(['reguliere opdracht']);
    expect(lines[1]?.amount.values.map((v) => v.value.text)).toEqual(['120.000', '125.000']);
  });

  it('does not flag one document\'s budget beside its realisation, nor amounts in different columns of two documents', () => {
    const realised = { ...budget(A, 'Lasten', 2022, '50.000'), figure: figure(A, '50.000', 'Realisatie 2022') };
    const lines = mergeBudgets([budget(A, 'Lasten', 2022, '120.000'), realised, { ...budget(B, 'Lasten', 2022, '125.000'), figure: figure(B, '125.000', 'Realisatie') }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.amount.values).toHaveLength(3);
    expect(lines[0]?.difference).toBe(true);
    expect(mergeBudgets([budget(A, 'Lasten', 2022, '120.000'), realised])[0]?.difference).toBe(false);
  });
});

describe('groupMandates', () => {
  it('groups by actor, the council first', () => {
    const mandate = (actor: string, power: string) => ({ kind: 'mandates' as const, documentId: 'a', actor, power, object: 'x', source: spanOf(A, '7') });
    const groups = groupMandates([mandate('raad van toezicht', 'benoemt'), mandate('raad', 'stelt vast'), mandate('college', 'benoemt'), mandate('raad', 'besluit')]);
    expect(groups.map((g) => [g.actor, g.mandates.map((m) => m.power)])).toEqual([
      ['raad', ['besluit', 'stelt vast']], ['college', ['benoemt']], ['raad van toezicht', ['benoemt']],
    ]);
  });
});

describe('name and amount comparison', () => {
  it('scores names by their shared identifying words', () => {
    expect(nameSimilarity('Buurtkracht-Noord', 'buurtkracht  noord')).toBe(1);
    expect(nameSimilarity('Taalhuis Oost', 'Taalhuis in Oost')).toBe(1);
    expect(nameSimilarity('Aanpak laaggeletterdheid Noord', 'Aanpak laaggeletterdheid')).toBeCloseTo(0.8);
    expect(nameSimilarity('Schuldhulp snel', 'Schuldhulp jongeren')).toBe(0.5);
    expect(nameSimilarity('School als Wijk (SAW)', 'school als wijk')).toBe(1);
  });

  it('treats amounts in thousands as the same figure within rounding', () => {
    expect(sameAmount({ value: 4898, unit: 'x € 1.000' }, { value: 4_897_657, unit: '€' })).toBe(true);
    expect(sameAmount({ value: 4897, unit: 'x € 1.000' }, { value: 4_897_657, unit: '€' })).toBe(false);
  });
});
