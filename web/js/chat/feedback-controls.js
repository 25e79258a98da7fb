/**
 * 👍/👎 under an answer. 👍 is sent at once; 👎 opens a short form with the usual reasons ("fout bedrag",
 * "verkeerde bron", "mist document", "had moeten weigeren") and a remark. What is sent is what the reader saw:
 * the question with its history and filters, the ranked passages, the answer and its citations. One element per
 * turn, kept across re-renders, so a half-filled form survives a language switch.
 */
import { postJson, userMessage } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { strings } from '../strings.js';

/** @typedef {import('./conversation.js').Turn} Turn */

/** The reasons in the order the form shows them (server/feedback/feedback-schema.ts). */
export const REASONS = /** @type {const} */ (['wrong_amount', 'wrong_source', 'missing_document', 'should_refuse']);

/**
 * The POST /api/feedback body for a turn.
 * @param {Turn} turn
 * @param {'up' | 'down'} rating
 * @param {string[]} reasons
 * @param {string} comment
 */
export function feedbackBody(turn, rating, reasons, comment) {
  const request = /** @type {any} */ (turn.request);
  return {
    rating,
    ...(rating === 'down' && reasons.length ? { reasons } : {}),
    ...(comment.trim() ? { comment: comment.trim().slice(0, 2000) } : {}),
    question: turn.question,
    ...(request.history?.length ? { history: request.history } : {}),
    ...(request.filters ? { filters: request.filters } : {}),
    ...(turn.query?.language === 'en' || turn.query?.language === 'nl' ? { language: turn.query.language } : {}),
    status: turn.status === 'not_found' ? 'not_found' : 'answered',
    ...(turn.answerType && /^[a-z_]{1,40}$/.test(turn.answerType) ? { answerType: turn.answerType } : {}),
    answer: turn.answer.slice(0, 40_000),
    passageIds: turn.passages.slice(0, 50).map((passage) => String(passage.passageId)),
    citations: turn.citations.slice(0, 50).map((c) => ({ n: c.n, passageId: c.passageId, documentId: c.documentId, source: c.source, quote: String(c.quote).slice(0, 5000) })),
  };
}

/**
 * @param {Turn} turn
 * @param {(turn: Turn) => void} onSent called once the server has stored it (to save the conversation)
 */
export function createFeedbackControls(turn, onSent) {
  /** @type {Set<string>} */
  const reasons = new Set();
  let comment = '';
  let formOpen = false;
  let sending = false;
  /** @type {string | null} */
  let problem = null;

  const element = h('div', { class: 'feedback' });
  const up = h('button', { class: 'button-secondary feedback-up', attrs: { type: 'button' }, on: { click: () => send('up') } });
  const down = h('button', { class: 'button-secondary feedback-down', attrs: { type: 'button', 'aria-expanded': 'false' }, on: { click: toggleForm } });
  const status = h('p', { class: 'feedback-status', attrs: { role: 'status', tabindex: '-1' } });

  function toggleForm() {
    formOpen = !formOpen;
    render();
    if (formOpen) /** @type {HTMLElement | null} */ (element.querySelector('.feedback-form input'))?.focus();
  }

  /** @param {'up' | 'down'} rating */
  async function send(rating) {
    if (sending || turn.feedback) return;
    sending = true;
    problem = null;
    render();
    try {
      await postJson('/api/feedback', feedbackBody(turn, rating, REASONS.filter((r) => reasons.has(r)), comment));
      turn.feedback = { rating, reasons: REASONS.filter((r) => reasons.has(r)), comment: comment.trim() };
      formOpen = false;
      onSent(turn);
    } catch (error) {
      problem = userMessage(error);
    }
    sending = false;
    render();
    /** @type {HTMLElement | null} */ (turn.feedback ? status : element.querySelector('.feedback-form button[type="submit"]') ?? down)?.focus();
  }

  function form() {
    const text = strings();
    const labels = { wrong_amount: text.reasonWrongAmount, wrong_source: text.reasonWrongSource, missing_document: text.reasonMissingDocument, should_refuse: text.reasonShouldRefuse };
    const id = `feedback-${turn.id}`;
    const remark = h('textarea', { attrs: { id: `${id}-comment`, rows: 2, maxlength: 2000 }, on: { input: () => { comment = remark.value; } } });
    remark.value = comment;
    return h('form', { class: 'feedback-form', on: { submit: (event) => { event.preventDefault(); send('down'); } } },
      h('fieldset', {},
        h('legend', { text: text.feedbackWhatsWrong }),
        REASONS.map((reason) => h('p', { class: 'feedback-reason' },
          h('input', { attrs: { type: 'checkbox', id: `${id}-${reason}`, name: reason, checked: reasons.has(reason) }, on: { change: (event) => toggle(reason, /** @type {HTMLInputElement} */ (event.target).checked) } }),
          h('label', { attrs: { for: `${id}-${reason}` }, text: labels[reason] })))),
      h('label', { attrs: { for: `${id}-comment` }, text: text.feedbackComment }), remark,
      h('div', { class: 'feedback-form-actions' },
        h('button', { class: 'button-primary', attrs: { type: 'submit', disabled: sending }, text: text.feedbackSend }),
        h('button', { class: 'button-secondary', attrs: { type: 'button' }, text: text.accessCancel, on: { click: () => { toggleForm(); down.focus(); } } })));
  }

  /** @param {string} reason @param {boolean} on */
  function toggle(reason, on) {
    if (on) reasons.add(reason);
    else reasons.delete(reason);
  }

  function render() {
    const text = strings();
    const given = turn.feedback?.rating ?? null;
    up.textContent = `👍 ${text.feedbackUp}`;
    down.textContent = `👎 ${text.feedbackDown}`;
    up.setAttribute('aria-pressed', String(given === 'up'));
    down.setAttribute('aria-pressed', String(given === 'down'));
    down.setAttribute('aria-expanded', String(formOpen));
    up.disabled = sending || given !== null;
    down.disabled = sending || given !== null;
    status.textContent = given ? text.feedbackThanks : sending ? text.feedbackSending : problem ? `${text.errorPrefix} ${problem}` : '';
    status.classList.toggle('error-text', problem !== null && !given);
    replaceChildren(element, h('div', { class: 'feedback-buttons', attrs: { role: 'group', 'aria-label': text.feedbackLabel } }, up, down), formOpen && !given ? form() : null, status);
  }

  render();
  return { element, render };
}
