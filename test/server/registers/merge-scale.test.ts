/**
 * The register merges look a row up by the keys it shares with others instead of comparing it with every row.
 * On random rows (names from a small vocabulary, so many are alike, share words, are each other's start, or are
 * empty; numbers shared across documents and contradicting within one) they must group exactly as comparing every
 * pair does: the reference below is that pairwise grouping, written from the rules the merges document.
 */
import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../../ingest/embed/lsa/seeded-random.js';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { mergeBudgets } from '../../../server/registers/merge-budgets.js';
import { mergeDeelopdrachten, NUMBER_NAME_THRESHOLD } from '../../../server/registers/merge-deelopdrachten.js';
import { isNamePrefix, NAME_THRESHOLD, nameSimilarity, normaliseName, normaliseNumber } from '../../../server/registers/normalise.js';
import type { FigureValue, MergedField } from '../../../server/registers/merged-field.js';
import { figure, spanOf } from '../../ingest/registers/synthetic-rows.js';

type DeelopdrachtRow = Extract<RegisterRow, { kind: 'deelopdrachten' }>;
type BudgetRow = Extract<RegisterRow, { kind: 'budgets' }>;

const WORDS = ['Buurt', 'kracht', 'Noord', 'Taalhuis', 'Oost', 'Huiskamer', 'Schuldhulp', 'snel', 'van', 'de', 'School', 'als', 'Wijk', '(SAW)', 'Zuid', 'Sport'];

function passage(documentId: string, index: number, text: string): Passage {
  return {
    id: `${documentId}#${index}`, documentId, source: `${documentId}.txt`, title: documentId, docType: 'jaarverslag', date: null, year: 2022,
    organisation: null, page: 1, pageLabel: '1', section: [], ordinal: index, kind: 'table', start: 0, end: text.length, cleanStart: 0,
    cleanEnd: text.length, text,
  };
}

function randomRows(seed: number, count: number): { deelopdrachten: DeelopdrachtRow[]; budgets: BudgetRow[] } {
  const next = seededUniform(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const name = () => (next() < 0.05 ? '' : Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(WORDS)).join(next() < 0.3 ? '-' : ' '));
  const deelopdrachten: DeelopdrachtRow[] = [];
  const budgets: BudgetRow[] = [];
  for (let i = 0; i < count; i++) {
    const documentId = `d${Math.floor(next() * 6)}`;
    const p = passage(documentId, Math.floor(next() * 4), `rij ${i} 1.000 2.000`);
    const number = next() < 0.5 ? null : pick(['1', '2', 'DO-2', '3', '03', '4a']);
    deelopdrachten.push({
      kind: 'deelopdrachten', documentId, number, name: name(), period: null, year: 2022, area: null,
      granted: figure(p, `${i + 1}.000`, 'Toegekend'), spent: null, toReceive: null, toSettle: null, source: spanOf(p, `rij ${i}`),
    });
    budgets.push({ kind: 'budgets', documentId, subject: name(), year: pick([2021, 2022, null]), figure: figure(p, `${i + 1}.000`, pick(['Begroting 2022', 'Realisatie'])) });
  }
  return { deelopdrachten, budgets };
}

/** The pairwise grouping of deelopdrachten the merge documents. */
function referenceDeelopdrachten(rows: DeelopdrachtRow[]): DeelopdrachtRow[][] {
  const contradict = (a: DeelopdrachtRow, b: DeelopdrachtRow) => {
    if (a.source.passageId === b.source.passageId) return true;
    const [x, y] = [normaliseNumber(a.number), normaliseNumber(b.number)];
    return a.documentId === b.documentId && x !== null && y !== null && x !== y;
  };
  const same = (a: DeelopdrachtRow, b: DeelopdrachtRow) => {
    if (contradict(a, b)) return false;
    const similarity = nameSimilarity(a.name, b.name);
    if (similarity >= NAME_THRESHOLD || isNamePrefix(a.name, b.name)) return true;
    const unnamed = normaliseName(a.name) === '' || normaliseName(b.name) === '';
    const [x, y] = [normaliseNumber(a.number), normaliseNumber(b.number)];
    return x !== null && x === y && (unnamed || similarity >= NUMBER_NAME_THRESHOLD);
  };
  const groups: DeelopdrachtRow[][] = [];
  for (const row of rows) {
    const matches = groups.filter((group) => group.some((member) => same(member, row)) && !group.some((member) => contradict(member, row)));
    if (matches.length === 0) {
      groups.push([row]);
      continue;
    }
    const closeness = (group: DeelopdrachtRow[]) => Math.max(...group.map((member) => nameSimilarity(member.name, row.name)));
    const [first, ...rest] = [...matches].sort((x, y) => closeness(y) - closeness(x)) as [DeelopdrachtRow[], ...DeelopdrachtRow[][]];
    first.push(row);
    for (const group of rest) {
      if (group.some((member) => first.some((kept) => contradict(member, kept)))) continue;
      first.push(...group);
      groups.splice(groups.indexOf(group), 1);
    }
  }
  return groups;
}

/** The pairwise grouping of budget rows: the first group of the same year whose first subject is alike. */
function referenceBudgets(rows: BudgetRow[]): BudgetRow[][] {
  const groups: BudgetRow[][] = [];
  for (const row of rows) {
    const group = groups.find((g) => g[0]!.year === row.year && nameSimilarity(g[0]!.subject, row.subject) >= NAME_THRESHOLD);
    if (group) group.push(row);
    else groups.push([row]);
  }
  return groups;
}

const sourcesOf = (lines: MergedField<FigureValue>[]) => lines.map((field) => field.values.flatMap((v) => v.sources.map((s) => `${s.passageId}:${s.text}`)).sort());

describe('register merges by shared keys', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`groups deelopdrachten exactly as comparing every pair does (seed ${seed})`, () => {
      const { deelopdrachten } = randomRows(seed, 300);
      const expected = referenceDeelopdrachten(deelopdrachten).map((group) => group.map((row) => `${row.granted?.passageId}:${row.granted?.text}`).sort()).sort();
      const actual = sourcesOf(mergeDeelopdrachten(deelopdrachten).map((line) => line.granted)).sort();
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.some((group) => group.length > 3)).toBe(true);
    });

    it(`groups budget rows exactly as comparing every pair does (seed ${seed})`, () => {
      const { budgets } = randomRows(seed, 300);
      const expected = referenceBudgets(budgets).map((group) => group.map((row) => `${row.figure.passageId}:${row.figure.text}`).sort()).sort();
      const actual = sourcesOf(mergeBudgets(budgets).map((line) => line.amount)).sort();
      expect(actual).toEqual(expected);
      expect(expected.some((group) => group.length > 3)).toBe(true);
    });
  }
});
