/**
 * Splitting text into words and numbers with their offsets in the original string, so a match can be
 * highlighted in the text exactly as the document wrote it.
 */
import { foldText } from './fold-text.js';
import { parseNumber } from './parse-number.js';

/** A run of letters; internal hyphens and apostrophes keep "WIJ-teams" and "auto's" together. */
export interface WordToken {
  kind: 'word';
  /** The token as written in the original text. */
  text: string;
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The folded form ({@link foldText}): lower case, no diacritics, straight apostrophes. */
  normal: string;
}

/** A number as written ("3.464.044", "0,19"), never split at its thousands separator. */
export interface NumberToken {
  kind: 'number';
  text: string;
  start: number;
  end: number;
  /** Canonical digits ("3464044", "0.19"), or the literal for non-quantities ("3.3.4", "050"). */
  normal: string;
  /** The numeric value, or null for section numbers, dotted dates and codes with a leading zero. */
  value: number | null;
  /** A euro sign stands directly before or after the number ("€ 4.470.460", "18.320€"). */
  currency: boolean;
  /** A percent sign follows the number ("1,13%", "38 %"). */
  percent: boolean;
}

/** A word or a number found by {@link tokenize}. */
export type Token = WordToken | NumberToken;

// Letters (with combining marks and soft hyphens inside) joined by single hyphens or apostrophes; or digits
// joined by single dots or commas. Digits and letters are separate tokens so OCR-glued "in2018" still
// yields the year.
const TOKEN_PATTERN =
  /(\p{L}[\p{L}\p{M}\u00AD]*(?:['\u2019\-\u2010\u2011][\p{L}][\p{L}\p{M}\u00AD]*)*)|(\d+(?:[.,]\d+)*)/gu;
const EURO_BEFORE = /€[ \u00A0]?$/;
// A euro sign after a number belongs to it unless it opens the next amount ("2022 € 500").
const EURO_AFTER = /^[ \u00A0]?€(?![ \u00A0]?\d)/;
const PERCENT_AFTER = /^[ \u00A0]?%/;

/** Splits `text` into word and number tokens, in order, with offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    tokens.push(match[1] !== undefined ? word(match[0], start, end) : number(text, match[0], start, end));
  }
  return tokens;
}

function word(text: string, start: number, end: number): WordToken {
  return { kind: 'word', text, start, end, normal: foldText(text) };
}

function number(source: string, text: string, start: number, end: number): NumberToken {
  const { normal, value } = parseNumber(text);
  const before = source.slice(Math.max(0, start - 2), start);
  const after = source.slice(end, end + 4);
  return {
    kind: 'number',
    text,
    start,
    end,
    normal,
    value,
    currency: EURO_BEFORE.test(before) || EURO_AFTER.test(after),
    percent: PERCENT_AFTER.test(after),
  };
}
