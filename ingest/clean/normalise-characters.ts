/**
 * Character-level normalisation: what extraction leaves that no reader sees as text. Page separators become
 * line breaks (pages stay known through the offset map and `LoadedDocument.pages`), odd spaces become plain
 * spaces, ligatures are spelled out and combining sequences are composed (NFC). Curly quotes stay: they are
 * the document's own typography.
 */
import type { StepResult } from './clean-types.js';
import { replaceMatches, type OffsetText } from './offset-text.js';

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

// One alternation so the whole text is scanned once:
// 1 a page separator with the line breaks around it ("\n\f\n" joins pages in a loaded PDF), or a CR line end;
// 2 a vertical tab (Word's manual line break);
// 3 a soft hyphen at a line end, where it marks a word broken across lines;
// 4 invisible or meaningless characters: C0/C1 controls except \t \n, noncharacters, U+FFFD, zero-width
//   characters, a BOM, other soft hyphens, lone surrogates;
// 5 tabs and odd spaces (no-break, thin, figure, ideographic …);
// 6 ligatures; 7 a base character with combining marks, composed when NFC changes it.
const CHARACTERS =
  /(\n?\f\n?|\r\n?)|(\u000B)|(\u00AD(?=[ \t]*\n))|([\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF\u200B-\u200D\u2060\uFEFF\u00AD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])|([\t\u00A0\u2000-\u200A\u202F\u205F\u3000]+)|([\uFB00-\uFB06])|(\P{M}\p{M}+)/gu;

function replacement(match: RegExpExecArray): string | null {
  const [, pageOrReturn, verticalTab, softHyphenAtEnd, invisible, space, ligature, combining] = match;
  if (pageOrReturn !== undefined || verticalTab !== undefined) return '\n';
  if (softHyphenAtEnd !== undefined) return '-';
  if (invisible !== undefined) return '';
  if (space !== undefined) return ' ';
  if (ligature !== undefined) return LIGATURES[ligature] ?? ligature;
  if (combining !== undefined) return combining.normalize('NFC');
  return null;
}

/** Normalises characters; see the module comment. Never touches letters, digits or punctuation otherwise. */
export function normaliseCharacters(source: OffsetText): StepResult {
  let count = 0;
  const text = replaceMatches(source, CHARACTERS, (match) => {
    const next = replacement(match);
    if (next !== null && next !== match[0]) count++;
    return next;
  });
  return { text, count };
}
