/**
 * The original of a text document: its whole clean text, the cited passage's range set off and the quotes in
 * it marked, scrolled so the first mark is in view. A text exported from a PDF that kept its page footers
 * ("Pagina 30 van 66") shows where each known page starts, as the PDF view does.
 */
import { documents, getJson } from '../api.js';
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
 * Where known pages start in the clean text: the first passage of each page.
 * @param {{ page: number | null, pageLabel: string | null, cleanStart: number }[]} passages
 * @returns {{ offset: number, label: string }[]}
 */
export function pageStarts(passages) {
  /** @type {{ offset: number, label: string }[]} */
  const starts = [];
  let previous = /** @type {number | null} */ (null);
  for (const passage of [...passages].sort((a, b) => a.cleanStart - b.cleanStart)) {
    if (passage.page === null || passage.page === previous) continue;
    previous = passage.page;
    starts.push({ offset: passage.cleanStart, label: passage.pageLabel ?? String(passage.page) });
  }
  return starts;
}

/**
 * Plain text from `start` to `end` with a page marker at each page start inside it.
 * @param {string} text @param {number} start @param {number} end
 * @param {{ offset: number, label: string }[]} starts @param {number} pageCount
 */
function withPageMarkers(text, start, end, starts, pageCount) {
  /** @type {(Node | string)[]} */
  const parts = [];
  let at = start;
  for (const page of starts.filter((p) => p.offset >= start && p.offset < end)) {
    parts.push(text.slice(at, page.offset), pageMarker(page.label, pageCount));
    at = page.offset;
  }
  parts.push(text.slice(at, end));
  return parts;
}

/** @param {string} label @param {number} pageCount */
function pageMarker(label, pageCount) {
  return h('span', { class: 'page-marker', attrs: { 'data-page': label }, text: strings().pageMarker(label, pageCount) });
}

/**
 * Renders the document text into `container` and scrolls to the passage.
 * @param {HTMLElement} container
 * @param {{ documentId: string, passageId: string, quotes: string[] }} source
 */
export async function showTextOriginal(container, source) {
  const [body, list] = await Promise.all([documentText(source.documentId), documents().catch(() => [])]);
  const pageCount = Number(list.find((/** @type {any} */ d) => d.documentId === source.documentId)?.pageCount ?? 0);
  const text = reflow(String(body.text ?? ''));
  const starts = pageStarts(body.passages);
  const passage = body.passages.find((/** @type {any} */ p) => p.passageId === source.passageId);
  const range = passage ? { start: passage.cleanStart, end: passage.cleanEnd } : { start: 0, end: 0 };
  const spans = quoteSpans(text, range, source.quotes);
  const inside = spans.every((span) => span.start >= range.start && span.end <= range.end);
  const local = spans.map((span) => ({ start: span.start - range.start, end: span.end - range.start }));
  // A quote found outside the passage's range (offsets drifted) is still marked, just without the range.
  const atRange = starts.find((page) => page.offset === range.start);
  const content = inside
    ? [withPageMarkers(text, 0, range.start, starts, pageCount), atRange ? pageMarker(atRange.label, pageCount) : null,
      h('span', { class: 'passage-range' }, markedText(text.slice(range.start, range.end), local)),
      withPageMarkers(text, range.end, text.length, starts, pageCount)]
    : [markedText(text, spans)];
  const view = h('div', { class: 'original-text' }, content);
  if (!text) replaceChildren(container, h('p', { text: strings().noText }));
  else replaceChildren(container, view);
  const target = view.querySelector('mark') ?? view.querySelector('.passage-range');
  target?.scrollIntoView({ block: 'center' });
}
