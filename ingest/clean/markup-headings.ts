/**
 * Headings written in markup — Markdown "## 2.1 Titel" or HTML "<h2>…</h2>" — become heading records, and
 * the "#" markers leave the text. Records are kept in original offsets because later steps still move the
 * text; {@link cleanDocument} maps them to clean offsets at the end.
 */
import type { StepResult } from './clean-types.js';
import { applyEdits, type Edit, type OffsetText } from './offset-text.js';
import { splitTextLines } from './text-lines.js';

/** A markup heading in original offsets, covering the heading text without its "#" markers. */
export interface MarkupHeadingSpan {
  start: number;
  end: number;
  level: number;
}

const ATX_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const HTML_HEADING = /^<h([1-6])\b[^>]*>.*<\/h\1>\s*$/i;
// Markup with nothing readable inside: "## **  **" or "#" alone is no heading.
const HAS_WORD = /[\p{L}\p{N}]/u;

/** The "#" markers and heading spans of one line, if it is a markup heading. */
function headingOfLine(line: { start: number; text: string }): { edits: Edit[]; level: number; from: number; to: number } | null {
  const atx = ATX_HEADING.exec(line.text);
  if (atx?.[1] && atx[2] !== undefined && HAS_WORD.test(atx[2])) {
    const from = line.start + line.text.indexOf(atx[2], atx[1].length);
    const to = from + atx[2].length;
    const edits: Edit[] = [{ start: line.start, end: from, text: '' }];
    if (to < line.start + line.text.length) edits.push({ start: to, end: line.start + line.text.length, text: '' });
    return { edits, level: atx[1].length, from, to };
  }
  const html = HTML_HEADING.exec(line.text.trim());
  if (html?.[1] && HAS_WORD.test(line.text.replace(/<[^>]*>/g, ''))) {
    const from = line.start + line.text.search(/\S/);
    return { edits: [], level: Number(html[1]), from, to: from + line.text.trim().length };
  }
  return null;
}

/**
 * Finds markup headings, removes their "#" markers and returns the headings in original offsets. HTML heading
 * tags are left for the inline markup step, which strips every tag.
 */
export function extractMarkupHeadings(source: OffsetText): StepResult & { headings: MarkupHeadingSpan[] } {
  const edits: Edit[] = [];
  const headings: MarkupHeadingSpan[] = [];
  for (const line of splitTextLines(source.text)) {
    if (line.text[0] !== '#' && line.text[0] !== '<') continue;
    const heading = headingOfLine(line);
    if (heading === null) continue;
    edits.push(...heading.edits);
    headings.push({ start: source.toOriginal[heading.from] as number, end: source.toOriginal[heading.to] as number, level: heading.level });
  }
  return { text: applyEdits(source, edits), count: headings.length, headings };
}
