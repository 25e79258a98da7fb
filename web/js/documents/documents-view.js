/**
 * The documents page: every document Grip answers from, with its metadata, passage count and the warnings ingest
 * recorded (a scan without a text layer is listed, flagged, and not searchable).
 */
import { documents, fileUrl } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { followFileLink } from '../original-file.js';
import { formatDate, strings } from '../strings.js';

/**
 * The definition list of a document's metadata.
 * @param {any} record
 */
export function documentMeta(record) {
  const text = strings();
  const rows = [
    [text.metaType, record.docType],
    [text.metaDate, formatDate(record.date) ?? (record.year ? String(record.year) : null)],
    [text.metaOrganisation, record.organisation],
    [text.metaPage, record.pageCount ? text.pagesCount(record.pageCount) : null],
  ];
  return h('dl', { class: 'document-meta' },
    rows.filter(([, value]) => value).map(([label, value]) => h('div', { class: 'meta-row' }, h('dt', { text: label }), h('dd', { text: value }))),
    h('div', { class: 'meta-row' }, h('dt', { text: text.metaPassages }), h('dd', { text: text.passagesCount(record.passageCount) })));
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
 * Renders the document list into `container`.
 * @param {HTMLElement} container
 */
export async function showDocuments(container) {
  const text = strings();
  const title = h('h1', { class: 'view-title', attrs: { tabindex: '-1' }, text: text.documentsTitle });
  const list = h('ul', { class: 'document-list' }, h('li', { class: 'loading', text: text.loading }));
  replaceChildren(container, title, h('p', { class: 'intro', text: text.documentsIntro }), list);
  try {
    replaceChildren(list, (await documents()).map(card));
  } catch (error) {
    replaceChildren(list, h('li', { class: 'error-text', attrs: { role: 'alert' }, text: `${text.errorPrefix} ${error instanceof Error ? error.message : ''}` }));
  }
  return title;
}
