/**
 * Reading order for multi-column pages. A region is cut at a gutter that nothing spans (each side is read
 * in full, left first); a gutter spanned by titles or full-width lines instead cuts the region into bands at
 * those lines, so a title stays between the column text above and below it. A region without a usable
 * gutter is cut at its widest empty horizontal band, because columns often start only below a full-width
 * figure. Parts are cut again until nothing is left to cut; what remains is read row by row.
 */
import type { Fragment } from './pdf-fragments.js';
import { findGutters, type Gutter } from './pdf-gutters.js';

// Real layouts nest a few levels deep; the bound keeps pathological pages cheap.
const MAX_DEPTH = 10;
/** An empty horizontal band at least this tall (em of body text) may separate a full-width part from columns. */
const MIN_BAND_GAP_EM = 1;
// Glyph box relative to the baseline, in em (as for rows).
const ASCENT_EM = 0.8;
const DESCENT_EM = 0.2;

/** Splits a region into horizontal bands where rows switch between crossing the gutter and not. */
function splitIntoBands(fragments: readonly Fragment[], gutter: Gutter): Fragment[][] {
  const crossingRows = new Set(gutter.crossers.map((fragment) => fragment.row));
  const byRow = [...fragments].sort((p, q) => p.row - q.row || p.x - q.x);
  const bands: Fragment[][] = [];
  let previousCrossing: boolean | undefined;
  for (const fragment of byRow) {
    const crossing = crossingRows.has(fragment.row);
    if (crossing !== previousCrossing) bands.push([]);
    bands.at(-1)?.push(fragment);
    previousCrossing = crossing;
  }
  return bands;
}

/** Cuts a region in two at its widest empty horizontal band, if one is tall enough. */
function splitAtWidestGap(fragments: readonly Fragment[], bodySize: number): Fragment[][] | undefined {
  const byTop = [...fragments].sort((p, q) => p.y - ASCENT_EM * p.size - (q.y - ASCENT_EM * q.size));
  let bottom = -Infinity;
  let widest = { gap: MIN_BAND_GAP_EM * bodySize, at: -1 };
  byTop.forEach((fragment, index) => {
    const top = fragment.y - ASCENT_EM * fragment.size;
    if (index > 0 && top - bottom >= widest.gap) widest = { gap: top - bottom, at: index };
    bottom = Math.max(bottom, fragment.y + DESCENT_EM * fragment.size);
  });
  return widest.at > 0 ? [byTop.slice(0, widest.at), byTop.slice(widest.at)] : undefined;
}

function cutRegion(fragments: readonly Fragment[], bodySize: number, depth: number): Fragment[][] {
  if (depth >= MAX_DEPTH) return [[...fragments]];
  for (const gutter of findGutters(fragments, bodySize)) {
    if (gutter.crossers.length === 0) {
      return [...cutRegion(gutter.left, bodySize, depth + 1), ...cutRegion(gutter.right, bodySize, depth + 1)];
    }
    const bands = splitIntoBands(fragments, gutter);
    if (bands.length > 1) return bands.flatMap((band) => cutRegion(band, bodySize, depth + 1));
  }
  const parts = splitAtWidestGap(fragments, bodySize);
  return parts ? parts.flatMap((part) => cutRegion(part, bodySize, depth + 1)) : [[...fragments]];
}

/**
 * Orders a page's fragments into blocks in reading order: columns top to bottom, left to right, with
 * full-width lines in place between them. Each block is read row by row.
 */
export function orderBlocks(fragments: readonly Fragment[], bodySize: number): Fragment[][] {
  if (fragments.length === 0) return [];
  return cutRegion(fragments, bodySize, 0);
}
