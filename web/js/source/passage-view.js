/**
 * A cited passage inside its surroundings: the passages before and after it (from /api/passages/:id), muted,
 * and the passage itself with the quote in <mark>. Passage text keeps its line breaks (tables are rows).
 */
import { getJson } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { findQuote, markedText, withAnswerSpan } from '../highlight.js';
import { strings } from '../strings.js';
import { hasTable, passageTableElement } from '../tables/passage-table.js';

/**
 * @typedef {object} Source
 * @property {string} passageId
 * @property {string} documentId
 * @property {string} title
 * @property {string} docType
 * @property {string | null} date
 * @property {number | null} page
 * @property {string | null} pageLabel
 * @property {string} section "3 Bedrijfsvoering › 3.3.4 Klachten"
 * @property {string} text
 * @property {string[]} quotes texts to mark
 * @property {number} [n] citation number
 * @property {any} [table] the passage's table structure (PassageTable), when it is a table
 * @property {{ start: number, end: number }} [answerSpan] offsets in `text` of the direct answer
 */

/**
 * A passage's text, as the table it is when it has a table structure; `spans` are marked either way.
 * @param {{ text: string, table?: any }} passage
 * @param {import('../highlight.js').Span[]} spans
 */
export function passageBody(passage, spans) {
  return hasTable(passage) ? passageTableElement(passage.text, passage.table, spans) : [h('p', { class: 'passage-text' }, markedText(passage.text, spans))];
}

/**
 * @param {string} text
 * @param {string[]} quotes
 */
export function quoteSpansIn(text, quotes) {
  return quotes.map((quote) => findQuote(text, quote)).filter((span) => span !== null);
}

/**
 * @param {any} passage a passage from /api/passages (section as an array)
 * @param {string} currentSection
 */
function neighbour(passage, currentSection) {
  const section = Array.isArray(passage.section) ? passage.section.join(' › ') : String(passage.section ?? '');
  return h('div', { class: 'passage passage-neighbour' },
    section && section !== currentSection ? h('p', { class: 'passage-section', text: section }) : null,
    passageBody(passage, []));
}

/**
 * Renders the passage with its context into `container`; the neighbours arrive after the passage itself.
 * @param {HTMLElement} container
 * @param {Source} source
 */
export async function showPassage(container, source) {
  const text = strings();
  const before = h('section', { class: 'context context-before', attrs: { 'aria-label': text.contextBefore } });
  const after = h('section', { class: 'context context-after', attrs: { 'aria-label': text.contextAfter } });
  const cited = h('section', { class: 'passage passage-cited', attrs: { 'aria-label': text.citedPassage, 'data-passage': source.passageId } },
    passageBody(source, withAnswerSpan(quoteSpansIn(source.text, source.quotes), source.answerSpan)));
  replaceChildren(container, before, cited, after);
  (cited.querySelector('mark') ?? cited).scrollIntoView({ block: 'center' });
  try {
    const around = await getJson(`/api/passages/${encodeURIComponent(source.passageId)}`);
    replaceChildren(before, around.before.map((/** @type {any} */ p) => neighbour(p, source.section)));
    replaceChildren(after, around.after.map((/** @type {any} */ p) => neighbour(p, source.section)));
    (cited.querySelector('mark') ?? cited).scrollIntoView({ block: 'center' });
  } catch {
    // The context is a help, not the source: the cited passage stays readable without it.
  }
}
