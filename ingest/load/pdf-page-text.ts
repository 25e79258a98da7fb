/**
 * The layout pass for one page: pdf.js text items in, page text in reading order out. Pure, so it is tested
 * on real pages and on hand-made items alike.
 */
import { buildFragments } from './pdf-fragments.js';
import { placeItems, type RawTextItem } from './pdf-items.js';
import { blockLines, bodyTextSize, joinLines, largestText, type TextLine } from './pdf-lines.js';
import { orderBlocks } from './pdf-columns.js';

/** Page text and what the layout learned about the page on the way. */
export interface PageText {
  text: string;
  /** Font size carrying most of the page's horizontal text (0 when the page has none). */
  bodySize: number;
  /** Number of fragments (runs of text between wide gaps), for telling a map from a page of prose. */
  fragments: number;
  /** The first lines set in the page's largest font, when clearly larger than the body: a title candidate. */
  title?: string;
}

/**
 * Lays out one page: rows by baseline, words spaced by their gaps, columns in column order with full-width
 * lines in place, blank lines at paragraph gaps and around larger-font headings. Text at other angles
 * (margin notes, map labels) follows the horizontal text, one direction at a time.
 */
export function layoutPageText(items: readonly RawTextItem[], viewportTransform: readonly number[]): PageText {
  const lines: TextLine[] = [];
  let bodySize = 0;
  let fragmentCount = 0;
  let blockIndex = 0;
  let title: string | undefined;
  for (const group of placeItems(items, viewportTransform)) {
    const fragments = buildFragments(group.items);
    const size = bodyTextSize(fragments);
    if (group.angle === 0) bodySize = size;
    fragmentCount += fragments.length;
    const blocks = group.angle === 0 ? orderBlocks(fragments, size) : [fragments];
    const groupLines = blocks.flatMap((block) => blockLines(block, blockIndex++));
    // Only horizontal text can be a title; a diagonal "Concept" watermark is the largest text on many covers.
    if (group.angle === 0) title = largestText(groupLines, size);
    const first = groupLines[0];
    if (first && lines.length > 0) first.newFrame = true;
    lines.push(...groupLines);
  }
  const text = joinLines(lines, bodySize);
  return { text, bodySize, fragments: fragmentCount, ...(title === undefined ? {} : { title }) };
}
