/**
 * The source panel: a modal dialog beside the chat that shows where a quote comes from. It opens on the cited
 * passage in context; "Open origineel" switches to the original (the PDF page, or the document text) with the
 * quote highlighted. Escape or the close button closes it and focus returns to the control that opened it.
 */
import { documents, fileUrl } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { followFileLink } from '../original-file.js';
import { formatDate, strings } from '../strings.js';
import { showPdfPage } from './original-pdf.js';
import { showTextOriginal } from './original-text.js';
import { showPassage } from './passage-view.js';

/** @typedef {import('./passage-view.js').Source} Source */

/** @param {Source} source */
async function isPdf(source) {
  const list = await documents().catch(() => []);
  const record = list.find((/** @type {any} */ d) => d.documentId === source.documentId);
  return record ? record.mediaType === 'application/pdf' : /\.pdf$/i.test(String(/** @type {any} */ (source).source ?? ''));
}

export function createSourcePanel() {
  const title = h('h2', { class: 'panel-title', attrs: { id: 'source-title', tabindex: '-1' } });
  const kicker = h('p', { class: 'panel-kicker' });
  const close = h('button', { class: 'panel-close', attrs: { type: 'button' }, text: '×' });
  const meta = h('dl', { class: 'source-meta' });
  const toggle = h('button', { class: 'button-secondary open-original', attrs: { type: 'button' } });
  const download = h('a', { class: 'download-link', attrs: { target: '_blank', rel: 'noopener' } });
  // The body scrolls; as a focusable region it can be scrolled with the keyboard too.
  const body = h('div', { class: 'panel-body', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'source-title' } });
  const dialog = h('dialog', { class: 'source-panel', attrs: { 'aria-labelledby': 'source-title' } },
    h('div', { class: 'panel-header' }, h('div', { class: 'panel-heading' }, kicker, title), close),
    meta, h('div', { class: 'panel-actions' }, toggle, download), body);
  document.body.append(dialog);

  /** @type {HTMLElement | null} */
  let opener = null;
  /** @type {Source | null} */
  let current = null;
  let showingOriginal = false;
  /** Pages of the current source's document, when known ("p. 30 van 66"). */
  let pageCount = 0;

  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    // The opener may have been re-rendered meanwhile; then focus its replacement by the same marker, if any.
    if (opener?.isConnected) opener.focus();
    opener = null;
  });
  toggle.addEventListener('click', () => (showingOriginal ? showContext() : showOriginal()));
  download.addEventListener('click', (event) => {
    if (current) followFileLink(event, current.documentId);
  });

  function renderHeader() {
    if (!current) return;
    const text = strings();
    kicker.textContent = current.n ? `${text.panelLabel} [${current.n}]` : text.panelLabel;
    title.textContent = current.title;
    close.setAttribute('aria-label', text.close);
    const label = current.page !== null && current.page !== undefined ? String(current.pageLabel ?? current.page) : null;
    const page = label && pageCount ? text.pageOf(label, pageCount) : label;
    const rows = [[text.metaType, current.docType], [text.metaDate, formatDate(current.date)], [text.metaPage, page], [text.metaSection, current.section || null]];
    replaceChildren(meta, rows.filter(([, value]) => value).map(([label, value]) => h('div', { class: 'meta-row' }, h('dt', { text: label }), h('dd', { text: value }))));
    toggle.textContent = showingOriginal ? text.backToPassage : text.openOriginal;
    download.textContent = text.downloadFile;
    download.setAttribute('href', fileUrl(current.documentId));
  }

  function showContext() {
    if (!current) return;
    showingOriginal = false;
    renderHeader();
    showPassage(body, current);
  }

  async function showOriginal() {
    if (!current) return;
    const source = current;
    showingOriginal = true;
    renderHeader();
    replaceChildren(body, h('p', { class: 'loading', attrs: { role: 'status' }, text: strings().loading }));
    try {
      if (await isPdf(source)) await showPdfPage(body, { documentId: source.documentId, page: source.page ?? 1, quotes: source.quotes });
      else await showTextOriginal(body, { documentId: source.documentId, passageId: source.passageId, quotes: source.quotes });
    } catch {
      if (current === source) replaceChildren(body, h('p', { class: 'error-text', attrs: { role: 'alert' }, text: strings().pdfFailed }));
    }
  }

  /**
   * Opens the panel on a source.
   * @param {Source} source
   * @param {HTMLElement} from the control to return focus to
   */
  function open(source, from) {
    opener = from;
    current = source;
    showingOriginal = false;
    pageCount = 0;
    documents().then((list) => {
      const record = list.find((/** @type {any} */ d) => d.documentId === source.documentId);
      if (current !== source || !record?.pageCount) return;
      pageCount = record.pageCount;
      renderHeader();
    }).catch(() => {
      // The page count is a help; the page label alone will do.
    });
    if (!dialog.open) dialog.showModal();
    showContext();
    title.focus();
  }

  return {
    /** @param {any} citation @param {HTMLElement} from */
    openCitation: (citation, from) => open({ ...citation, quotes: citation.quote ? [citation.quote] : [] }, from),
    /** @param {any} passage a passage hit, optionally with `spans` to mark @param {HTMLElement} from */
    openPassage: (passage, from) => open({ ...passage, quotes: (passage.spans ?? []).map((/** @type {any} */ s) => passage.text.slice(s.start, s.end)) }, from),
    render: () => {
      if (dialog.open) renderHeader();
    },
  };
}
