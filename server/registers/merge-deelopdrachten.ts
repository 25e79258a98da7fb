/**
 * The deelopdrachten register as read: the rows of every document merged into one line per deelopdracht. Two rows
 * are the same deelopdracht when their numbers are equal (normalised: "DO-12" is 12), or when their names are
 * alike (token-set similarity ≥ {@link NAME_THRESHOLD}) and their numbers do not contradict (one or both absent,
 * or equal). Rows of one passage never merge: a table or list names each of its items once, so two alike names in it
 * ("Huiskamer 4-9", "Huiskamer 9-13") are two deelopdrachten. Every field keeps each document's value with its
 * source; differing values are a conflict.
 */
import type { RegisterRow } from '../../ingest/index.js';
import { mergeFigures, mergeNumbers, mergeTexts, mergeYears, type FigureValue, type MergedField } from './merged-field.js';
import { NAME_THRESHOLD, nameSimilarity, normaliseNumber } from './normalise.js';

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

function sameDeelopdracht(a: DeelopdrachtRow, b: DeelopdrachtRow): boolean {
  const numberA = normaliseNumber(a.number);
  const numberB = normaliseNumber(b.number);
  if (numberA !== null && numberB !== null) return numberA === numberB;
  return nameSimilarity(a.name, b.name) >= NAME_THRESHOLD;
}

/** Groups rows that are one deelopdracht (transitively: a name match can join two numbered rows' groups only when they agree). */
function groupRows(rows: DeelopdrachtRow[]): DeelopdrachtRow[][] {
  const groups: DeelopdrachtRow[][] = [];
  for (const row of rows) {
    const matches = groups.filter((group) => group.some((member) => sameDeelopdracht(member, row)) && !contradicts(group, row) && !group.some((member) => member.source.passageId === row.source.passageId));
    if (matches.length === 0) {
      groups.push([row]);
      continue;
    }
    // The closest group takes the row; another matching group joins it only when no passage has rows in both.
    const closeness = (group: DeelopdrachtRow[]) => Math.max(...group.map((member) => nameSimilarity(member.name, row.name)));
    const [first, ...rest] = [...matches].sort((x, y) => closeness(y) - closeness(x)) as [DeelopdrachtRow[], ...DeelopdrachtRow[][]];
    first.push(row);
    for (const group of rest) {
      if (group.some((member) => first.some((kept) => kept.source.passageId === member.source.passageId))) continue;
      first.push(...group);
      groups.splice(groups.indexOf(group), 1);
    }
  }
  return groups;
}

/** A row contradicts a group when both carry numbers and they differ. */
function contradicts(group: DeelopdrachtRow[], row: DeelopdrachtRow): boolean {
  const number = normaliseNumber(row.number);
  return number !== null && group.some((member) => {
    const other = normaliseNumber(member.number);
    return other !== null && other !== number;
  });
}

function mergeGroup(group: DeelopdrachtRow[]): MergedDeelopdracht {
  const texts = (pick: (row: DeelopdrachtRow) => string | null) => mergeTexts(group.map((row) => ({ value: pick(row), source: row.source })));
  const merged = {
    number: mergeNumbers(group.map((row) => ({ value: row.number, source: row.source }))),
    name: texts((row) => row.name),
    period: texts((row) => row.period),
    year: mergeYears(group.map((row) => ({ value: row.year, source: row.source }))),
    area: texts((row) => row.area),
    granted: mergeFigures(group.map((row) => row.granted)),
    spent: mergeFigures(group.map((row) => row.spent)),
    toReceive: mergeFigures(group.map((row) => row.toReceive)),
    toSettle: mergeFigures(group.map((row) => row.toSettle)),
  };
  // Names that merged by similarity differ by design; only the other fields make a conflict.
  const { name: _name, ...compared } = merged;
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
  return groupRows(own).map(mergeGroup).sort(compareLines);
}
