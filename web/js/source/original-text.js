/**
 * The original of a text document: its whole clean text, the cited passage's range set off and the quotes in
 * it marked, scrolled so the first mark is in view.
 */
import { getJson } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { findQuote, markedText, reflow } from '../highlight.js';
import { strings } from '../strings.js';

/** @type {Map<string, Promise<any>>} */
const texts = new Map();

/**
 * The clean text and passage offsets of a document, fetched once per page load.
 * @param {string} documentId
 */
export function documentText(documentId) {
  let promise = texts.get(documentId);
  if (!promise) {
    promise = getJson(`/api/documents/${encodeURIComponent(documentId)}/text`);
    texts.set(documentId, promise);
    promise.catch(() => texts.delete(documentId));
  }
  return promise;
}

/**
 * Where each quote stands inside the passage's range of the clean text (or, failing that, anywhere).
 * @param {string} text
 * @param {{ start: number, end: number }} range
 * @param {string[]} quotes
 */
export function quoteSpans(text, range, quotes) {
  const inside = text.slice(range.start, range.end);
  return quotes.flatMap((quote) => {
    const local = findQuote(inside, quote);
    if (local) return [{ start: local.start + range.start, end: local.end + range.start }];
    const anywhere = findQuote(text, quote);
    return anywhere ? [anywhere] : [];
  });
}

/**
 * Renders the document text into `container` and scrolls to the passage.
 * @param {HTMLElement} container
 * @param {{ documentId: string, passageId: string, quotes: string[] }} source
 */
export async function showTextOriginal(container, source) {
  const body = await documentText(source.documentId);
  const text = reflow(String(body.text ?? ''));
  const passage = body.passages.find((/** @type {any} */ p) => p.passageId === source.passageId);
  const range = passage ? { start: passage.cleanStart, end: passage.cleanEnd } : { start: 0, end: 0 };
  const spans = quoteSpans(text, range, source.quotes);
  const inside = spans.every((span) => span.start >= range.start && span.end <= range.end);
  const local = spans.map((span) => ({ start: span.start - range.start, end: span.end - range.start }));
  // A quote found outside the passage's range (offsets drifted) is still marked, just without the range.
  const content = inside
    ? [text.slice(0, range.start), h('span', { class: 'passage-range' }, markedText(text.slice(range.start, range.end), local)), text.slice(range.end)]
    : [markedText(text, spans)];
  const view = h('div', { class: 'original-text' }, content);
  if (!text) replaceChildren(container, h('p', { text: strings().noText }));
  else replaceChildren(container, view);
  const target = view.querySelector('mark') ?? view.querySelector('.passage-range');
  target?.scrollIntoView({ block: 'center' });
}
