/**
 * The deelopdrachten register as read: the rows of every document merged into one line per deelopdracht. Two rows
 * are the same deelopdracht when their names are alike (token-set similarity ≥ {@link NAME_THRESHOLD}, or one
 * name the start of the other: a table's short label and a description's full title), or when
 * their numbers are equal (normalised: "DO-12" is 12) and their names share at least half their words
 * ({@link NUMBER_NAME_THRESHOLD}) — numbers alone are not enough, because documents number differently (a list of
 * "the fifteen largest" numbers by rank, an annex by its own order). Two rows of one document with different numbers
 * are never one, nor are two rows of one passage: a table or list names each of its items once, so two alike names
 * in it ("Huiskamer 4-9", "Huiskamer 9-13") are two deelopdrachten. Every field keeps each document's value with its source; differing values (the two numbers of the
 * rank list and the annex, say) are a conflict, shown side by side. Areas are merged as merge-areas.ts says.
 */
import type { RegisterRow } from '../../ingest/index.js';
import { mergeAreas, withIndexAreas } from './merge-areas.js';
import { mergeFigures, mergeNumbers, mergeTexts, mergeYears, type FigureValue, type MergedField } from './merged-field.js';
import { NAME_THRESHOLD, nameMemo, normaliseNumber, type NameMemo } from './normalise.js';

type DeelopdrachtRow = Extract<RegisterRow, { kind: 'deelopdrachten' }>;

/** One deelopdracht across documents. */
export interface MergedDeelopdracht {
  /** Stable within one index generation: the number, else the first name, normalised. */
  key: string;
  number: MergedField<string>;
  name: MergedField<string>;
  period: MergedField<string>;
  year: MergedField<number>;
  area: MergedField<string>;
  granted: MergedField<FigureValue>;
  spent: MergedField<FigureValue>;
  toReceive: MergedField<FigureValue>;
  toSettle: MergedField<FigureValue>;
  /** Documents that mention it. */
  documentIds: string[];
  /** True when any field has differing values. */
  conflict: boolean;
}

/** Equal numbers with names that share this much are one deelopdracht ("DO-12 Buurtkracht", "12 Buurtkracht Noord"). */
export const NUMBER_NAME_THRESHOLD = 0.5;

/** What the grouping compares of a row, read once. */
interface Entry {
  row: DeelopdrachtRow;
  number: string | null;
  group: Group;
}

/** A group of rows under way, by document (contradictions are within one document) and in arrival order. */
interface Group {
  order: number;
  entries: Entry[];
  byDocument: Map<string, Entry[]>;
}

/**
 * Whether two rows name the same deelopdracht by their names and numbers. Two rows are one when this holds and no
 * rule keeps them apart ({@link contradict}).
 */
function alike(a: Entry, b: Entry, names: NameMemo): boolean {
  const similarity = names.similarity(a.row.name, b.row.name);
  if (similarity >= NAME_THRESHOLD || names.isPrefix(a.row.name, b.row.name)) return true;
  const unnamed = names.normalised(a.row.name) === '' || names.normalised(b.row.name) === '';
  return a.number !== null && a.number === b.number && (unnamed || similarity >= NUMBER_NAME_THRESHOLD);
}

/** Two rows of one document with different numbers, or two rows of one passage, are two deelopdrachten. */
function contradict(a: Entry, b: Entry): boolean {
  if (a.row.source.passageId === b.row.source.passageId) return true;
  return a.row.documentId === b.row.documentId && a.number !== null && b.number !== null && a.number !== b.number;
}

/** Whether any row of `group` contradicts `entry`: only rows of the same document can. */
const contradicts = (group: Group, entry: Entry) => (group.byDocument.get(entry.row.documentId) ?? []).some((member) => contradict(member, entry));

function join(group: Group, entry: Entry): void {
  entry.group = group;
  group.entries.push(entry);
  const same = group.byDocument.get(entry.row.documentId);
  if (same) same.push(entry);
  else group.byDocument.set(entry.row.documentId, [entry]);
}

/** The keys under which a row is found by the rows it may be one with: its name's keys and its number. */
const keysOf = (entry: Entry, names: NameMemo) => [...names.keys(entry.row.name), ...(entry.number !== null ? [`#${entry.number}`] : [])];

/**
 * Groups rows that are one deelopdracht. The closest matching group (by name) takes a row; another matching group
 * joins it only when no row of one contradicts a row of the other. A row is compared only with the rows that share
 * a key with it (a name word, its normalised name, its number), as no other row can be alike, and with one row per
 * name and number of a group, as the others compare the same: the grouping is the one of comparing every pair,
 * without a cost that grows with the square of the rows.
 */
function groupRows(rows: DeelopdrachtRow[]): DeelopdrachtRow[][] {
  const names = nameMemo();
  const groups: Group[] = [];
  const merged = new Set<Group>();
  const byKey = new Map<string, Entry[]>();
  const indexed = new Set<string>();
  for (const row of rows) {
    const entry: Entry = { row, number: normaliseNumber(row.number), group: undefined as unknown as Group };
    const keys = keysOf(entry, names);
    // Per group with a row that shares a key: its closest name, and whether one of its rows is alike. A group with
    // an alike row matches unless one of its rows contradicts this one.
    const found = new Map<Group, { closeness: number; alike: boolean }>();
    const seen = new Set<Entry>();
    for (const key of keys) {
      for (const member of byKey.get(key) ?? []) {
        if (seen.has(member)) continue;
        seen.add(member);
        const state = found.get(member.group) ?? { closeness: 0, alike: false };
        state.closeness = Math.max(state.closeness, names.similarity(member.row.name, row.name));
        state.alike ||= alike(member, entry, names);
        found.set(member.group, state);
      }
    }
    const matches = [...found]
      .filter(([group, state]) => state.alike && !contradicts(group, entry))
      .sort(([x, a], [y, b]) => b.closeness - a.closeness || x.order - y.order)
      .map(([group]) => group);
    const [first, ...rest] = matches;
    if (!first) {
      const group: Group = { order: groups.length, entries: [], byDocument: new Map() };
      groups.push(group);
      join(group, entry);
    } else {
      join(first, entry);
      for (const group of rest) {
        if (group.entries.some((member) => contradicts(first, member))) continue;
        for (const member of group.entries) join(first, member);
        merged.add(group);
      }
    }
    const signature = `${entry.group.order}\u0000${row.name}\u0000${entry.number ?? ''}`;
    if (indexed.has(signature)) continue;
    indexed.add(signature);
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
  }
  return groups.filter((group) => !merged.has(group)).map((group) => group.entries.map((entry) => entry.row));
}

function mergeGroup(group: DeelopdrachtRow[]): MergedDeelopdracht {
  const texts = (pick: (row: DeelopdrachtRow) => string | null) => mergeTexts(group.map((row) => ({ value: pick(row), source: row.source })));
  const merged = {
    number: mergeNumbers(group.map((row) => ({ value: row.number, source: row.source }))),
    name: texts((row) => row.name),
    period: texts((row) => row.period),
    year: mergeYears(group.map((row) => ({ value: row.year, source: row.source }))),
    area: mergeAreas(group.map((row) => ({ value: row.area, source: row.source }))),
    granted: mergeFigures(group.map((row) => row.granted)),
    spent: mergeFigures(group.map((row) => row.spent)),
    toReceive: mergeFigures(group.map((row) => row.toReceive)),
    toSettle: mergeFigures(group.map((row) => row.toSettle)),
  };
  // Names that merged by similarity differ by design, and documents number differently (a rank list, an annex):
  // both are shown side by side, but only the other fields make a conflict.
  const { name: _name, number: _number, ...compared } = merged;
  const first = group[0]!;
  return {
    key: normaliseNumber(first.number) ?? first.name,
    ...merged,
    documentIds: [...new Set(group.map((row) => row.documentId))],
    conflict: Object.values(compared).some((field) => field.conflict),
  };
}

/** Numbered lines in number order, then unnumbered ones by name. */
function compareLines(a: MergedDeelopdracht, b: MergedDeelopdracht): number {
  const numberA = a.number.values[0]?.value;
  const numberB = b.number.values[0]?.value;
  if (numberA && numberB) return (parseInt(normaliseNumber(numberA) ?? '', 10) || 0) - (parseInt(normaliseNumber(numberB) ?? '', 10) || 0) || numberA.localeCompare(numberB);
  if (numberA || numberB) return numberA ? -1 : 1;
  return (a.name.values[0]?.value ?? '').localeCompare(b.name.values[0]?.value ?? '', 'nl');
}

/** The merged deelopdrachten register of the given rows (rows of other kinds are ignored). */
export function mergeDeelopdrachten(rows: readonly RegisterRow[]): MergedDeelopdracht[] {
  const own = rows.filter((row): row is DeelopdrachtRow => row.kind === 'deelopdrachten');
  return groupRows(withIndexAreas(own)).map(mergeGroup).sort(compareLines);
}
