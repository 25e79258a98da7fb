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
import { isNamePrefix, NAME_THRESHOLD, nameSimilarity, normaliseName, normaliseNumber } from './normalise.js';

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

function sameDeelopdracht(a: DeelopdrachtRow, b: DeelopdrachtRow): boolean {
  const numberA = normaliseNumber(a.number);
  const numberB = normaliseNumber(b.number);
  if (contradict(a, b)) return false;
  const similarity = nameSimilarity(a.name, b.name);
  if (similarity >= NAME_THRESHOLD || isNamePrefix(a.name, b.name)) return true;
  const unnamed = normaliseName(a.name) === '' || normaliseName(b.name) === '';
  return numberA !== null && numberA === numberB && (unnamed || similarity >= NUMBER_NAME_THRESHOLD);
}

/** Two rows of one document with different numbers, or two rows of one passage, are two deelopdrachten. */
function contradict(a: DeelopdrachtRow, b: DeelopdrachtRow): boolean {
  if (a.source.passageId === b.source.passageId) return true;
  const numberA = normaliseNumber(a.number);
  const numberB = normaliseNumber(b.number);
  return a.documentId === b.documentId && numberA !== null && numberB !== null && numberA !== numberB;
}

/**
 * Groups rows that are one deelopdracht. The closest matching group (by name) takes a row; another matching group
 * joins it only when no row of one contradicts a row of the other.
 */
function groupRows(rows: DeelopdrachtRow[]): DeelopdrachtRow[][] {
  const groups: DeelopdrachtRow[][] = [];
  for (const row of rows) {
    const matches = groups.filter((group) => group.some((member) => sameDeelopdracht(member, row)) && !group.some((member) => contradict(member, row)));
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
