/**
 * Turning placed text items into fragments: items on one baseline (superscripts included) form a row, and
 * neighbours in a row that sit closer than a word gap or two merge into one fragment. A fragment never
 * bridges a column gutter, so fragments are the unit the column detection works on.
 */
import type { PlacedText } from './pdf-items.js';

/** A run of text on one row, unbroken by any gap wider than a generous word space. */
export interface Fragment {
  text: string;
  x: number;
  right: number;
  /** Baseline of the row's largest item. */
  y: number;
  /** Largest font size in the fragment. */
  size: number;
  /** Index of the row, top to bottom. */
  row: number;
}

/** Items further apart than this (in em of the larger font) start a new fragment. */
const MERGE_GAP_EM = 0.6;
/** A gap wider than this (in em) between two items is a word space. */
const SPACE_GAP_EM = 0.12;
// Glyph boxes relative to the baseline, in em; close enough for deciding what shares a line.
const ASCENT_EM = 0.8;
const DESCENT_EM = 0.2;

function verticalOverlap(a: PlacedText, b: PlacedText): number {
  const top = Math.max(a.y - ASCENT_EM * a.size, b.y - ASCENT_EM * b.size);
  const bottom = Math.min(a.y + DESCENT_EM * a.size, b.y + DESCENT_EM * b.size);
  return Math.max(0, bottom - top) / Math.min(a.size, b.size);
}

interface Row {
  items: PlacedText[];
  /** The row's largest item, whose box decides what else belongs to the row. */
  anchor: PlacedText;
}

/**
 * True when the item would sit above, below or on top of other text in the row: then it belongs to another
 * line (or is a second, hidden copy of the text). On one baseline, short marks (a circle around "c") and
 * identical strings (fake bold) may overlap.
 */
function collides(row: Row, item: PlacedText): boolean {
  return row.items.some((other) => {
    // A sliver of overlap is kerning or a spacing accent ("na¨" + "ıve"), not a second line.
    const overlap = Math.min(item.right, other.right) - Math.max(item.x, other.x);
    const slack = Math.max(0.1 * item.size, 0.3 * Math.min(item.right - item.x, other.right - other.x));
    if (overlap <= slack) return false;
    const sameBaseline = Math.abs(item.y - other.y) <= 0.3 * Math.min(item.size, other.size);
    const mark = item.text.trim().length <= 2 || other.text.trim().length <= 2 || item.text === other.text;
    return !(sameBaseline && mark);
  });
}

function bestRow(open: readonly Row[], item: PlacedText): Row | undefined {
  let best: Row | undefined;
  let bestOverlap = 0.5;
  for (const row of open) {
    const overlap = verticalOverlap(item, row.anchor);
    if (overlap >= bestOverlap && !collides(row, item)) [best, bestOverlap] = [row, overlap];
  }
  return best;
}

/**
 * Groups items into rows by baseline: an item joins a row whose largest item it overlaps vertically by half
 * (so superscripts stay on their line) and where it covers no other item. Columns with different line grids
 * then never chain two lines of one column into a row. Rows come out top to bottom.
 */
export function groupRows(items: readonly PlacedText[]): PlacedText[][] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x - q.x);
  const rows: Row[] = [];
  let firstOpen = 0;
  for (const item of sorted) {
    // Rows whose boxes end well above this item can take nothing more.
    while (firstOpen < rows.length && (rows[firstOpen]?.anchor.y ?? 0) + 2 * item.size < item.y) firstOpen++;
    const row = bestRow(rows.slice(firstOpen), item);
    if (row) {
      row.items.push(item);
      if (item.size > row.anchor.size) row.anchor = item;
    } else {
      rows.push({ items: [item], anchor: item });
    }
  }
  return rows.sort((p, q) => p.anchor.y - q.anchor.y).map((row) => row.items);
}

/** Joins two pieces of text on one line, adding a space when the gap between them is a word gap. */
function joinWithGap(left: string, right: string, gap: number, size: number): string {
  const spaced = /\s$/.test(left) || /^\s/.test(right) || gap <= SPACE_GAP_EM * size;
  return spaced ? left + right : `${left} ${right}`;
}

function isOverprint(previous: PlacedText, item: PlacedText): boolean {
  // Fake bold: the same string drawn twice, a hair apart.
  return previous.text === item.text && Math.abs(previous.x - item.x) < 0.2 * item.size;
}

function baselineOf(row: readonly PlacedText[]): number {
  return row.reduce((largest, item) => (item.size > largest.size ? item : largest)).y;
}

function rowFragments(row: readonly PlacedText[], index: number): Fragment[] {
  const items = [...row].sort((p, q) => p.x - q.x);
  const y = baselineOf(items);
  const fragments: Fragment[] = [];
  let previous: PlacedText | undefined;
  for (const item of items) {
    const last = fragments.at(-1);
    if (previous && isOverprint(previous, item)) continue;
    const size = Math.max(item.size, last?.size ?? 0);
    if (last && item.x - last.right < MERGE_GAP_EM * size) {
      last.text = joinWithGap(last.text, item.text, item.x - last.right, size);
      last.right = Math.max(last.right, item.right);
      last.size = size;
    } else {
      fragments.push({ text: item.text, x: item.x, right: item.right, y, size: item.size, row: index });
    }
    previous = item;
  }
  return fragments;
}

/** Rows of fragments, top to bottom; each fragment knows its row. */
export function buildFragments(items: readonly PlacedText[]): Fragment[] {
  return groupRows(items).flatMap((row, index) => rowFragments(row, index));
}
