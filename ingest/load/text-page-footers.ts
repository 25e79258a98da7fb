/**
 * Recovering page spans from the footers that survive in text exports of PDFs ("Bestuursverslag 2022 –
 * def. versie   Pagina 30 van 66"). Exports keep only some footers, so a span is honest about what it
 * knows: it ends at a footer and reaches back at most one estimated page length.
 */
import type { PageSpan } from '../types.js';

/** A footer line found in the text. */
interface Footer {
  page: number;
  of: number;
  lineStart: number;
  lineEnd: number;
}

// A footer names "Pagina N van M" or "pagina N/M" at the start or the end of a short line; "- N -" alone
// names no total and is too common in running text to trust.
const FOOTER_AT_END = /(?:^|\s)pagina\s+(\d{1,4})\s*(?:van|\/)\s*(\d{1,4})\s*$/i;
const FOOTER_AT_START = /^\s*pagina\s+(\d{1,4})\s*(?:van|\/)\s*(\d{1,4})(?!\S)/i;
const MAX_FOOTER_LINE = 200;

function matchFooter(line: string, lineStart: number): Footer | undefined {
  if (line.length > MAX_FOOTER_LINE) return undefined;
  const match = FOOTER_AT_END.exec(line) ?? FOOTER_AT_START.exec(line);
  if (!match) return undefined;
  const page = Number(match[1]);
  const of = Number(match[2]);
  if (page < 1 || page > of) return undefined;
  return { page, of, lineStart, lineEnd: lineStart + line.length };
}

function findFooters(text: string): Footer[] {
  const footers: Footer[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const footer = matchFooter(line, lineStart);
    if (footer) footers.push(footer);
    lineStart += line.length + 1;
  }
  return footers;
}

function mostCommonTotal(footers: Footer[]): number {
  const counts = new Map<number, number>();
  for (const footer of footers) counts.set(footer.of, (counts.get(footer.of) ?? 0) + 1);
  let best = 0;
  for (const [total, count] of counts) if (count > (counts.get(best) ?? 0)) best = total;
  return best;
}

/** Keeps the footers of the dominant "van M" whose page numbers rise, dropping quotes of other documents. */
function consistentFooters(footers: Footer[], total: number): Footer[] {
  const kept: Footer[] = [];
  for (const footer of footers) {
    const previous = kept.at(-1);
    if (footer.of === total && (!previous || footer.page > previous.page)) kept.push(footer);
  }
  return kept;
}

/** Moves `offset` forward to the start of a line, so a span never begins mid-line. */
function snapToLineStart(text: string, offset: number, limit: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const next = text.indexOf('\n', offset);
  return next === -1 || next + 1 > limit ? limit : next + 1;
}

/**
 * Page spans from "Pagina N van M" / "pagina N/M" footers: each footer ends page N, and the span reaches back
 * to the previous footer or one estimated page length (text length / M), whichever is nearer. Text with no
 * footer after it within that reach belongs to no span.
 *
 * @returns the spans in order and the page count the footers name (0 when there are none).
 */
export function findFooterPages(text: string): { pages: PageSpan[]; pageCount: number } {
  const found = findFooters(text);
  if (found.length === 0) return { pages: [], pageCount: 0 };
  const total = mostCommonTotal(found);
  const estimate = Math.ceil(text.length / total);
  const pages: PageSpan[] = [];
  let previousEnd = 0;
  for (const footer of consistentFooters(found, total)) {
    const reach = Math.max(previousEnd, footer.lineEnd - estimate);
    const start = reach === previousEnd ? reach : snapToLineStart(text, reach, footer.lineStart);
    pages.push({ number: footer.page, label: String(footer.page), start, end: footer.lineEnd });
    previousEnd = Math.min(text.length, footer.lineEnd + 1);
  }
  return { pages, pageCount: total };
}
