/**
 * Page furniture: footers that name the page ("Jaarrekening 2022 – def. versie   Pagina 55 van 66"), the
 * lines printed with them, running headers and footers that repeat at the edges of many pages, and bare page
 * numbers at a page's first or last line. None of it is content, and footers in mid-paragraph break both
 * sentences and de-hyphenation.
 */
import type { StepResult } from './clean-types.js';
import { cleanOffset, type OffsetText } from './offset-text.js';
import { isBlankLine, removeKindedLines, splitTextLines, type TextLine } from './text-lines.js';
import type { PageSpan } from '../types.js';

const PAGE_OF = /(?:^|\s)(?:pagina|page|blz\.?|p\.)\s*\d{1,4}\s*(?:van|of|\/)\s*\d{1,4}\s*$|^\s*(?:pagina|page)\s*\d{1,4}\s*(?:van|of|\/)\s*\d{1,4}(?!\S)/i;
const BARE_NUMBER = /^[-–—]?\s*(?:pagina\s+)?(\d{1,4}|[ivxlc]{1,6})\s*[-–—]?$/i;
const MAX_FOOTER_LENGTH = 200;
// Lines printed in the same block as "Pagina N van M" footers, at most this many lines away.
const COMPANION_REACH = 2;
const EDGE_LINES = 2;
const MIN_REPEATS = 3;
const MIN_PAGE_SHARE = 0.3;

/** Digits vary from page to page ("Pagina 30" / "Pagina 31"); compare lines without them. */
function shape(text: string): string {
  return text.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
}

/** The non-blank lines right before and after line `i`, up to `reach` each way, without crossing a blank line. */
function blockAround(lines: readonly TextLine[], i: number, reach: number): TextLine[] {
  const block: TextLine[] = [];
  for (let j = i - 1; j >= 0 && j >= i - reach && !isBlankLine(lines[j] as TextLine); j--) block.push(lines[j] as TextLine);
  for (let j = i + 1; j < lines.length && j <= i + reach && !isBlankLine(lines[j] as TextLine); j++) block.push(lines[j] as TextLine);
  return block;
}

/**
 * "Pagina N van M" footers, and the lines printed in the same block as at least two of them
 * ("@Stichting WIJ Groningen dd. 05-07-2023" under both footers of corpus/001).
 */
function pageOfFooters(lines: readonly TextLine[]): TextLine[] {
  const footers = lines.flatMap((line, i) => (line.text.length <= MAX_FOOTER_LENGTH && PAGE_OF.test(line.text) ? [i] : []));
  const blocks = footers.map((i) => blockAround(lines, i, COMPANION_REACH).filter((line) => line.text.length <= MAX_FOOTER_LENGTH));
  const seen = new Map<string, number>();
  for (const block of blocks) for (const shapeOfLine of new Set(block.map((line) => shape(line.text)))) seen.set(shapeOfLine, (seen.get(shapeOfLine) ?? 0) + 1);
  return [...footers.map((i) => lines[i] as TextLine), ...blocks.flat().filter((line) => (seen.get(shape(line.text)) ?? 0) >= 2)];
}

interface PageEdges {
  page: PageSpan;
  top: TextLine[];
  bottom: TextLine[];
}

/** Index of the first line starting at or after `offset` (lines are in text order). */
function firstLineFrom(lines: readonly TextLine[], offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((lines[middle] as TextLine).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function pageEdges(source: OffsetText, lines: readonly TextLine[], pages: readonly PageSpan[]): PageEdges[] {
  return pages.map((page) => {
    const start = cleanOffset(source, page.start);
    const end = cleanOffset(source, page.end);
    // The page's lines are a run of consecutive lines (ends grow with starts): found by search, not by a scan of
    // every line of the document for every page.
    const inside: TextLine[] = [];
    for (let i = firstLineFrom(lines, start); i < lines.length && (lines[i] as TextLine).end <= end; i++) {
      if (!isBlankLine(lines[i] as TextLine)) inside.push(lines[i] as TextLine);
    }
    return { page, top: inside.slice(0, EDGE_LINES), bottom: inside.slice(-EDGE_LINES) };
  });
}

function isPageNumber(line: TextLine, page: PageSpan): boolean {
  const match = BARE_NUMBER.exec(line.text.trim());
  if (!match?.[1]) return false;
  const value = Number(match[1]);
  return match[1].toLowerCase() === page.label.toLowerCase() || (Number.isFinite(value) && Math.abs(value - page.number) <= 5);
}

/** Lines that recur at the same edge of many pages, and bare page numbers at an edge. */
function edgeFurniture(edges: PageEdges[]): { headers: TextLine[]; footers: TextLine[]; numbers: TextLine[] } {
  const needed = Math.max(MIN_REPEATS, Math.ceil(edges.length * MIN_PAGE_SHARE));
  const pagesWith = (side: 'top' | 'bottom') => {
    const counts = new Map<string, Set<number>>();
    for (const { page, [side]: lines } of edges) for (const line of lines) counts.set(shape(line.text), (counts.get(shape(line.text)) ?? new Set()).add(page.number));
    return (line: TextLine) => (counts.get(shape(line.text))?.size ?? 0) >= needed;
  };
  const repeatedTop = pagesWith('top');
  const repeatedBottom = pagesWith('bottom');
  const numbers = edges.flatMap(({ page, top, bottom }) => [...top, ...bottom].filter((line) => isPageNumber(line, page)));
  const isNumber = new Set(numbers);
  return {
    headers: edges.flatMap(({ top }) => top.filter((line) => repeatedTop(line) && !isNumber.has(line))),
    footers: edges.flatMap(({ bottom }) => bottom.filter((line) => repeatedBottom(line) && !isNumber.has(line))),
    numbers,
  };
}

/** Removes page furniture. `pages` are the loaded document's page spans in original offsets (may be empty). */
export function removePageFurniture(source: OffsetText, pages: readonly PageSpan[]): StepResult {
  const lines = splitTextLines(source.text);
  const edges = edgeFurniture(pageEdges(source, lines, pages));
  return removeKindedLines(source, [
    ...pageOfFooters(lines).map((line) => ({ line, kind: 'page-footer' as const })),
    ...edges.numbers.map((line) => ({ line, kind: 'page-number' as const })),
    ...edges.headers.map((line) => ({ line, kind: 'running-header' as const })),
    ...edges.footers.map((line) => ({ line, kind: 'page-footer' as const })),
  ]);
}
