/**
 * The figures a text mentions — numbers, amounts, percentages, dates, number words and scale words — read as
 * values, so a generated sentence can be checked against the document text it cites. Documents are Dutch
 * ("4.470.460", "44,35", "1,13%", "1 januari 2023"); an English answer may also use English notation
 * ("4,470,460"). Pure functions.
 */
import { parseNumber } from '../../ingest/index.js';
import type { Language } from '../retrieve/language.js';

/** A figure of an answer sentence: its literal and the keys any of which a source must hold. */
export interface FigureMention {
  literal: string;
  keys: string[];
  percent: boolean;
}

/** What the answer sentence states with figures. */
export interface AnswerFigures {
  figures: FigureMention[];
  /** Full dates as yyyy-mm-dd. */
  dates: string[];
  /** Powers of ten named by words ("miljoen" = 6). */
  scales: number[];
}

/** Everything figure-like the cited sources hold. */
export interface SourceFigures {
  keys: Set<string>;
  percentKeys: Set<string>;
  dates: Set<string>;
  scales: Set<number>;
}

const NUMBER = /(?<![\p{L}\d])\d+(?:[.,]\d+)*(?!\d)/gu;
const PERCENT_AFTER = /^\s?(?:%|procent|percent)/i;
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${[...new Set(MONTHS)].join('|')})`;
const DATE_PATTERNS: [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})(?!\\d)`, 'giu'), (m) => [m[3]!, monthNumber(m[2]!), m[1]!]],
  [new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'giu'), (m) => [m[3]!, monthNumber(m[1]!), m[2]!]],
  [/(?<![\d.,-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/g, (m) => [m[3]!, m[2]!, m[1]!]],
  [/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (m) => [m[1]!, m[2]!, m[3]!]],
];
const NUMBER_WORDS: Record<Language, string[]> = {
  nl: ['', '', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig'],
  en: ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
};
const TENS: Record<Language, string[]> = {
  nl: ['dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig', 'honderd'],
  en: ['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred'],
};
const SCALES: Record<string, number> = { duizend: 3, thousand: 3, miljoen: 6, million: 6, mln: 6, miljard: 9, billion: 9, mld: 9, mrd: 9 };

function monthNumber(name: string): string {
  return String((MONTHS.indexOf(name.toLowerCase()) % 12) + 1).padStart(2, '0');
}

/** The value of a number word ("vijftig" → 50), or undefined; "een"/"one" are left out: mostly articles. */
export function numberWordValue(word: string, language: Language): number | undefined {
  const lower = word.toLowerCase();
  if (lower === 'één') return 1;
  const small = NUMBER_WORDS[language].indexOf(lower);
  if (small >= 2) return small;
  const tens = TENS[language].indexOf(lower);
  return tens < 0 ? undefined : tens === 7 ? 100 : (tens + 3) * 10;
}

/** Full dates in a text as yyyy-mm-dd, with the spans they cover. */
export function datesOf(text: string): { date: string; start: number; end: number }[] {
  const found: { date: string; start: number; end: number }[] = [];
  for (const [pattern, parts] of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const [year, month, day] = parts(match);
      if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) continue;
      found.push({ date: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/** Keys of a number literal: the literal itself and its value (Dutch reading; English too when asked). */
function numberKeys(literal: string, english: boolean): string[] {
  const keys = new Set([`l:${literal}`]);
  const readings = english ? [literal, literal.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'))] : [literal];
  for (const reading of readings) {
    const parsed = parseNumber(reading);
    keys.add(parsed.value === null ? `l:${parsed.normal}` : `v:${parsed.value}`);
  }
  return [...keys];
}

function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** The figures an answer sentence states; numbers inside a full date count as the date. */
export function answerFigures(sentence: string, language: Language): AnswerFigures {
  const dates = datesOf(sentence);
  let rest = sentence;
  for (const { start, end } of dates) rest = rest.slice(0, start) + ' '.repeat(end - start) + rest.slice(end);
  const figures: FigureMention[] = [];
  for (const match of rest.matchAll(NUMBER)) {
    const after = rest.slice(match.index + match[0].length);
    figures.push({ literal: match[0], keys: numberKeys(match[0], language === 'en'), percent: PERCENT_AFTER.test(after) });
  }
  for (const word of words(rest)) {
    const value = numberWordValue(word, language);
    if (value !== undefined) figures.push({ literal: word, keys: [`v:${value}`], percent: false });
  }
  const scales = words(rest).map((word) => SCALES[word]).filter((scale): scale is number => scale !== undefined);
  return { figures, dates: [...new Set(dates.map((d) => d.date))], scales: [...new Set(scales)] };
}

/** Everything figure-like in the source texts: numbers (Dutch reading), number words, dates and their parts. */
export function sourceFigures(texts: string[]): SourceFigures {
  const figures: SourceFigures = { keys: new Set(), percentKeys: new Set(), dates: new Set(), scales: new Set() };
  for (const text of texts) {
    for (const match of text.matchAll(NUMBER)) {
      const keys = numberKeys(match[0], false);
      const percent = PERCENT_AFTER.test(text.slice(match.index + match[0].length));
      for (const key of keys) {
        figures.keys.add(key);
        if (percent) figures.percentKeys.add(key);
      }
    }
    for (const { date } of datesOf(text)) {
      figures.dates.add(date);
      for (const part of date.split('-')) figures.keys.add(`v:${Number(part)}`);
    }
    for (const word of words(text)) {
      for (const language of ['nl', 'en'] as const) {
        const value = numberWordValue(word, language);
        if (value !== undefined) figures.keys.add(`v:${value}`);
      }
      const scale = SCALES[word];
      if (scale !== undefined) figures.scales.add(scale);
    }
  }
  return figures;
}
