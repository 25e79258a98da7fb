/**
 * The year a figure in a sentence is stated for — one function for the budgets register (ingest) and the answer
 * pipeline's year checks (server), which used to have a copy each that disagreed on edge cases. Pure.
 */

/** A four-digit year 1900–2099 that is not part of a longer number ("2.022", "12022") or a decimal. */
export const YEAR_PATTERN = String.raw`(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)`;

/** A character range of the text: a figure, or the other figures around it. */
export interface TextSpan {
  start: number;
  end: number;
}

/** How far (in characters) a year may stand from a figure and still be the figure's own year. */
const YEAR_REACH = 60;
const YEARS = new RegExp(YEAR_PATTERN, 'g');
/** A year right after a figure, with the preposition that ties it to the figure. */
const YEAR_RIGHT_AFTER = new RegExp(String.raw`^\s*(?:in het jaar|in the year|in|over|voor|van|for)?\s*(${YEAR_PATTERN})`, 'i');

function yearIn(text: string, from: number, to: number, last: boolean): number | null {
  const years = [...text.slice(from, to).matchAll(YEARS)].map((m) => Number(m[0]));
  return (last ? years.at(-1) : years[0]) ?? null;
}

/**
 * The year the figure at `figure` of `text` is stated for, when its own clause names one: inside the figure's
 * parentheses ("(€ 30.969.000 over 2021)"), right after it ("€ 4,6 miljoen in 2022"), before it in the same clause
 * with no other figure (or another figure's year) between ("voor 2022 een subsidie van € 31.642.000"), else later in
 * its clause before the next figure. Clauses end at parentheses, semicolons and sentence ends; `others` are the other
 * figures of the text (not years); null when the clause names no year.
 */
export function figureYear(text: string, figure: TextSpan, others: readonly TextSpan[]): number | null {
  const open = text.lastIndexOf('(', figure.start);
  const close = text.indexOf(')', figure.end);
  if (open >= 0 && open > text.lastIndexOf(')', figure.start) && close >= 0) return yearIn(text, open, close, false);
  const right = YEAR_RIGHT_AFTER.exec(text.slice(figure.end));
  if (right) return Number(right[1]);
  // A year right after an earlier figure is that figure's ("€ 2 miljoen in 2021 en nu € 3 miljoen").
  const otherEnds = others.filter((v) => v.end <= figure.start).map((v) => v.end + (YEAR_RIGHT_AFTER.exec(text.slice(v.end))?.[0].length ?? 0));
  const previous = Math.max(...otherEnds, text.slice(0, figure.start).search(/[^;()]*$/), figure.start - YEAR_REACH, 0);
  const before = yearIn(text, previous, figure.start, true);
  if (before !== null) return before;
  const nextFigure = Math.min(...others.filter((v) => v.start >= figure.end).map((v) => v.start), figure.end + YEAR_REACH, text.length);
  const clauseEnd = text.slice(figure.end).search(/[;()]|[.!?](?:\s|$)/);
  return yearIn(text, figure.end, Math.min(nextFigure, clauseEnd < 0 ? text.length : figure.end + clauseEnd), false);
}
