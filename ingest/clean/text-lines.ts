/**
 * Line-level helpers for cleaning steps that judge whole lines: footers, boilerplate, contents lines.
 */
import type { Removal, RemovalKind, StepResult } from './clean-types.js';
import { applyEdits, type Edit, type OffsetText } from './offset-text.js';

/** A line of the current text; `end` excludes the line break. */
export interface TextLine {
  start: number;
  end: number;
  text: string;
}

/** Every line of `text`, including empty ones, with offsets. */
export function splitTextLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** Whether a line holds nothing but whitespace. */
export function isBlankLine(line: TextLine): boolean {
  return line.text.trim() === '';
}

function uniqueInOrder(lines: readonly TextLine[]): TextLine[] {
  return [...new Map(lines.map((line) => [line.start, line])).values()].sort((a, b) => a.start - b.start);
}

/** The edit that deletes a line together with its line break. */
export function lineEdit(source: OffsetText, line: TextLine): Edit {
  return { start: line.start, end: line.end < source.text.length ? line.end + 1 : line.end, text: '' };
}

/** Removes whole lines with their line break, without recording them (for layout, not content). */
export function removeLinesQuietly(source: OffsetText, lines: readonly TextLine[]): OffsetText {
  return applyEdits(source, uniqueInOrder(lines).map((line) => lineEdit(source, line)));
}

/**
 * The original span of a whole line: from just after the line break before it to the line break after it,
 * so markup an earlier step already took off its ends ("<b>…</b>") is included.
 */
export function originalLineSpan(source: OffsetText, line: TextLine): { start: number; end: number } {
  const start = line.start === 0 ? 0 : (source.toOriginal[line.start - 1] as number) + 1;
  return { start, end: Math.max(start, source.toOriginal[line.end] as number) };
}

/** A line to remove and the kind of content it is. */
export interface DoomedLine {
  line: TextLine;
  kind: RemovalKind;
}

/**
 * Removes whole lines with their line break in one pass and records each as a removal in original offsets.
 * Lines may come in any order; a line listed twice is removed once, as the kind listed first.
 */
export function removeKindedLines(source: OffsetText, doomed: readonly DoomedLine[]): StepResult {
  const byStart = new Map<number, DoomedLine>();
  for (const entry of doomed) if (!byStart.has(entry.line.start)) byStart.set(entry.line.start, entry);
  const unique = [...byStart.values()].sort((a, b) => a.line.start - b.line.start);
  const removed: Removal[] = unique.map(({ line, kind }) => ({ kind, ...originalLineSpan(source, line) }));
  const text = applyEdits(source, unique.map(({ line }) => lineEdit(source, line)));
  return { text, count: unique.length, removed };
}

/** {@link removeKindedLines} for lines of one kind. */
export function removeLines(source: OffsetText, lines: readonly TextLine[], kind: RemovalKind): StepResult {
  return removeKindedLines(source, lines.map((line) => ({ line, kind })));
}

/** The index of the nearest non-blank line from `from` in direction `step` (±1), or -1. */
export function nearestTextLine(lines: readonly TextLine[], from: number, step: 1 | -1): number {
  for (let i = from; i >= 0 && i < lines.length; i += step) {
    if (!isBlankLine(lines[i] as TextLine)) return i;
  }
  return -1;
}
