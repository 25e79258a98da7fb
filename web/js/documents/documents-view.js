/**
 * The documents page: every document Grip answers from, with its metadata, passage count and the warnings ingest
 * recorded (a scan without a text layer is listed, flagged, and not searchable), to search by title, filter by
 * type and sort by date or type. The choices last while the page is open, so coming back keeps them.
 */
import { documents, fileUrl } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { followFileLink } from '../original-file.js';
import { formatDate, strings } from '../strings.js';
import { documentTypes, filterDocuments, SORTS } from './document-filters.js';

/** @type {import('./document-filters.js').DocumentQuery} */
const choice = { query: '', docType: '', sort: 'date-desc' };

/**
 * The definition list of a document's metadata.
 * @param {any} record
 */
export function documentMeta(record) {
  const text = strings();
  const date = formatDate(record.date);
  // The year the document is about, unless the date says it already; a year alone is not a date.
  const year = typeof record.year === 'number' && !String(record.date ?? '').startsWith(String(record.year)) ? String(record.year) : null;
  const rows = [
    [text.metaType, record.docType],
    [text.metaDate, date],
    [text.metaYear, year],
    [text.metaOrganisation, record.organisation],
    [text.metaLength, record.pageCount ? text.pagesCount(record.pageCount) : null],
  ];
  return h('dl', { class: 'document-meta' },
    rows.filter(([, value]) => value).map(([label, value]) => h('div', { class: 'meta-row' }, h('dt', { text: label }), h('dd', { text: value }))),
    h('div', { class: 'meta-row' }, h('dt', { text: text.metaPassages }), h('dd', { text: String(record.passageCount) })));
}

/** @param {any} record */
export function warningList(record) {
  if (!record.warnings?.length) return null;
  const text = strings();
  return h('ul', { class: 'warnings', attrs: { 'aria-label': text.warnings } },
    record.warnings.map((/** @type {any} */ warning) => h('li', { class: 'warning' },
      h('span', { class: 'warning-icon', attrs: { 'aria-hidden': 'true' }, text: '!' }),
      warning.page ? `${warning.message} (p. ${warning.page})` : warning.message)));
}

/** @param {any} record */
function card(record) {
  const text = strings();
  const readHref = `#/documenten/${encodeURIComponent(record.documentId)}`;
  return h('li', { class: 'document-card', attrs: { 'data-document': record.documentId } },
    h('h2', { class: 'document-title' }, h('a', { attrs: { href: readHref }, text: record.title })),
    record.status === 'needs_ocr' ? h('p', { class: 'badge badge-warning', text: text.statusNeedsOcr }) : null,
    documentMeta(record),
    warningList(record),
    h('p', { class: 'document-actions' },
      h('a', { class: 'button-link', attrs: { href: readHref, 'aria-label': text.read(record.title) }, text: text.readShort }),
      h('a', {
        class: 'button-link',
        attrs: { href: fileUrl(record.documentId), target: '_blank', rel: 'noopener', 'aria-label': `${text.original}: ${record.source}` },
        text: text.original,
        on: { click: (event) => followFileLink(/** @type {MouseEvent} */ (event), record.documentId) },
      })));
}

/**
 * The search field, type filter and sort order; `onChange` re-renders the list only, so typing keeps focus.
 * @param {any[]} records
 * @param {() => void} onChange
 */
function controls(records, onChange) {
  const text = strings();
  const search = h('input', { attrs: { id: 'document-search', type: 'search', value: choice.query, autocomplete: 'off' }, on: { input: () => { choice.query = search.value; onChange(); } } });
  const type = h('select', { attrs: { id: 'document-type' }, on: { change: () => { choice.docType = type.value; onChange(); } } },
    h('option', { attrs: { value: '' }, text: text.allTypes }),
    documentTypes(records).map((value) => h('option', { attrs: { value, selected: value === choice.docType }, text: value })));
  const sortLabels = { 'date-desc': text.sortNewest, 'date-asc': text.sortOldest, type: text.sortType, title: text.sortTitle };
  const sort = h('select', { attrs: { id: 'document-sort' }, on: { change: () => { choice.sort = /** @type {any} */ (sort.value); onChange(); } } },
    SORTS.map((value) => h('option', { attrs: { value, selected: value === choice.sort }, text: sortLabels[value] })));
  const field = (/** @type {HTMLElement} */ control, /** @type {string} */ label) => h('div', { class: 'field' }, h('label', { attrs: { for: control.id }, text: label }), control);
  return h('form', { class: 'document-controls', attrs: { role: 'search', 'aria-label': text.documentSearchLabel }, on: { submit: (event) => event.preventDefault() } },
    field(search, text.searchTitle), field(type, text.docTypeLabel), field(sort, text.sortLabel));
}

/**
 * Renders the document list into `container`.
 * @param {HTMLElement} container
 */
export async function showDocuments(container) {
  const text = strings();
  const title = h('h1', { class: 'view-title', attrs: { tabindex: '-1' }, text: text.documentsTitle });
  const list = h('ul', { class: 'document-list' }, h('li', { class: 'loading', text: text.loading }));
  const count = h('p', { class: 'document-count', attrs: { role: 'status' } });
  replaceChildren(container, title, h('p', { class: 'intro', text: text.documentsIntro }), list);
  try {
    const records = await documents();
    const renderList = () => {
      const shown = filterDocuments(records, choice);
      count.textContent = text.documentsShown(shown.length, records.length);
      replaceChildren(list, shown.length ? shown.map(card) : h('li', { class: 'empty-result', text: text.noDocumentsMatch }));
    };
    replaceChildren(container, title, h('p', { class: 'intro', text: text.documentsIntro }), controls(records, renderList), count, list);
    renderList();
  } catch (error) {
    replaceChildren(list, h('li', { class: 'error-text', attrs: { role: 'alert' }, text: `${text.errorPrefix} ${error instanceof Error ? error.message : ''}` }));
  }
  return title;
}
