/**
 * Finding a quote in a text and marking it. The quote is usually a verbatim substring; when whitespace,
 * hyphenation, case or accents differ (a PDF text layer, the document's clean text with other line breaks),
 * matching falls back to letters and digits only — the same folding the server's /api/locate uses.
 */
import { h } from './dom.js';

/** A span to mark; `className` sets one mark apart (the direct answer inside a quote). */
/** @typedef {{ start: number, end: number, className?: string }} Span */

const KEPT = /[\p{L}\p{N}]/u;

/**
 * The letters and digits of a text, lower-case without accents, with each one's offsets in the original.
 * @param {string} text
 */
export function foldForMatch(text) {
  let chars = '';
  /** @type {number[]} */
  const starts = [];
  /** @type {number[]} */
  const ends = [];
  let offset = 0;
  for (const symbol of text) {
    const end = offset + symbol.length;
    for (const char of symbol.normalize('NFKD').toLowerCase()) {
      if (!KEPT.test(char)) continue;
      chars += char;
      starts.push(offset);
      ends.push(end);
    }
    offset = end;
  }
  return { chars, starts, ends };
}

/**
 * Where `quote` stands in `text`: exact first, then folded. Null when it does not.
 * @param {string} text
 * @param {string} quote
 * @param {number} [from] only search from this offset
 * @returns {Span | null}
 */
export function findQuote(text, quote, from = 0) {
  if (!quote) return null;
  const exact = text.indexOf(quote, from);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const folded = foldForMatch(text);
  const needle = foldForMatch(quote).chars;
  if (needle.length === 0) return null;
  const first = folded.starts.findIndex((start) => start >= from);
  const at = first < 0 ? -1 : folded.chars.indexOf(needle, first);
  if (at < 0) return null;
  return withClosingPunctuation(text, quote, { start: folded.starts[at] ?? 0, end: folded.ends[at + needle.length - 1] ?? 0 });
}

/**
 * Folded matching ends at the last letter or digit; a quote ending in "2021)." should mark the ")." too.
 * @param {string} text
 * @param {string} quote
 * @param {Span} span
 */
function withClosingPunctuation(text, quote, span) {
  const tail = /[^\p{L}\p{N}]*$/u.exec(quote)?.[0].replace(/\s+/g, '') ?? '';
  return tail && text.startsWith(tail, span.end) ? { start: span.start, end: span.end + tail.length } : span;
}

/**
 * The text as nodes with the spans wrapped in <mark>.
 * @param {string} text
 * @param {Span[]} spans non-overlapping, any order
 */
export function markedText(text, spans) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < last) continue;
    if (span.start > last) fragment.append(text.slice(last, span.start));
    fragment.append(h('mark', { class: span.className, text: text.slice(span.start, span.end) }));
    last = span.end;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/**
 * Sets the direct-answer span apart inside the quote spans that contain it: the quote is split around it, so
 * the spans stay non-overlapping.
 * @param {Span[]} spans
 * @param {Span | null | undefined} answer offsets of the direct answer in the same text
 * @returns {Span[]}
 */
export function withAnswerSpan(spans, answer) {
  if (!answer || answer.end <= answer.start) return spans;
  const inside = spans.find((span) => span.start <= answer.start && span.end >= answer.end);
  if (!inside) return [...spans.filter((span) => span.end <= answer.start || span.start >= answer.end), { ...answer, className: 'answer-span' }];
  return spans.flatMap((span) => (span !== inside ? [span] : [
    { start: span.start, end: answer.start },
    { start: answer.start, end: answer.end, className: 'answer-span' },
    { start: answer.end, end: span.end },
  ].filter((part) => part.end > part.start)));
}

/**
 * Joins lines that a PDF layout broke inside a sentence (a lower-case letter or comma, a line break, a lower-case
 * letter), for reading. Each break becomes one space, so offsets into the text stay valid; table rows and
 * headings, which start with capitals or digits, keep their lines.
 * @param {string} text
 */
export function reflow(text) {
  return text.replace(/(?<=[\p{Ll},])\n(?=\p{Ll})/gu, ' ');
}
