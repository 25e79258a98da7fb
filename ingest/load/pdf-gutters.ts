/**
 * Finding column gutters: vertical strips that text avoids over most of a region's height, with running
 * text (not table cells, bullets or a lone page number) on both sides.
 */
import type { Fragment } from './pdf-fragments.js';

/** A vertical strip between columns and the fragments on either side of it. */
export interface Gutter {
  x0: number;
  x1: number;
  /** Fragments that span the strip: titles and other full-width lines. */
  crossers: Fragment[];
  left: Fragment[];
  right: Fragment[];
}

/** A gutter is at least this wide, in em of the body text; wider than any word gap fragments keep. */
const MIN_GUTTER_EM = 0.8;
/** At most this share of rows may span a gutter ("free of text over most of the height"). */
const MAX_CROSSING_SHARE = 0.4;
/** A side holds running text when it has this many rows … */
const MIN_SIDE_ROWS = 3;
/** … of this many characters and words on average (table labels and cells are shorter) … */
const MIN_SIDE_ROW_CHARS = 20;
const MIN_SIDE_ROW_WORDS = 4;
/** … that are mostly letters, which tells prose from a block of figures under a header. */
const MIN_LETTER_SHARE = 0.7;
const MAX_BINS = 4000;

interface Run {
  from: number;
  to: number;
}

/** Per bin, how many fragments cover it (fragments of one row never overlap, so: how many rows). */
function coverage(fragments: readonly Fragment[], minX: number, binWidth: number, bins: number): Int32Array {
  const delta = new Int32Array(bins + 1);
  for (const fragment of fragments) {
    const from = Math.max(0, Math.floor((fragment.x - minX) / binWidth));
    const to = Math.min(bins, Math.ceil((fragment.right - minX) / binWidth));
    delta[from] = (delta[from] ?? 0) + 1;
    delta[to] = (delta[to] ?? 0) - 1;
  }
  const counts = new Int32Array(bins);
  let running = 0;
  for (let i = 0; i < bins; i++) counts[i] = running += delta[i] ?? 0;
  return counts;
}

/**
 * Maximal runs of bins covered by at most `maxCount` rows. A run includes the ragged ends of the left
 * column's lines and list numbers hanging into the gutter; {@link gutterAt} sorts those out.
 */
function lowRuns(counts: Int32Array, maxCount: number): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= counts.length; i++) {
    const low = i < counts.length && (counts[i] ?? 0) <= maxCount;
    if (low && start < 0) start = i;
    if (!low && start >= 0) {
      runs.push({ from: start, to: i });
      start = -1;
    }
  }
  return runs;
}

function isRunningText(fragments: readonly Fragment[]): boolean {
  const rows = new Set(fragments.map((fragment) => fragment.row)).size;
  if (rows < MIN_SIDE_ROWS) return false;
  const text = fragments.map((fragment) => fragment.text).join(' ');
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const chars = text.replace(/\s/g, '').length;
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  return chars >= MIN_SIDE_ROW_CHARS * rows && words >= MIN_SIDE_ROW_WORDS * rows && letters >= MIN_LETTER_SHARE * chars;
}

/** Per row, the fragment nearest the gutter: the rightmost of the left side or the leftmost of the right. */
function nearestPerRow(fragments: readonly Fragment[], side: 'left' | 'right'): Fragment[] {
  const nearest = new Map<number, Fragment>();
  for (const fragment of fragments) {
    const current = nearest.get(fragment.row);
    const closer = !current || (side === 'left' ? fragment.right > current.right : fragment.x < current.x);
    if (closer) nearest.set(fragment.row, fragment);
  }
  return [...nearest.values()];
}

/**
 * Splits the region at the strip [x0, x1]: fragments spanning the whole strip cross it, the others go to the
 * side that holds their middle (a ragged line end or a hanging "3." reaches into the strip from its side).
 */
function gutterAt(fragments: readonly Fragment[], x0: number, x1: number): Gutter | undefined {
  const crossers: Fragment[] = [];
  const left: Fragment[] = [];
  const right: Fragment[] = [];
  const middle = (x0 + x1) / 2;
  for (const fragment of fragments) {
    if (fragment.x <= x0 && fragment.right >= x1) crossers.push(fragment);
    else if ((fragment.x + fragment.right) / 2 < middle) left.push(fragment);
    else right.push(fragment);
  }
  // Judge the text that borders the strip: in a table of contents or a financial table that is a column of
  // page numbers or amounts, even when the far side holds prose.
  const bordered = isRunningText(nearestPerRow(left, 'left')) && isRunningText(nearestPerRow(right, 'right'));
  return bordered ? { x0, x1, crossers, left, right } : undefined;
}

/**
 * The candidate gutters of a region, best first: fewest spanning rows, then widest. Empty when the region
 * is a single column (or a table, whose cell columns hold no running text).
 */
export function findGutters(fragments: readonly Fragment[], bodySize: number): Gutter[] {
  if (fragments.length < 2 * MIN_SIDE_ROWS) return [];
  // reduce, not Math.min(...spread): a map page has more fragments than a call may take arguments.
  const minX = fragments.reduce((min, fragment) => Math.min(min, fragment.x), Infinity);
  const maxX = fragments.reduce((max, fragment) => Math.max(max, fragment.right), -Infinity);
  const bins = Math.max(1, Math.min(MAX_BINS, Math.ceil(maxX - minX)));
  const binWidth = (maxX - minX) / bins || 1;
  const rows = new Set(fragments.map((fragment) => fragment.row)).size;
  const runs = lowRuns(coverage(fragments, minX, binWidth, bins), Math.floor(MAX_CROSSING_SHARE * rows));
  const minWidth = MIN_GUTTER_EM * bodySize;
  const gutters: Gutter[] = [];
  for (const run of runs) {
    const x0 = minX + run.from * binWidth;
    const x1 = minX + run.to * binWidth;
    if (x1 - x0 < minWidth || run.from === 0 || run.to === bins) continue;
    const gutter = gutterAt(fragments, x0, x1);
    if (gutter) gutters.push(gutter);
  }
  const crossingRows = (gutter: Gutter) => new Set(gutter.crossers.map((fragment) => fragment.row)).size;
  return gutters.sort((p, q) => crossingRows(p) - crossingRows(q) || q.x1 - q.x0 - (p.x1 - p.x0));
}
