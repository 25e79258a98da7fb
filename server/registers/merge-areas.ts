/**
 * The area of a merged deelopdracht. A document gives areas only by the names it learned itself, so a row of a
 * document that names no areas ("Buurtwerk Noordhoek" in a list of the largest) gets, at merge, the area names
 * the other documents gave to any row. Areas of one deelopdracht that name a subset of another's ("Noordhoek"
 * beside "Noordhoek, Oosthaven") are that one, with both sources; only areas that differ otherwise are a conflict.
 */
import { areaKey, areaOf, type RegisterRow, type RegisterSource } from '../../ingest/index.js';
import type { MergedField } from './merged-field.js';

type DeelopdrachtRow = Extract<RegisterRow, { kind: 'deelopdrachten' }>;

/** The names an area field joins (", " as areaOf writes it). */
const namesOf = (area: string) => area.split(', ').map(areaKey);

/** Every area name some row of the index was given, once. */
function indexAreaNames(rows: readonly DeelopdrachtRow[]): string[] {
  const byKey = new Map<string, string>();
  for (const row of rows) for (const name of row.area?.split(', ') ?? []) if (!byKey.has(areaKey(name))) byKey.set(areaKey(name), name);
  return [...byKey.values()];
}

/** The rows with an area from the whole index's area names where their own document gave none. */
export function withIndexAreas(rows: readonly DeelopdrachtRow[]): DeelopdrachtRow[] {
  const names = indexAreaNames(rows);
  if (names.length === 0) return [...rows];
  return rows.map((row) => (row.area !== null ? row : { ...row, area: areaOf(row.name, names) }));
}

/** Merges the areas of one deelopdracht's rows: one value per area that no other area's names contain. */
export function mergeAreas(entries: { value: string | null; source: RegisterSource }[]): MergedField<string> {
  const present = entries.filter((e): e is { value: string; source: RegisterSource } => e.value !== null);
  const covers = (wide: string, narrow: string) => namesOf(narrow).every((name) => namesOf(wide).includes(name));
  const widest = present.filter((e) => !present.some((other) => other.value.length > e.value.length && covers(other.value, e.value)));
  const values: MergedField<string>['values'] = [];
  for (const { value } of widest) if (!values.some((v) => covers(v.value, value) && covers(value, v.value))) values.push({ value, sources: [] });
  for (const { value, source } of present) values.find((v) => covers(v.value, value))?.sources.push(source);
  return { values, conflict: values.length > 1 };
}
