/**
 * Adding documents: drop files on the area (or choose them), optionally give a type, year and organisation for
 * the batch, and follow each file: waiting, its bytes going up, being read in, then its result — added,
 * replaced, unchanged, flagged (a scan) or failed — with its page and passage counts and the warnings ingest
 * recorded. Files go up one at a time, one request each, so every file has its own progress and result; an
 * encrypted PDF can be sent again with its password.
 */
import { userMessage } from '../api.js';
import { announce, h, replaceChildren } from '../dom.js';
import { strings } from '../strings.js';
import { uploadFile } from './upload-file.js';

/**
 * @typedef {object} QueuedFile
 * @property {File} file
 * @property {'waiting' | 'sending' | 'reading' | 'done' | 'failed'} state
 * @property {number} sent bytes sent
 * @property {number | null} waitSeconds set while waiting out a rate limit
 * @property {any} outcome FileOutcome when done
 * @property {string | null} error
 * @property {HTMLElement} element
 */

const FIELDS = /** @type {const} */ (['docType', 'year', 'organisation']);

/**
 * @param {{ onChanged: () => void }} hooks called after a file changed the index
 */
export function createUploadPanel(hooks) {
  /** @type {QueuedFile[]} */
  const queue = [];
  let busy = false;
  const input = h('input', { class: 'visually-hidden', attrs: { id: 'upload-input', type: 'file', multiple: true, accept: '.pdf,.txt,.md,.markdown,application/pdf,text/plain,text/markdown' } });
  const choose = h('label', { class: 'button-secondary upload-choose', attrs: { for: 'upload-input' } });
  const hint = h('p', { class: 'drop-hint' });
  const zone = h('div', { class: 'drop-zone', attrs: { 'data-state': 'idle' } }, hint, choose, input);
  const fields = FIELDS.map((name) => h('input', { attrs: { id: `upload-${name}`, name, type: name === 'year' ? 'number' : 'text', ...(name === 'year' ? { min: 1900, max: 2100, inputmode: 'numeric' } : { maxlength: name === 'docType' ? 60 : 200 }) } }));
  const fieldLabels = fields.map((field) => h('label', { attrs: { for: field.id } }));
  const summary = h('summary');
  const metaHint = h('p', { class: 'hint' });
  const meta = h('details', { class: 'upload-meta' }, summary, metaHint,
    h('div', { class: 'filter-fields' }, fields.map((field, index) => h('div', { class: 'field' }, fieldLabels[index], field))));
  const list = h('ol', { class: 'upload-list' });
  const heading = h('h2', { attrs: { id: 'upload-title' } });
  const element = h('section', { class: 'admin-section', attrs: { 'aria-labelledby': 'upload-title' } }, heading, zone, meta, list);

  /** The texts of the current language; queued files keep their state. */
  function render() {
    const text = strings();
    choose.textContent = text.uploadChoose;
    hint.textContent = text.uploadDrop;
    summary.textContent = text.uploadMetaTitle;
    metaHint.textContent = text.uploadMetaHint;
    const labels = [text.uploadDocType, text.uploadYear, text.metaOrganisation];
    fieldLabels.forEach((label, index) => { label.textContent = labels[index] ?? ''; });
    list.setAttribute('aria-label', text.uploadListLabel);
    heading.textContent = text.uploadTitle;
    for (const queued of queue) renderItem(queued);
  }

  input.addEventListener('change', () => {
    add([...(input.files ?? [])]);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.setAttribute('data-state', 'over');
  });
  zone.addEventListener('dragleave', () => zone.setAttribute('data-state', 'idle'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.setAttribute('data-state', 'idle');
    add([...(event.dataTransfer?.files ?? [])]);
  });

  /** @param {File[]} files */
  function add(files) {
    for (const file of files) {
      const queued = /** @type {QueuedFile} */ ({ file, state: 'waiting', sent: 0, waitSeconds: null, outcome: null, error: null, element: h('li', { class: 'upload-item' }) });
      queue.push(queued);
      list.append(queued.element);
      renderItem(queued);
    }
    if (files.length) announce(strings().uploadQueued(files.length));
    run();
  }

  async function run() {
    if (busy) return;
    busy = true;
    for (let next = queue.find((q) => q.state === 'waiting'); next; next = queue.find((q) => q.state === 'waiting')) await send(next, {});
    busy = false;
  }

  /** @param {QueuedFile} queued @param {Record<string, string>} extra */
  async function send(queued, extra) {
    Object.assign(queued, { state: 'sending', sent: 0, error: null, outcome: null });
    renderItem(queued);
    const values = Object.fromEntries(FIELDS.map((name, index) => [name, fields[index]?.value ?? '']));
    try {
      queued.outcome = await uploadFile(queued.file, { ...values, ...extra }, {
        onProgress: (sent, total) => {
          queued.sent = sent;
          queued.waitSeconds = null;
          queued.state = sent >= total ? 'reading' : 'sending';
          renderItem(queued);
        },
        onWait: (seconds) => {
          queued.waitSeconds = seconds;
          renderItem(queued);
        },
      });
      queued.state = queued.outcome.status === 'failed' ? 'failed' : 'done';
      if (['added', 'replaced', 'flagged'].includes(queued.outcome.status)) hooks.onChanged();
    } catch (error) {
      queued.state = 'failed';
      queued.error = userMessage(error);
    }
    renderItem(queued);
    announce(`${queued.file.name}: ${resultLine(queued)}`);
  }

  /** @param {QueuedFile} queued */
  function resultLine(queued) {
    const text = strings();
    const outcome = queued.outcome;
    if (queued.error) return queued.error;
    if (!outcome) return '';
    if (outcome.status === 'failed') return outcome.error?.message ?? '';
    return text.uploadResult(outcome.status, outcome.pages ?? 0, outcome.passages ?? 0);
  }

  /** @param {QueuedFile} queued */
  function renderItem(queued) {
    const text = strings();
    const { file, state } = queued;
    const outcome = queued.outcome;
    const progress = state === 'sending' || state === 'reading'
      ? h('progress', { attrs: { max: file.size || 1, value: state === 'reading' ? file.size || 1 : queued.sent, 'aria-label': text.uploadProgress(file.name) } })
      : null;
    const status = queued.waitSeconds ? text.uploadWaiting(queued.waitSeconds) : state === 'waiting' ? text.uploadStateWaiting : state === 'sending' ? text.uploadStateSending(Math.round((queued.sent / (file.size || 1)) * 100)) : state === 'reading' ? text.uploadStateReading : resultLine(queued);
    const warnings = outcome?.warnings?.length
      ? h('ul', { class: 'warnings', attrs: { 'aria-label': text.warnings } }, outcome.warnings.map((/** @type {any} */ w) => h('li', { class: 'warning' }, h('span', { class: 'warning-icon', attrs: { 'aria-hidden': 'true' }, text: '!' }), w.page ? `${w.message} (p. ${w.page})` : w.message)))
      : null;
    const encrypted = state === 'failed' && outcome?.error?.code === 'encrypted_pdf' ? passwordForm(queued) : null;
    queued.element.setAttribute('data-state', state);
    if (outcome?.status) queued.element.setAttribute('data-outcome', outcome.status);
    replaceChildren(queued.element, h('p', { class: 'upload-name' }, h('strong', { text: file.name }), ` (${formatBytes(file.size)})`), progress,
      h('p', { class: `upload-status${state === 'failed' ? ' error-text' : ''}`, text: status }), warnings, encrypted);
  }

  /** @param {QueuedFile} queued */
  function passwordForm(queued) {
    const text = strings();
    const id = `password-${queue.indexOf(queued)}`;
    const field = h('input', { attrs: { id, type: 'password', autocomplete: 'off' } });
    return h('form', { class: 'password-form', on: { submit: (event) => { event.preventDefault(); if (field.value) send(queued, { password: field.value }); } } },
      h('label', { attrs: { for: id }, text: text.uploadPassword }), field, h('button', { class: 'button-secondary', attrs: { type: 'submit' }, text: text.uploadRetry }));
  }

  render();
  return { element, render };
}

/** @param {number} bytes */
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
