/**
 * From ordered blocks of fragments to page text: fragments of a row become a line, and lines are joined
 * with an empty line at paragraph gaps and around headings, because downstream structure detection
 * splits on blank lines.
 */
import type { Fragment } from './pdf-fragments.js';
import { sanitizeText } from './sanitize-text.js';

/** One line of page text with the geometry the paragraph logic needs. */
export interface TextLine {
  text: string;
  /** Baseline in the frame of its direction group. */
  y: number;
  /** Font size of the line's longest fragment. */
  size: number;
  /** Index of the block the line belongs to; a new block may start a column higher up. */
  block: number;
  /** True for the first line of a text-direction group: its y is not comparable with the line before. */
  newFrame?: boolean;
}

/** Fragments further apart than this (em) are table cells or tab stops and get a tab instead of a space. */
const TAB_GAP_EM = 2;
/** A line set this much larger than the body text is taken for a heading. */
const HEADING_SIZE_RATIO = 1.2;
/** A baseline step this much larger than the page's usual line step is a paragraph break. */
const PARAGRAPH_STEP_RATIO = 1.45;
/** Line step in em when a page has too few lines to measure it. */
const DEFAULT_STEP_EM = 1.25;

function lineText(fragments: readonly Fragment[]): string {
  let text = '';
  let previous: Fragment | undefined;
  for (const fragment of fragments) {
    const gap = previous ? fragment.x - previous.right : 0;
    if (previous) text += gap >= TAB_GAP_EM * Math.max(fragment.size, previous.size) ? '\t' : ' ';
    text += fragment.text;
    previous = fragment;
  }
  return sanitizeText(text.replace(/\n/g, ' '))
    .replace(/ {2,}/g, ' ')
    .replace(/ ?\t ?/g, '\t')
    .trim();
}

/** The lines of one block, top to bottom; lines that sanitise to nothing are dropped. */
export function blockLines(block: readonly Fragment[], blockIndex: number): TextLine[] {
  const rows = new Map<number, Fragment[]>();
  for (const fragment of block) {
    const row = rows.get(fragment.row);
    if (row) row.push(fragment);
    else rows.set(fragment.row, [fragment]);
  }
  const lines: TextLine[] = [];
  for (const row of [...rows.keys()].sort((p, q) => p - q)) {
    const fragments = (rows.get(row) ?? []).sort((p, q) => p.x - q.x);
    const text = lineText(fragments);
    if (text === '') continue;
    const longest = fragments.reduce((best, fragment) => (fragment.text.length > best.text.length ? fragment : best));
    lines.push({ text, y: longest.y, size: longest.size, block: blockIndex });
  }
  return lines;
}

/** The font size that carries the most characters: the body text size. */
export function bodyTextSize(fragments: readonly Fragment[]): number {
  const chars = new Map<number, number>();
  for (const fragment of fragments) {
    const size = Math.round(fragment.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + fragment.text.length);
  }
  let best = 0;
  for (const [size, count] of chars) if (count > (chars.get(best) ?? 0)) best = size;
  return best;
}

/** The usual baseline step between consecutive lines of one block, in em (the median). */
function usualLineStep(lines: readonly TextLine[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [previous, line] = [lines[i - 1], lines[i]];
    if (!previous || !line || line.block !== previous.block || line.newFrame) continue;
    const step = (line.y - previous.y) / Math.max(line.size, previous.size);
    if (step > 0 && step < 3) steps.push(step);
  }
  steps.sort((p, q) => p - q);
  return steps[Math.floor(steps.length / 2)] ?? DEFAULT_STEP_EM;
}

/**
 * Joins lines into page text: "\n" between lines, "\n\n" before and after a heading and where the step
 * down to the next line is clearly larger than usual. Moving up to the top of the next column is a
 * continuation, not a paragraph break.
 */
export function joinLines(lines: readonly TextLine[], bodySize: number): string {
  const usualStep = usualLineStep(lines);
  const isHeading = (line: TextLine) => bodySize > 0 && line.size >= HEADING_SIZE_RATIO * bodySize;
  let text = lines[0]?.text ?? '';
  for (let i = 1; i < lines.length; i++) {
    const [previous, line] = [lines[i - 1] as TextLine, lines[i] as TextLine];
    const step = (line.y - previous.y) / Math.max(line.size, previous.size);
    const paragraph =
      line.newFrame === true || isHeading(line) !== isHeading(previous) || step > PARAGRAPH_STEP_RATIO * usualStep;
    text += (paragraph ? '\n\n' : '\n') + line.text;
  }
  return text;
}

/** A cover page: a few lines, all in display type. */
const COVER_MAX_LINES = 6;
const COVER_MIN_SIZE = 16;

/**
 * The first run of consecutive lines set in the page's largest font, when that font is clearly larger than
 * the body text or the page is a cover: on a first page, the document's own title ("Trace-based …").
 */
export function largestText(lines: readonly TextLine[], bodySize: number): string | undefined {
  const largest = lines.reduce((max, line) => Math.max(max, line.size), 0);
  const isCover = lines.length <= COVER_MAX_LINES && largest >= COVER_MIN_SIZE;
  if (bodySize <= 0 || (largest < HEADING_SIZE_RATIO * bodySize && !isCover)) return undefined;
  const isLargest = (line: TextLine) => line.size >= 0.95 * largest;
  const first = lines.findIndex(isLargest);
  const run: string[] = [];
  for (let i = first; i >= 0 && i < lines.length && isLargest(lines[i] as TextLine); i++) run.push((lines[i] as TextLine).text);
  return run.join(' ').replace(/\s+/g, ' ').trim() || undefined;
}
