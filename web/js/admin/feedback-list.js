/**
 * Readers' feedback for admins: newest first, filtered on 👍/👎, each with its reasons, remark, question,
 * filters and the answer it was about; exported as eval-format JSONL (the griffie's complaints as test
 * questions) and deleted one by one once handled.
 */
import { adminRequest, userMessage } from '../api.js';
import { downloadText } from '../clipboard.js';
import { h, replaceChildren } from '../dom.js';
import { plainText } from '../markdown.js';
import { formatDateTime, strings } from '../strings.js';

const LIST_LIMIT = 200;
const ANSWER_CHARACTERS = 300;

export function createFeedbackList() {
  const heading = h('h2', { attrs: { id: 'admin-feedback-title', tabindex: '-1' } });
  const select = h('select', { attrs: { id: 'feedback-rating' }, on: { change: () => refresh() } });
  const selectLabel = h('label', { attrs: { for: 'feedback-rating' } });
  const exportButton = h('button', { class: 'button-secondary', attrs: { type: 'button' }, on: { click: () => exportJsonl() } });
  const status = h('p', { class: 'admin-status', attrs: { role: 'status' } });
  const count = h('p', { class: 'hint feedback-count' });
  const list = h('ol', { class: 'feedback-list' });
  const element = h('section', { class: 'admin-section', attrs: { 'aria-labelledby': 'admin-feedback-title' } },
    heading, h('div', { class: 'feedback-tools' }, h('div', { class: 'field' }, selectLabel, select), exportButton), status, count, list);
  /** @type {any[]} */
  let records = [];
  let total = 0;

  const rating = () => (select.value === 'up' || select.value === 'down' ? select.value : '');

  async function refresh() {
    try {
      const body = await (await adminRequest(`/api/feedback?limit=${LIST_LIMIT}${rating() ? `&rating=${rating()}` : ''}`)).json();
      records = body.feedback;
      total = body.total;
      render();
    } catch (error) {
      status.textContent = `${strings().errorPrefix} ${userMessage(error)}`;
    }
  }

  async function exportJsonl() {
    try {
      const response = await adminRequest(`/api/feedback/export${rating() ? `?rating=${rating()}` : ''}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'grip-feedback.jsonl';
      downloadText(name, await response.text(), 'application/x-ndjson;charset=utf-8');
    } catch (error) {
      status.textContent = `${strings().errorPrefix} ${userMessage(error)}`;
    }
  }

  /** @param {any} record */
  async function remove(record) {
    try {
      await adminRequest(`/api/feedback/${encodeURIComponent(record.id)}`, { method: 'DELETE' });
      status.textContent = strings().feedbackDeleted;
      await refresh();
      heading.focus();
    } catch (error) {
      status.textContent = `${strings().errorPrefix} ${userMessage(error)}`;
    }
  }

  /** @param {any} record */
  function item(record) {
    const text = strings();
    const reasons = { wrong_amount: text.reasonWrongAmount, wrong_source: text.reasonWrongSource, missing_document: text.reasonMissingDocument, should_refuse: text.reasonShouldRefuse };
    const verdict = record.rating === 'up' ? `👍 ${text.feedbackUp}` : `👎 ${text.feedbackDown}`;
    const answer = plainText(record.answer);
    const filters = record.filters ? Object.entries(record.filters).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : value}`).join('; ') : '';
    return h('li', { class: `feedback-item feedback-${record.rating}`, attrs: { 'data-feedback': record.id } },
      h('p', { class: 'feedback-verdict' }, h('strong', { text: verdict }), ` · ${formatDateTime(record.createdAt) ?? record.createdAt}`),
      record.reasons.length ? h('ul', { class: 'chips' }, record.reasons.map((/** @type {keyof typeof reasons} */ r) => h('li', { class: 'chip', text: reasons[r] ?? r }))) : null,
      record.comment ? h('blockquote', { class: 'feedback-comment', text: record.comment }) : null,
      h('dl', { class: 'document-meta' },
        h('div', { class: 'meta-row' }, h('dt', { text: text.you }), h('dd', { text: record.question })),
        filters ? h('div', { class: 'meta-row' }, h('dt', { text: text.filtersTitle }), h('dd', { text: filters })) : null,
        record.history.length ? h('div', { class: 'meta-row' }, h('dt', { text: text.feedbackHistory }), h('dd', { text: text.feedbackTurns(record.history.length / 2) })) : null,
        h('div', { class: 'meta-row' }, h('dt', { text: text.answerHeading }), h('dd', { text: answer.length > ANSWER_CHARACTERS ? `${answer.slice(0, ANSWER_CHARACTERS)} …` : answer })),
        record.citations.length ? h('div', { class: 'meta-row' }, h('dt', { text: text.sources }), h('dd', { text: [...new Set(record.citations.map((/** @type {any} */ c) => c.source))].join(', ') })) : null),
      h('button', { class: 'button-secondary', attrs: { type: 'button', 'aria-label': text.deleteFeedbackLabel(record.question) }, text: text.deleteDocument, on: { click: () => remove(record) } }));
  }

  function render() {
    const text = strings();
    const chosen = select.value;
    heading.textContent = text.feedbackTitle;
    selectLabel.textContent = text.feedbackFilter;
    replaceChildren(select, [['', text.feedbackAll], ['down', `👎 ${text.feedbackDown}`], ['up', `👍 ${text.feedbackUp}`]].map(([value, label]) => h('option', { attrs: { value, selected: value === chosen }, text: label })));
    exportButton.textContent = text.feedbackExport;
    list.setAttribute('aria-label', text.feedbackTitle);
    replaceChildren(list, records.length ? records.map(item) : h('li', { class: 'empty-result', text: text.feedbackNone }));
    count.textContent = text.feedbackCount(records.length, total);
  }

  render();
  return { element, refresh, render };
}
