/**
 * The chat: example questions on the empty screen, the conversation, and the composer with its filters. Asking
 * streams a turn from /api/chat; a follow-up sends the finished turns as history; the finished answer is
 * announced once through the live region (never token by token).
 */
import { documents, onDocumentsChanged } from '../api.js';
import { copyText, downloadText } from '../clipboard.js';
import { announce, h, replaceChildren } from '../dom.js';
import { plainText } from '../markdown.js';
import { conversationAsMarkdown, turnAsText } from '../source-line.js';
import { strings } from '../strings.js';
import { createConversationKeeper } from '../history/conversation-keeper.js';
import { createTurn, historyOf, restoreTurns, streamTurn } from './conversation.js';
import { createFeedbackControls } from './feedback-controls.js';
import { createFilterControls } from './filter-controls.js';
import { chipsOf, createFilterState, removeChip, requestFilters, setFilter } from './filter-state.js';
import { notFoundDetail, renderTurn } from './turn-view.js';

/** @typedef {import('./conversation.js').Turn} Turn */

/**
 * @param {{ openCitation: (citation: any, opener: HTMLElement) => void, openPassage: (passage: any, opener: HTMLElement) => void }} panel
 */
export function createChatView(panel) {
  /** @type {Turn[]} */
  let turns = [];
  /** @type {Map<number, HTMLElement>} */
  const items = new Map();
  const filters = createFilterState();
  /** @type {any[]} */
  let documentList = [];
  /** @type {AbortController | null} */
  let running = null;
  const keeper = createConversationKeeper();
  /** @type {Map<number, ReturnType<typeof createFeedbackControls>>} */
  const feedback = new Map();

  const title = h('h1', { class: 'view-title', attrs: { tabindex: '-1' } });
  const newButton = h('button', { class: 'button-secondary', attrs: { type: 'button' }, on: { click: reset } });
  const exportButton = h('button', { class: 'button-secondary', attrs: { type: 'button' }, on: { click: exportConversation } });
  const printButton = h('button', { class: 'button-secondary', attrs: { type: 'button' }, on: { click: () => window.print() } });
  const toolbar = h('div', { class: 'toolbar' }, newButton, exportButton, printButton);
  const empty = h('div', { class: 'empty-state' });
  const list = h('ol', { class: 'conversation' });
  const question = h('textarea', { attrs: { id: 'question', name: 'question', rows: 2, maxlength: 2000, 'aria-describedby': 'question-hint', autocomplete: 'off' } });
  const questionLabel = h('label', { attrs: { for: 'question' } });
  const hint = h('p', { class: 'hint', attrs: { id: 'question-hint' } });
  const send = h('button', { class: 'button-primary', attrs: { type: 'submit' } });
  const controls = createFilterControls({ onSet: setOne, onRemove: removeOne });
  const form = h('form', { class: 'composer', on: { submit: (event) => { event.preventDefault(); submit(); } } },
    controls.element, questionLabel, h('div', { class: 'composer-row' }, question, send), hint);
  const element = h('section', { class: 'view view-chat', attrs: { id: 'view-chat', 'aria-labelledby': 'chat-title' } }, title, toolbar, empty, list, form);
  title.id = 'chat-title';

  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });

  const handlers = {
    onCitation: panel.openCitation,
    onPassage: panel.openPassage,
    onCopy: async (/** @type {Turn} */ turn, /** @type {HTMLButtonElement} */ _button, /** @type {HTMLElement} */ status) => {
      const ok = await copyText(turnAsText(turn));
      status.textContent = ok ? strings().copied : strings().copyFailed;
    },
    onRetry: (/** @type {Turn} */ turn) => ask(turn.question, turns.at(-1) === turn),
    feedbackFor: (/** @type {Turn} */ turn) => {
      let controls = feedback.get(turn.id);
      if (!controls) feedback.set(turn.id, (controls = createFeedbackControls(turn, () => keeper.save(turns))));
      return controls.element;
    },
  };

  function submit() {
    const text = question.value.trim();
    if (!text || running) return;
    question.value = '';
    ask(text, false);
  }

  /**
   * Asks a question; `replaceLast` re-asks in place of the latest turn (a removed detected filter, a retry).
   * @param {string} text
   * @param {boolean} replaceLast
   */
  async function ask(text, replaceLast) {
    if (running) return;
    if (replaceLast && turns.length) {
      const last = /** @type {Turn} */ (turns.pop());
      items.get(last.id)?.remove();
      items.delete(last.id);
      feedback.delete(last.id);
    }
    const history = historyOf(turns);
    const turn = createTurn({ question: text, ...(history.length ? { history } : {}), ...requestFilters(filters) });
    turns.push(turn);
    const item = h('li', { class: 'turn', attrs: { 'data-turn': turn.id } });
    items.set(turn.id, item);
    list.append(item);
    renderTurn(item, turn, handlers);
    renderChrome();
    item.scrollIntoView({ block: 'start' });
    running = new AbortController();
    await streamTurn(turn, () => renderTurn(item, turn, handlers), running.signal);
    if (!turns.includes(turn)) return;
    running = null;
    renderChrome();
    keeper.save(turns);
    if (turn.status === 'answered') announce(strings().announceAnswer(plainText(turn.answer)));
    else if (turn.status === 'not_found') announce(strings().announceNotFound(notFoundDetail(turn.answer)));
  }

  /** @param {'docType' | 'documentId' | 'yearFrom' | 'yearTo'} kind @param {string} value */
  function setOne(kind, value) {
    setFilter(filters, kind, value);
    renderFilters(false);
  }

  /** @param {import('./filter-state.js').Chip} chip */
  function removeOne(chip) {
    const last = turns.at(-1);
    removeChip(filters, chip, last?.query);
    renderFilters(true);
    question.focus();
    if (chip.detected && last) ask(last.question, true);
  }

  function exportConversation() {
    downloadText(`grip-gesprek-${new Date().toISOString().slice(0, 10)}.md`, conversationAsMarkdown(turns));
  }

  /** Shows a set of turns in place of the current ones. @param {Turn[]} next */
  function showTurns(next) {
    running?.abort();
    running = null;
    turns = next;
    items.clear();
    feedback.clear();
    filters.detect = true;
    replaceChildren(list, turns.map((turn) => {
      const item = h('li', { class: 'turn', attrs: { 'data-turn': turn.id } });
      items.set(turn.id, item);
      return item;
    }));
    render();
  }

  function reset() {
    keeper.start();
    showTurns([]);
    question.focus();
  }

  /**
   * Opens a stored conversation; false when it no longer exists.
   * @param {string} id
   */
  async function open(id) {
    const stored = await keeper.load(id);
    if (!stored) return false;
    showTurns(restoreTurns(stored.turns));
    return true;
  }

  /** Called when a stored conversation is deleted: the chat must not save it again. @param {string} id */
  function forget(id) {
    if (keeper.current.id === id) reset();
  }

  /** @param {boolean} withFields */
  function renderFilters(withFields) {
    const latest = [...turns].reverse().find((turn) => turn.query);
    controls.render(filters, chipsOf(filters, latest?.query), documentList, withFields);
  }

  function renderChrome() {
    const text = strings();
    const idle = running === null;
    send.disabled = !idle;
    newButton.textContent = text.newConversation;
    exportButton.textContent = text.exportConversation;
    printButton.textContent = text.print;
    // Disabled buttons leave the tab order, so they only go disabled when there is nothing to act on.
    newButton.disabled = turns.length === 0 && idle;
    exportButton.disabled = turns.length === 0 || !idle;
    printButton.disabled = turns.length === 0 || !idle;
    empty.hidden = turns.length > 0;
    renderFilters(true);
  }

  function render() {
    const text = strings();
    title.textContent = text.chatTitle;
    questionLabel.textContent = text.questionLabel;
    hint.textContent = text.questionHint;
    send.textContent = text.send;
    list.setAttribute('aria-label', text.conversationLabel);
    replaceChildren(empty, h('p', { class: 'intro', text: text.intro }), h('h2', { class: 'examples-title', text: text.examplesTitle }),
      h('ul', { class: 'examples' }, text.examples.map((example) => h('li', {}, h('button', { class: 'example', attrs: { type: 'button' }, text: example, on: { click: () => ask(example, false) } })))));
    for (const controls of feedback.values()) controls.render();
    for (const turn of turns) {
      const item = items.get(turn.id);
      if (item) renderTurn(item, turn, handlers);
    }
    renderChrome();
  }

  const loadDocuments = () => documents().then((list) => {
    documentList = list;
    renderFilters(true);
  }).catch(() => {
    // Without the list there are no choices; asking still works.
  });
  loadDocuments();
  onDocumentsChanged(loadDocuments);
  render();
  // A reload shows the conversation this tab had open.
  keeper.resume().then((stored) => {
    if (stored && turns.length === 0 && !running) showTurns(restoreTurns(stored.turns));
  });
  return { element, render, open, forget, currentId: () => keeper.current.id, focus: () => title.focus(), focusQuestion: () => question.focus() };
}
