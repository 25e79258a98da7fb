/**
 * The documents as an admin sees them: each with its file, type, date, passages and status, and a delete button
 * that asks once more in place before the document and its passages are removed from the index.
 */
import { adminRequest, userMessage } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatDate, strings } from '../strings.js';

/**
 * @param {{ onChanged: () => void }} hooks called after a delete
 */
export function createAdminDocuments(hooks) {
  const heading = h('h2', { attrs: { id: 'admin-documents-title' } });
  const status = h('p', { class: 'admin-status', attrs: { role: 'status' } });
  const list = h('ul', { class: 'admin-document-list' });
  const element = h('section', { class: 'admin-section', attrs: { 'aria-labelledby': 'admin-documents-title' } }, heading, status, list);
  /** @type {any[]} */
  let records = [];

  async function refresh() {
    try {
      records = (await (await adminRequest('/api/documents')).json()).documents;
      render();
    } catch (error) {
      replaceChildren(list, h('li', { class: 'error-text', attrs: { role: 'alert' }, text: `${strings().errorPrefix} ${userMessage(error)}` }));
    }
  }

  /** @param {any} record */
  function row(record) {
    const text = strings();
    const li = h('li', { class: 'admin-document', attrs: { 'data-document': record.documentId } });
    const facts = [record.source, record.docType, formatDate(record.date) ?? (record.year ? String(record.year) : null), text.passagesCount(record.passageCount), record.status === 'needs_ocr' ? text.statusNeedsOcr : null];
    const remove = h('button', { class: 'button-danger', attrs: { type: 'button', 'aria-label': text.deleteDocumentLabel(record.title) }, text: text.deleteDocument, on: { click: confirm } });
    replaceChildren(li, h('p', { class: 'admin-document-title' }, h('strong', { text: record.title })), h('p', { class: 'admin-document-facts', text: facts.filter(Boolean).join(' · ') }), h('div', { class: 'conversation-actions' }, remove));

    function confirm() {
      const yes = h('button', { class: 'button-danger', attrs: { type: 'button' }, text: text.confirmDelete, on: { click: () => removeDocument(record) } });
      const no = h('button', { class: 'button-secondary', attrs: { type: 'button' }, text: text.accessCancel, on: { click: () => { render(); focusRow(record.documentId); } } });
      replaceChildren(li, h('p', { class: 'confirm-question', text: text.deleteDocumentQuestion(record.title) }), h('div', { class: 'conversation-actions' }, yes, no));
      yes.focus();
    }
    return li;
  }

  /** @param {string} id */
  function focusRow(id) {
    /** @type {HTMLElement | null} */ (list.querySelector(`[data-document="${CSS.escape(id)}"] button`))?.focus();
  }

  /** @param {any} record */
  async function removeDocument(record) {
    const text = strings();
    try {
      await adminRequest(`/api/documents/${encodeURIComponent(record.documentId)}`, { method: 'DELETE' });
      status.textContent = text.documentDeleted(record.title);
      hooks.onChanged();
      await refresh();
      heading.focus();
    } catch (error) {
      status.textContent = `${text.errorPrefix} ${userMessage(error)}`;
      render();
    }
  }

  function render() {
    heading.textContent = strings().adminDocumentsTitle;
    heading.setAttribute('tabindex', '-1');
    replaceChildren(list, records.length ? records.map(row) : h('li', { class: 'empty-result', text: strings().noDocuments }));
  }

  render();
  return { element, refresh, render };
}
