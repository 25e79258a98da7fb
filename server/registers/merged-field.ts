/**
 * A field of a merged register line: the distinct values the documents give for it, each with every source
 * that gives it. More than one value is a conflict, shown side by side rather than resolved.
 */
import type { RegisterFigure, RegisterSource } from '../../ingest/index.js';
import { normaliseName, normaliseNumber, sameAmount } from './normalise.js';

/** One value and where it stands. */
export interface FieldValue<T> {
  value: T;
  sources: RegisterSource[];
}

/** The values the documents give for one field; `conflict` when they differ. */
export interface MergedField<T> {
  values: FieldValue<T>[];
  conflict: boolean;
}

/** A figure's value as a register shows it. */
export interface FigureValue {
  text: string;
  value: number | null;
  unit: string | null;
  column: string | null;
}

function mergeValues<T>(entries: { value: T; source: RegisterSource }[], same: (a: T, b: T) => boolean): MergedField<T> {
  const values: FieldValue<T>[] = [];
  for (const { value, source } of entries) {
    const existing = values.find((v) => same(v.value, value));
    if (existing) existing.sources.push(source);
    else values.push({ value, sources: [source] });
  }
  return { values, conflict: values.length > 1 };
}

/** Merges text values (names, periods, areas) that are equal once normalised; nulls are left out. */
export function mergeTexts(entries: { value: string | null; source: RegisterSource }[]): MergedField<string> {
  const present = entries.filter((e): e is { value: string; source: RegisterSource } => e.value !== null && e.value.trim() !== '');
  return mergeValues(present, (a, b) => normaliseName(a) === normaliseName(b));
}

/** Merges numbers that are one once normalised ("DO-12" and "12"); nulls are left out. */
export function mergeNumbers(entries: { value: string | null; source: RegisterSource }[]): MergedField<string> {
  const present = entries.filter((e): e is { value: string; source: RegisterSource } => normaliseNumber(e.value) !== null);
  return mergeValues(present, (a, b) => normaliseNumber(a) === normaliseNumber(b));
}

/** Merges years; nulls are left out. */
export function mergeYears(entries: { value: number | null; source: RegisterSource }[]): MergedField<number> {
  return mergeValues(entries.filter((e): e is { value: number; source: RegisterSource } => e.value !== null), (a, b) => a === b);
}

/** Merges figures that are the same amount (units taken into account), each figure its own source. */
export function mergeFigures(figures: (RegisterFigure | null)[]): MergedField<FigureValue> {
  const entries = figures
    .filter((f): f is RegisterFigure => f !== null)
    .map((f) => ({ value: { text: f.text, value: f.value, unit: f.unit, column: f.column }, source: sourceOf(f) }));
  return mergeValues(entries, (a, b) =>
    a.value === null || b.value === null ? normaliseName(a.text) === normaliseName(b.text) : sameAmount({ value: a.value, unit: a.unit }, { value: b.value, unit: b.unit }),
  );
}

/** The source part of a figure (the span that holds it). */
export function sourceOf(figure: RegisterFigure): RegisterSource {
  return { passageId: figure.passageId, documentId: figure.documentId, page: figure.page, start: figure.start, end: figure.end, text: figure.text };
}
