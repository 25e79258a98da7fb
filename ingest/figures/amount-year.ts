/**
 * The year an amount in a sentence is about: a year just after it ("7,5 miljoen in 2022", "€ 30.969.000 over
 * 2021"), one in the same parentheses, else the nearest one before it outside other parentheses ("voor het
 * kalenderjaar 2022 een subsidie … van € 31.642.000"); null otherwise (a year further on is about something else).
 */

const YEAR = /(?<![\d.,-])(?:19|20)\d\d(?![\d.,]\d)/g;
const NEAR_AFTER = 16;

interface Found {
  year: number;
  start: number;
  /** Index of the parentheses the year stands in, or -1. */
  group: number;
}

/** The parentheses each offset of `text` stands in: -1 outside, else the index of the opening "(". */
function groups(text: string): Int32Array {
  const inside = new Int32Array(text.length + 1).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    inside[i] = open[open.length - 1] ?? -1;
    if (text[i] === ')') open.pop();
  }
  return inside;
}

/** The year of the amount at [start, end) of `sentence`, or null. */
export function amountYear(sentence: string, start: number, end: number): number | null {
  const inside = groups(sentence);
  const own = inside[start] ?? -1;
  const years: Found[] = [...sentence.matchAll(YEAR)]
    .filter((match) => match.index < start || match.index >= end)
    .map((match) => ({ year: Number(match[0]), start: match.index, group: inside[match.index] ?? -1 }));
  const after = years.find((y) => y.start >= end && y.start - end <= NEAR_AFTER && (y.group === own || y.group === -1));
  if (after) return after.year;
  if (own >= 0) {
    const same = years.find((y) => y.group === own);
    if (same) return same.year;
  }
  const outside = years.filter((y) => y.group === -1 || y.group === own);
  const before = outside.filter((y) => y.start < start).pop();
  return before?.year ?? null;
}
