/**
 * Reading one document by section: a table of contents built from the passages' section paths, and the clean
 * text under headings. Links go to "#/documenten/<id>/<section>", so a section can be shared and bookmarked.
 */
import { documents } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { reflow } from '../highlight.js';
import { documentText } from '../source/original-text.js';
import { strings } from '../strings.js';
import { documentMeta, warningList } from './documents-view.js';
import { buildSections } from './sections.js';

/**
 * @param {string} documentId
 * @param {import('./sections.js').Section} section
 */
function sectionHref(documentId, section) {
  return `#/documenten/${encodeURIComponent(documentId)}/${section.index}`;
}

/**
 * @param {import('./sections.js').Section} section
 */
function sectionElement(section) {
  const level = /** @type {'h2' | 'h3' | 'h4'} */ (`h${Math.min(4, section.depth + 1)}`);
  return h('section', { class: `document-section depth-${Math.min(4, section.depth)}`, attrs: { id: `section-${section.index}`, 'data-section': section.index } },
    h(level, { class: 'section-heading', attrs: { tabindex: '-1' }, text: section.title || strings().untitledSection }),
    section.page !== null ? h('p', { class: 'section-page', text: strings().pageShort(section.pageLabel ?? String(section.page)) }) : null,
    section.text ? h('p', { class: 'section-text', text: section.text }) : null);
}

/**
 * Renders a document into `container`; returns the element to focus (the requested section's heading or the title).
 * @param {HTMLElement} container
 * @param {string} documentId
 * @param {number | null} sectionIndex
 */
export async function showDocument(container, documentId, sectionIndex) {
  const text = strings();
  const record = (await documents().catch(() => [])).find((/** @type {any} */ d) => d.documentId === documentId);
  const title = h('h1', { class: 'view-title', attrs: { tabindex: '-1' }, text: record?.title ?? documentId });
  const back = h('a', { class: 'back-link', attrs: { href: '#/documenten' }, text: `← ${text.backToDocuments}` });
  replaceChildren(container, back, title, h('p', { class: 'loading', text: text.loading }));
  let body;
  try {
    body = await documentText(documentId);
  } catch (error) {
    replaceChildren(container, back, title, h('p', { class: 'error-text', attrs: { role: 'alert' }, text: `${text.errorPrefix} ${error instanceof Error ? error.message : ''}` }));
    return title;
  }
  const sections = body.text ? buildSections(reflow(body.text), body.passages) : [];
  const toc = h('nav', { class: 'toc', attrs: { 'aria-labelledby': 'toc-title' } },
    h('h2', { attrs: { id: 'toc-title' }, text: text.contents }),
    h('ol', { class: 'toc-list' }, sections.map((section) => h('li', { class: `toc-item depth-${Math.min(4, section.depth)}` },
      h('a', { attrs: { href: sectionHref(documentId, section) }, text: section.title || text.untitledSection })))));
  const article = h('article', { class: 'document-text', attrs: { 'aria-labelledby': 'reader-title' } },
    sections.length ? sections.map(sectionElement) : h('p', { text: text.noText }));
  title.id = 'reader-title';
  replaceChildren(container, back, title, record ? documentMeta(record) : null, record ? warningList(record) : null,
    h('div', { class: 'reader' }, sections.length > 1 ? toc : null, article));
  const target = sectionIndex === null ? null : container.querySelector(`#section-${sectionIndex} .section-heading`);
  target?.scrollIntoView({ block: 'start' });
  return /** @type {HTMLElement} */ (target ?? title);
}
