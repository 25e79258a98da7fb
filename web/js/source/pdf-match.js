/**
 * Finding a quote among the text items of a PDF page, as pdf.js's getTextContent returns them. Items are
 * folded into one stream (letters and digits only), so line breaks, hyphenation and spacing between items do
 * not matter. A quote that starts on this page and ends on the next (or the other way round) is matched by its
 * longest prefix at the end of the page or its longest suffix at the start.
 */
import { foldForMatch } from '../highlight.js';

/** A matched part of one text item: characters [from, to) of `items[item].str`. */
/** @typedef {{ item: number, from: number, to: number }} ItemRange */

/** Shorter partial matches than this are coincidences, not the quote. */
export const MIN_PARTIAL = 16;

/**
 * @param {{ str: string }[]} items
 */
function pageStream(items) {
  let chars = '';
  /** @type {{ item: number, start: number, end: number }[]} */
  const origins = [];
  items.forEach((item, index) => {
    const folded = foldForMatch(item.str);
    chars += folded.chars;
    for (let k = 0; k < folded.chars.length; k += 1) origins.push({ item: index, start: folded.starts[k] ?? 0, end: folded.ends[k] ?? 0 });
  });
  return { chars, origins };
}

/**
 * Longest length L in [min, max] for which `test(L)` holds, assuming it holds for all shorter lengths.
 * @param {number} min
 * @param {number} max
 * @param {(length: number) => boolean} test
 */
function longest(min, max, test) {
  if (max < min || !test(min)) return 0;
  let low = min;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (test(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Where the quote stands on the page: the item ranges to highlight, and whether the whole quote is there.
 * @param {{ str: string }[]} items
 * @param {string} quote
 * @returns {{ ranges: ItemRange[], complete: boolean }}
 */
export function matchItems(items, quote) {
  const { chars, origins } = pageStream(items);
  const needle = foldForMatch(quote).chars;
  let start = needle.length > 0 ? chars.indexOf(needle) : -1;
  let length = needle.length;
  const complete = start >= 0;
  if (!complete && needle.length > 0) {
    const prefix = longest(MIN_PARTIAL, needle.length - 1, (l) => chars.includes(needle.slice(0, l)));
    const suffix = longest(MIN_PARTIAL, needle.length - 1, (l) => chars.includes(needle.slice(needle.length - l)));
    if (prefix >= suffix && prefix > 0) [start, length] = [chars.lastIndexOf(needle.slice(0, prefix)), prefix];
    else if (suffix > 0) [start, length] = [chars.indexOf(needle.slice(needle.length - suffix)), suffix];
  }
  if (start < 0) return { ranges: [], complete: false };
  /** @type {Map<number, ItemRange>} */
  const ranges = new Map();
  for (const origin of origins.slice(start, start + length)) {
    const range = ranges.get(origin.item);
    if (range) range.to = origin.end;
    else ranges.set(origin.item, { item: origin.item, from: origin.start, to: origin.end });
  }
  return { ranges: [...ranges.values()], complete };
}
