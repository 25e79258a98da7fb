/**
 * Numbered lines that name things one by one ("1. School als Wijk (SAW) …", "2. Jeugdstraatwerk (2020 – 2024)."),
 * with their number, name and period. A run of them counts up from 1: a "4." inside a table or a note does not
 * continue a list that stands at 11.
 */

/** A numbered line of a passage, offsets into the passage text. */
export interface NumberedLine {
  number: number;
  /** The number as printed ("12"). */
  printed: string;
  /** The text after the number. */
  rest: string;
  start: number;
  end: number;
  /** Offset of `rest` in the passage text. */
  restStart: number;
}

const ITEM = /^(\d{1,3})[.)]\s+(\S.*)$/;
const MAX_ITEM_WORDS = 25;

/** The numbered lines of a text, in order. */
export function numberedLines(text: string): NumberedLine[] {
  const found: NumberedLine[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = ITEM.exec(line.trimEnd());
    if (match && (match[2] as string).split(/\s+/).length <= MAX_ITEM_WORDS) {
      const printed = match[1] as string;
      const rest = (match[2] as string).trim();
      found.push({ number: Number(printed), printed, rest, start: offset, end: offset + line.trimEnd().length, restStart: offset + line.indexOf(rest, printed.length) });
    }
    offset += line.length + 1;
  }
  return found;
}

// A period as printed: "(2020 – 2024)", "(01-04-2021 tot 01-04-2023)", "(1 september 2021 – 1 september 2023)",
// "(nieuw in 2022, juli 2022-juli 2023)", or a closing "–2022".
const MONTH = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DATE = String.raw`(?:\d{1,2}-\d{1,2}-|(?:\d{1,2}\s+)?(?:${MONTH})\s+)?(?:19|20)\d\d`;
const RANGE = String.raw`${DATE}\s*(?:[-–]|tot|t/m)\s*${DATE}`;
const PERIOD_IN_PARENTHESES = new RegExp(String.raw`\(([^()]*?(${RANGE})[^()]*)\)+`, 'i');
const CLOSING_YEAR = /\s[-–]\s?((?:19|20)\d\d)\.?$/;

/** The name and period of a numbered line's text. */
export function nameAndPeriod(rest: string): { name: string; period: string | null } {
  const trimmed = rest.replace(/[.:;]+$/, '').trim();
  const range = PERIOD_IN_PARENTHESES.exec(trimmed);
  if (range) return { name: (trimmed.slice(0, range.index) + trimmed.slice(range.index + range[0].length)).replace(/\s+/g, ' ').trim(), period: range[2] as string };
  const closing = CLOSING_YEAR.exec(trimmed);
  if (closing) return { name: trimmed.slice(0, closing.index).trim(), period: closing[1] as string };
  return { name: trimmed, period: null };
}
