/**
 * Amounts of money in running text: "€ 31.642.000", "€4,89 miljoen", "18.320€", "662.750 euro", and "7,5 miljoen"
 * when the sentence is about money. Each with its offsets, its value in euros and its unit as printed.
 */
import { parseNumber } from '../text/parse-number.js';
import { registerWords } from './register-words.js';

/** An amount found in a text. */
export interface ProseAmount {
  start: number;
  end: number;
  text: string;
  /** The amount in euros ("€ 4,89 miljoen" is 4890000). */
  value: number | null;
  /** "€", or the scale word with it ("€ miljoen"). */
  unit: string;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const SCALE = String.raw`miljoen|miljard|mln\.?|duizend`;
const EURO_FIRST = new RegExp(String.raw`€\s?(-?)(${NUMBER})(?:\s(${SCALE}))?(?![\d,.]\d)`, 'giu');
const EURO_AFTER = new RegExp(String.raw`(?<![\d.,])(-?)(${NUMBER})(?:\s(${SCALE}))?\s?(?:€(?!\s?-?\d)|euro\b)`, 'giu');
const BARE_SCALE = new RegExp(String.raw`(?<![\d.,]|€\s?)(${NUMBER})\s(${SCALE})(?!\s?(?:€|euro))`, 'giu');

function amount(match: RegExpExecArray, minus: string, digits: string, scale: string | undefined): ProseAmount {
  const factor = scale ? registerWords().currency.scales[scale.toLowerCase()] ?? 1 : 1;
  const base = parseNumber(digits).value;
  const value = base === null ? null : Math.round((minus ? -base : base) * factor * 100) / 100;
  return { start: match.index, end: match.index + match[0].length, text: match[0], value, unit: scale ? `€ ${scale.toLowerCase()}` : '€' };
}

/** The amounts in `text`, in order; `moneyContext` admits "7,5 miljoen" without a euro sign. */
export function findAmounts(text: string, moneyContext: boolean): ProseAmount[] {
  const found: ProseAmount[] = [];
  for (const match of text.matchAll(EURO_FIRST)) found.push(amount(match, match[1] ?? '', match[2] as string, match[3]));
  for (const match of text.matchAll(EURO_AFTER)) found.push(amount(match, match[1] ?? '', match[2] as string, match[3]));
  if (moneyContext) for (const match of text.matchAll(BARE_SCALE)) found.push(amount(match, '', match[1] as string, match[2]));
  const ordered = found.sort((a, b) => a.start - b.start || b.end - a.end);
  return ordered.filter((item, i) => !ordered.slice(0, i).some((other) => other.start < item.end && item.start < other.end));
}
