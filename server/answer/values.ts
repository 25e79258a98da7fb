/**
 * The values a sentence states, as exact spans of its text: amounts ("€ 4.470.460", "18.320€", "2,5 miljoen euro"),
 * percentages, dates and periods ("1 januari 2023", "eind 2024", "2023-2025"), bare years, frequencies
 * ("eens per vier weken"), counts ("circa 40 bewoners", "drie leden") and actors ("de raad van toezicht",
 * "M.A.E. Kuin"). Each answer type is answered by values of certain kinds; the support gate and the direct answer
 * span read them. Pure.
 */
import { figureYear, isDutchStopWord, YEAR_PATTERN } from '../../ingest/index.js';
import type { AnswerType } from '../retrieve/answer-type.js';
import type { AnswerWords } from '../retrieve/answer-words.js';
import { escapeRegExp } from '../retrieve/word-patterns.js';
import { agentNames } from './agent-values.js';
import { datePatterns } from './date-values.js';

/** The kinds of value a sentence can state. */
export type ValueKind = 'amount' | 'percentage' | 'date' | 'year' | 'frequency' | 'count' | 'actor';

/** A value as an exact span of the text it was found in. */
export interface ValueSpan {
  kind: ValueKind;
  start: number;
  end: number;
  text: string;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const SCALE = String.raw`(?:miljoen|mln\.?|miljard|mld\.?|duizend|million|billion|thousand)`;
/** Patterns per kind after the dates (date-values.ts), in the order in which overlapping spans are resolved (earlier kinds win). */
const PATTERNS: [ValueKind, RegExp][] = [
  ['percentage', new RegExp(String.raw`[-–]?(?:${NUM})\s?(?:%|procent\b|percent\b|procentpunt\w*)`, 'giu')],
  // "€ 4.470.460", "2,5 miljoen euro", a table cell "18.320€" (the € right after the digits), "1,655 miljoen".
  ['amount', new RegExp(String.raw`(?<![\d\-–])(?:€|EUR|k€)\s?[-–]?\s?(?:${NUM})(?:\s?${SCALE})?(?:\s?,-+)?|[-–]?(?:${NUM})\s?(?:${SCALE}\s?)?(?:euro|EUR)\b|[-–]?(?:${NUM})€|(?:${NUM})\s?${SCALE}`, 'giu')],
  // A bare year: four digits from 1900 to 2099 that are no part of a larger number.
  ['year', new RegExp(YEAR_PATTERN, 'g')],
];

/** Outline numbers ("3.3.4", "6.5.2") and list markers are no values. */
const OUTLINE = /^\d+(?:\.\d+){1,}\.?$/;
/** Numbers that refer to a part of a document ("bijlage 1", "hoofdstuk 4", "artikel 9") count nothing. */
const REFERENCE = /(?:bijlage|hoofdstuk|paragraaf|pagina|blz|artikel|art|figuur|tabel|nr|nummer|lid|stap|fase|versie|annex|appendix|chapter|section|page|article|figure|table)\.?\s*$/i;

function overlaps(spans: ValueSpan[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}

function phraseSpans(text: string, lower: string, phrases: string[], kind: ValueKind, taken: ValueSpan[], extend = 0): ValueSpan[] {
  const found: ValueSpan[] = [];
  for (const phrase of phrases) {
    let from = 0;
    for (let at = lower.indexOf(phrase, from); at >= 0; at = lower.indexOf(phrase, from)) {
      from = at + phrase.length;
      const before = lower[at - 1] ?? ' ';
      const after = lower[at + phrase.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}-]/u.test(after)) continue;
      let end = at + phrase.length;
      // "eens per vier weken", "keer per jaar": a frequency phrase ending in "per" takes the words after it.
      for (let i = 0; i < extend && /\s(?:per|a)$/.test(lower.slice(at, end)) ; i++) {
        const next = /^\s+[\p{L}\d]+(?:\s+weken|\s+maanden|\s+jaar)?/u.exec(text.slice(end));
        if (!next) break;
        end += next[0].length;
      }
      if (overlaps([...taken, ...found], at, end)) continue;
      found.push({ kind, start: at, end, text: text.slice(at, end) });
    }
  }
  return found;
}

/** Person names: titles, initials and a surname ("mevrouw M.A.E. Kuin", "prof. dr. H.B. (Heinrich) Winter"). */
const PERSON = /(?:(?:mevrouw|mevr\.|de heer|dhr\.|prof\.|dr\.|drs\.|mr\.|ir\.)\s+)*(?:\p{Lu}\.){1,4}\s?(?:\(\p{Lu}\p{Ll}+\)\s)?(?:(?:van|de|der|den|ter|ten)\s)*\p{Lu}[\p{Ll}-]+/gu;

const NOUN_AFTER = /\s+(\p{L}[\p{L}'’-]{2,})/uy;

function countSpans(text: string, words: AnswerWords, taken: ValueSpan[]): ValueSpan[] {
  const found: ValueSpan[] = [];
  const numberWords = [...words.numberWords.keys()].join('|');
  const approximate = words.approximations.map(escapeRegExp).join('|');
  const pattern = new RegExp(String.raw`(?:(?:${approximate})\s+)?(?:(?<![\p{L}\d.,])(?<number>${NUM})(?![\d.,]*\d)|\b(?:${numberWords})\b)`, 'giu');
  for (const match of text.matchAll(pattern)) {
    const value = match[0];
    const number = match.groups?.number;
    const start = match.index;
    if (overlaps(taken, start, start + value.length)) continue;
    // The counted noun belongs to the count ("40 bewoners"); a stop word or a name after the number does not.
    NOUN_AFTER.lastIndex = start + value.length;
    const noun = NOUN_AFTER.exec(text);
    const withNoun = noun !== null && !isDutchStopWord((noun[1] as string).toLowerCase()) && !/^\p{Lu}/u.test(noun[1] as string);
    const end = start + value.length + (withNoun ? (noun as RegExpExecArray)[0].length : 0);
    if (number && OUTLINE.test(number) && !number.includes(',') && number.split('.').slice(1).some((part) => part.length !== 3)) continue;
    // A list marker ("2. Inwoners…") opens a line; it counts nothing.
    if (number && /^\d{1,2}[.)]/.test(text.slice(start)) && /(?:^|\n)\s*$/.test(text.slice(0, start))) continue;
    if (REFERENCE.test(text.slice(Math.max(0, start - 12), start))) continue;
    // "Ten Boer", "Drie Gasthuizen": a capitalised number word inside a sentence is part of a name.
    if (!number && /^\p{Lu}/u.test(value) && start > 0 && !/[.!?:]\s*$/.test(text.slice(0, start))) continue;
    if (overlaps([...taken, ...found], start, end)) continue;
    found.push({ kind: 'count', start, end, text: text.slice(start, end) });
  }
  return found;
}

// A sentence's values depend on its text and the word lists alone, and the same sentences come back with every
// question that finds their passage: each text is read once per word lists, within a bound.
const readTexts = new WeakMap<AnswerWords, Map<string, readonly ValueSpan[]>>();
const MAX_READ_TEXTS = 20_000;

/** Every value of `text`, in text order; overlapping candidates are resolved by kind (dates first, counts last). */
export function valueSpans(text: string, words: AnswerWords): readonly ValueSpan[] {
  let read = readTexts.get(words);
  if (!read) readTexts.set(words, (read = new Map()));
  const known = read.get(text);
  if (known) return known;
  const spans = Object.freeze(readValueSpans(text, words).map((span) => Object.freeze(span)));
  if (read.size >= MAX_READ_TEXTS) read.clear();
  read.set(text, spans);
  return spans;
}

function readValueSpans(text: string, words: AnswerWords): ValueSpan[] {
  const spans: ValueSpan[] = [];
  for (const [kind, pattern] of [...datePatterns(words.dates).map((p): [ValueKind, RegExp] => ['date', p]), ...PATTERNS]) {
    for (const match of text.matchAll(pattern)) {
      const literal = match[0].trim();
      const start = match.index + match[0].indexOf(literal);
      if (literal === '' || overlaps(spans, start, start + literal.length)) continue;
      spans.push({ kind, start, end: start + literal.length, text: literal });
    }
  }
  const lower = text.toLowerCase();
  const comparable = lower.length === text.length;
  if (comparable) spans.push(...phraseSpans(text, lower, words.frequency, 'frequency', spans, 3));
  spans.push(...countSpans(text, words, spans));
  for (const match of text.matchAll(PERSON)) {
    if (!overlaps(spans, match.index, match.index + match[0].length)) spans.push({ kind: 'actor', start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  for (const { start, end } of agentNames(text, words.agents)) {
    if (!overlaps(spans, start, end)) spans.push({ kind: 'actor', start, end, text: text.slice(start, end) });
  }
  if (comparable) spans.push(...phraseSpans(text, lower, words.actors, 'actor', spans));
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * A value in parentheses right after another value ("832 inwoners (601)", "€ 2,06 miljoen (€ 1,9 miljoen in 2021)")
 * is the comparison figure — usually the year before — not the answer itself.
 */
export function isComparisonFigure(text: string, value: ValueSpan): boolean {
  return /\(\s*$/.test(text.slice(Math.max(0, value.start - 3), value.start)) && /[\d%€]\s*[\p{L}\s]*\(\s*$/u.test(text.slice(0, value.start));
}

/**
 * The year a figure is stated for, when its own clause names one (`figureYear`: its parentheses, right after it,
 * before it with no other figure between, else later in its clause); null when none does or the value is itself a
 * year or date.
 */
export function valueYear(text: string, value: ValueSpan, values: readonly ValueSpan[]): number | null {
  if (value.kind === 'year' || value.kind === 'date') return null;
  return figureYear(text, value, values.filter((v) => v !== value && v.kind !== 'year' && v.kind !== 'date'));
}

/** How well a value of `kind` answers a question of `type`: 1 fully, 0.5 partly (a bare year for a date), 0 not. */
export function valueFit(type: AnswerType, kind: ValueKind): number {
  switch (type) {
    case 'amount':
      return kind === 'amount' ? 1 : 0;
    case 'count':
      return kind === 'count' ? 1 : kind === 'frequency' || kind === 'percentage' ? 0.5 : 0;
    case 'percentage':
      return kind === 'percentage' ? 1 : kind === 'count' ? 0.5 : 0;
    case 'date':
      return kind === 'date' ? 1 : kind === 'year' ? 0.5 : 0;
    case 'actor':
    case 'who_decides':
      return kind === 'actor' ? 1 : 0;
    default:
      return 0;
  }
}
