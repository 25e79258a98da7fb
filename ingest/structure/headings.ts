/**
 * Heading recognition. Headings come in three strengths:
 * - markup headings the cleaner found ("# Titel", "<h2>") and numbered headings ("3.3.4 Klachten en meldingen"),
 *   whose level follows from the markup or the numbering;
 * - chapter-like lines: "Bijlage 1. Deelopdrachten", "Hoofdstuk 2", upper-case titles ("KERNCIJFERS Personeel");
 * - minor headings: a short title-like line between paragraphs ("Klachten van inwoners"), which names the text
 *   below it until the next heading.
 */
import { countWords, endsSentence, isBlank, isListItem, type Line } from './lines.js';
import { isColumnHeader, isTableRow } from './table-rows.js';

/** A recognised heading. `level` 1 is outermost; minor headings nest under the current major heading. */
export interface Heading {
  lineIndex: number;
  title: string;
  level: number;
  /** The outline number ("3.3.4") when the heading has one. */
  number?: string;
  minor: boolean;
}

/** A heading the cleaner recognised from markup, in clean-text offsets. */
export interface MarkupHeading {
  start: number;
  end: number;
  level: number;
  text: string;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(\p{Lu}.*)$/u;
const CHAPTER = /^(?:Hoofdstuk|HOOFDSTUK|Bijlage|BIJLAGE|Deel|DEEL|Paragraaf|Artikel|ARTIKEL)\s+[\dIVX]+(?:\.\d+)*[a-z]?\b[.:]?\s*(\p{Lu}[^.;]*)?$/u;
const MAX_TITLE_WORDS = 14;

/** The outline number and title of a numbered heading line, if it is one. */
export function parseNumberedHeading(text: string): { number: string; title: string } | undefined {
  const match = NUMBERED.exec(text.trim());
  if (!match || !match[1] || !match[2]) return undefined;
  const title = match[2].trim();
  if (countWords(title) > MAX_TITLE_WORDS || /[,;]$/.test(title) || isTableRow(text)) return undefined;
  // "2.060.871 …" is an amount, not an outline number: outline parts stay small.
  if (match[1].split('.').some((part) => Number(part) > 30)) return undefined;
  return { number: match[1], title };
}

function isUpperCaseTitle(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 8 || !words[0]) return false;
  const letters = words[0].replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && !/\d/.test(text) && /^\p{Lu}/u.test(text.trim());
}

function isTitleLike(text: string): boolean {
  const trimmed = text.trim();
  const words = countWords(trimmed);
  return (
    words >= 1 &&
    words <= 10 &&
    trimmed.length >= 4 &&
    /^[\p{Lu}‘'“"]/u.test(trimmed) &&
    !/[.,;:]$/.test(trimmed) &&
    // A title may end in a year ("Resultaat 2022"), not in another number ("… per peildatum 215").
    (!/\d%?$/.test(trimmed) || /\b(?:19|20)\d\d$/.test(trimmed)) &&
    !isListItem(trimmed) &&
    !isTableRow(trimmed) &&
    !isColumnHeader(trimmed) &&
    /\p{L}{3}/u.test(trimmed)
  );
}

/** A minor heading stands alone: a title-like line after a break, followed by a body line. */
function isMinorHeading(lines: Line[], index: number): boolean {
  const line = lines[index];
  if (!line || !isTitleLike(line.text)) return false;
  const previous = previousContent(lines, index);
  const blankBefore = isBlank(lines[index - 1]);
  if (previous && !blankBefore && !endsSentence(previous.text) && !isTableRow(previous.text)) return false;
  const next = nextContent(lines, index);
  if (!next) return false;
  const nextText = next.text.trim();
  return countWords(nextText) >= 6 && /^[\p{Lu}‘'“"•\-\d]/u.test(nextText) && !isTitleLike(nextText);
}

const ITEM = /^\d{1,3}\.\s+\p{Lu}/u;

/**
 * A numbered item that heads its own paragraph ("44. Pilot Buurtpreventiecoach Schildersbuurt (nieuw in 2022)"
 * followed by a description) names that text; items listed one under the other stay a list.
 */
function isItemHeading(lines: Line[], index: number): boolean {
  const text = lines[index]?.text.trim() ?? '';
  if (!ITEM.test(text) || countWords(text) > 16 || /[,;:]$/.test(text) || isTableRow(text)) return false;
  const previous = previousContent(lines, index);
  if (previous && !isBlank(lines[index - 1]) && !endsSentence(previous.text)) return false;
  // An item after one that ends in ";" or "," is the next entry of a running list ("1. …; 2. …").
  if (previous && /[;,]$/.test(previous.text.trim())) return false;
  const next = lines[index + 1];
  if (!next || isBlank(next) || isListItem(next.text)) return false;
  // A next line that starts in lower case finishes the item's own sentence; a heading's text would start anew.
  if (/^\p{Ll}/u.test(next.text.trim())) return false;
  return countWords(next.text) >= 10;
}

function previousContent(lines: Line[], index: number): Line | undefined {
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) if (!isBlank(lines[i])) return lines[i];
  return undefined;
}

function nextContent(lines: Line[], index: number): Line | undefined {
  for (let i = index + 1; i < lines.length && i <= index + 3; i++) if (!isBlank(lines[i])) return lines[i];
  return undefined;
}

/** Finds the headings among the lines; markup headings take precedence over guesses. */
export function detectHeadings(lines: Line[], markup: MarkupHeading[]): Heading[] {
  const markupByLine = new Map<number, MarkupHeading>();
  let cursor = 0;
  for (const heading of markup) {
    while (cursor < lines.length && (lines[cursor]?.end ?? 0) < heading.start) cursor += 1;
    if (cursor < lines.length) markupByLine.set(cursor, heading);
  }
  const headings: Heading[] = [];
  for (const line of lines) {
    const heading = classify(lines, line, markupByLine.get(line.index));
    if (heading) headings.push(heading);
  }
  return headings;
}

function classify(lines: Line[], line: Line, markup: MarkupHeading | undefined): Heading | undefined {
  const text = line.text.trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const numbered = parseNumberedHeading(text);
  if (markup) {
    const title = markup.text.trim() || text;
    const number = parseNumberedHeading(title)?.number;
    const level = number ? number.split('.').length : markup.level;
    return { lineIndex: line.index, title, level, minor: false, ...(number ? { number } : {}) };
  }
  if (numbered) return { lineIndex: line.index, title: text, level: numbered.number.split('.').length, number: numbered.number, minor: false };
  if (CHAPTER.test(text) && countWords(text) <= MAX_TITLE_WORDS && !/[.;,]$/.test(text)) {
    return { lineIndex: line.index, title: text, level: 1, minor: false };
  }
  if (isItemHeading(lines, line.index)) return { lineIndex: line.index, title: text, level: 1, minor: true };
  if (isUpperCaseTitle(text) && nextContent(lines, line.index)) return { lineIndex: line.index, title: text, level: 1, minor: true };
  if (isMinorHeading(lines, line.index)) return { lineIndex: line.index, title: text, level: 1, minor: true };
  return undefined;
}
