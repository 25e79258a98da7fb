/**
 * Line-level reading of clean text: every line with its offsets and a first guess at what it is.
 * Structure detection (headings, tables, lists) works on these.
 */

/** A line of the clean text; `start`/`end` are clean-text offsets, `end` excludes the newline. */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Splits text into lines with offsets; a form feed (page break) counts as a line break. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\n\f]*/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    lines.push({ index: lines.length, start: match.index, end: match.index + match[0].length, text: match[0] });
    if (pattern.lastIndex >= text.length) break;
    pattern.lastIndex += 1;
  }
  return lines;
}

/** True for a line with nothing but whitespace. */
export function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

/** Number of words (whitespace-separated tokens) in a string. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

const BULLET = /^\s*(?:[•▪◦●■□➢►✓\-–*o]\s+|\(?[a-zA-Z]\)\s+|\(?\d{1,2}[.)]\s+|[ivx]{1,4}\.\s+|[IVX]{1,4}\.\s+)/;

/** True when the line starts like an item of a bulleted or numbered list. */
export function isListItem(text: string): boolean {
  return BULLET.test(text);
}

/** True when the line ends a sentence (so a following short line can be a heading). */
export function endsSentence(text: string): boolean {
  return /[.!?:;)”"’%\d]\s*$/.test(text);
}
