/**
 * Dutch sentence boundaries. Passages end at sentence boundaries, so a split must never fall inside an
 * abbreviation ("o.a.", "t.o.v.", "d.d."), an initial ("M.A.E. Kuin"), or a number ("€ 1.298.866").
 */

/** A sentence as a span of the input string. */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'o.a', 't.o.v', 'd.d', 'bijv', 'bv', 'b.v', 'm.b.t', 'i.v.m', 'e.d', 'nr', 'nrs', 'art', 'blz', 'p', 'pp', 'dhr', 'mevr',
  'drs', 'mr', 'dr', 'ir', 'ing', 'prof', 'ca', 'incl', 'excl', 'jl', 'resp', 'e.a', 'm.u.v', 'i.p.v', 'a.s', 'z.s.m',
  'n.a.v', 'm.n', 'o.b.v', 'v.w.b', 'd.w.z', 'enz', 'etc', 'evt', 'max', 'min', 'vs', 'afd', 'ald', 'jr', 'mln', 'mld',
  'mrd', 'tel', 'str', 'sr', 'st', 'vgl', 'zgn', 'i.o.m', 't.b.v', 't.a.v', 'a.i', 'b.en.w', 'b&w', 'e.v', 'o.i.d',
  'i.c.m', 'c.q', 'fte', 'p.j', 'p.p', 'l.s', 'i.h.k.v', 'm.i.v', 'ivm', 'tbv', 'tov', 'mbt', 'ipv', 'gem',
]);

/** True when the word before a period is an abbreviation or an initial, so the period ends no sentence. */
function isAbbreviation(wordBeforePeriod: string): boolean {
  const word = wordBeforePeriod.toLowerCase().replace(/^[(\[“"‘']+/, '');
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\p{L}$/u.test(word)) return true; // initials: "M.", "H.B."
  return /^(?:\p{L}\.)+\p{L}$/u.test(word); // "m.a.e" before the final period
}

const CANDIDATE = /([.!?…]+)(["”’')\]]*)(\s+)(?=[\p{Lu}\d“"‘'(•\-–€§])/gu;

/** Splits text into sentence spans; whitespace between sentences belongs to no span. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(text)) !== null) {
    const boundary = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    if (match[1] === '.' && isAbbreviation(wordBefore(text, match.index))) continue;
    if (match[1] === '.' && /\d$/.test(text.slice(start, match.index)) && /^\s+\d/.test(text.slice(boundary))) continue;
    if (boundary > start) spans.push({ start, end: boundary });
    start = skipSpace(text, boundary);
  }
  const end = trimEnd(text, text.length);
  if (end > start) spans.push({ start, end });
  return spans;
}

function wordBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && !/\s/.test(text[i - 1] ?? ' ')) i -= 1;
  return text.slice(i, index);
}

function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
  return i;
}

function trimEnd(text: string, index: number): number {
  let i = index;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i -= 1;
  return i;
}
