/**
 * Table-of-contents lines ("Hoofdstuk 1..... 5", "2.1 De formele governance ……… 7") repeat every heading with
 * a page number. Left in, they win retrieval for any question about a heading while saying nothing, so they
 * go. Lines with dot leaders go wherever they are; lines without leaders only directly under an "Inhoud"
 * heading, as long as they end in non-decreasing page numbers.
 */
import type { StepResult } from './clean-types.js';
import type { OffsetText } from './offset-text.js';
import { isBlankLine, removeLines, splitTextLines, type TextLine } from './text-lines.js';

// Title, a leader of dots, ellipses or underscores, then an arabic or roman page number.
const LEADER_LINE = /^\S.*?\s*(?:\.{4,}|…{2,}|(?:\. ){3,}\.?|_{4,})\s*(\d{1,3}|[ivxlc]{1,6})$/i;
const CONTENTS_HEADING = /^(?:inhoud|inhoudsopgave|inhoudstafel|table of contents|contents)$/i;
// A contents line without leader: a title that ends in a word, then the page number.
const PLAIN_ENTRY = /^\S.*\p{L}[)'’"]?\s+(\d{1,3})$/u;
const MIN_PLAIN_ENTRIES = 3;

function plainEntriesAfter(lines: readonly TextLine[], heading: number): TextLine[] {
  const entries: TextLine[] = [];
  let lastPage = 0;
  for (let i = heading + 1; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    if (isBlankLine(line)) continue;
    const match = PLAIN_ENTRY.exec(line.text) ?? LEADER_LINE.exec(line.text);
    const page = Number(match?.[1]);
    if (!match || !Number.isFinite(page) || page < lastPage) break;
    lastPage = page;
    entries.push(line);
  }
  return entries.length >= MIN_PLAIN_ENTRIES ? entries : [];
}

/** Removes contents lines; see the module comment. */
export function removeTableOfContents(source: OffsetText): StepResult {
  const lines = splitTextLines(source.text);
  const doomed: TextLine[] = lines.filter((line) => LEADER_LINE.test(line.text));
  lines.forEach((line, i) => {
    if (CONTENTS_HEADING.test(line.text.trim())) doomed.push(...plainEntriesAfter(lines, i));
  });
  if (doomed.length === 0) return { text: source, count: 0 };
  return removeLines(source, doomed, 'table-of-contents');
}
