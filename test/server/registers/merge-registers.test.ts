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
  const rows: RegisterRow[] = [
    deelopdracht(A, '7', 'Buurtkracht-Noord', '120.000', '€', '80.500'),
    deelopdracht(A, '12', 'Schuldhulp snel', '50.000'),
    deelopdracht(B, 'DO-7', 'buurtkracht noord', '125.000', '€', '80.500'),
    deelopdracht(B, null, 'Taalhuis Oost', '30.000'),
    deelopdracht(C, null, 'Buurtkracht Noord', '120', 'x € 1.000'),
    deelopdracht(C, null, 'Taalhuis in Oost', '30', 'x € 1.000'),
    deelopdracht(C, '14', 'Schuldhulp snel', '9.000'),
  ];
  const lines = mergeDeelopdrachten(rows);

  it('merges rows by number ("DO-7" is 7) and by a name spelled differently', () => {
    const seven = lines.find((line) => line.key === '7');
    expect(seven?.documentIds).toEqual(['a', 'b', 'c']);
    expect(seven?.name.values.map((v) => v.value)).toEqual(['Buurtkracht-Noord']);
    const taalhuis = lines.filter((line) => line.name.values.some((v) => v.value.startsWith('Taalhuis')));
    expect(taalhuis).toHaveLength(1);
    expect(taalhuis[0]?.documentIds).toEqual(['b', 'c']);
  });

  it('keeps rows with alike names apart when their numbers differ', () => {
    expect(lines.filter((line) => line.name.values.some((v) => v.value === 'Schuldhulp snel')).map((line) => line.key)).toEqual(['12', '14']);
  });

  it('shows conflicting amounts side by side, each with its source, and counts units', () => {
    const seven = lines.find((line) => line.key === '7')!;
    expect(seven.conflict).toBe(true);
    expect(seven.granted.values.map((v) => [v.value.text, v.sources.map((s) => s.documentId)])).toEqual([
      ['120.000', ['a', 'c']], ['125.000', ['b']],
    ]);
    expect(seven.spent).toMatchObject({ conflict: false, values: [{ value: { text: '80.500' } }] });
    expect(seven.granted.values[1]?.sources[0]).toMatchObject({ passageId: 'b#1', text: '125.000', start: B.text.indexOf('125.000') });
  });

  it('orders numbered lines by number, then the others by name', () => {
    expect(lines.map((line) => line.number.values[0]?.value ?? line.name.values[0]?.value)).toEqual(['7', '12', '14', 'Taalhuis Oost']);
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
  });

  it('treats amounts in thousands as the same figure within rounding', () => {
    expect(sameAmount({ value: 4898, unit: 'x € 1.000' }, { value: 4_897_657, unit: '€' })).toBe(true);
    expect(sameAmount({ value: 4897, unit: 'x € 1.000' }, { value: 4_897_657, unit: '€' })).toBe(false);
  });
});
