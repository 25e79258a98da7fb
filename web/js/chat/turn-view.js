/**
 * One question and its answer. An answer shows its quotes with clickable markers and the footnoted sources; a
 * "not found" looks different on purpose — an information note with the passages that may be relevant — so it
 * never reads as a confident answer.
 */
import { h, replaceChildren } from '../dom.js';
import { countTables, renderMarkdown } from '../markdown.js';
import { ALL_STRINGS, language, strings } from '../strings.js';
import { passageLine, sourceLine } from '../source-line.js';
import { answerTableElement } from '../tables/answer-table.js';
import { hasTable, passageTableElement } from '../tables/passage-table.js';

/**
 * @typedef {object} TurnHandlers
 * @property {(citation: any, opener: HTMLElement) => void} onCitation
 * @property {(passage: any, opener: HTMLElement) => void} onPassage
 * @property {(turn: import('./conversation.js').Turn, button: HTMLButtonElement, status: HTMLElement) => void} onCopy
 * @property {(turn: import('./conversation.js').Turn) => void} onRetry
 * @property {(turn: import('./conversation.js').Turn) => HTMLElement} feedbackFor the turn's 👍/👎 controls
 */

const EXCERPT_CHARACTERS = 220;
/** Rows of a table passage shown in a "possibly relevant" excerpt. */
const EXCERPT_ROWS = 4;

/**
 * @param {import('./conversation.js').Turn} turn
 * @param {TurnHandlers} handlers
 */
function citationMarker(turn, handlers) {
  return (/** @type {number} */ n) => {
    const citation = turn.citations.find((c) => c.n === n);
    // Markers stream in before the citations do: show them as plain text until they can open something.
    if (!citation) return turn.status === 'streaming' ? h('span', { class: 'citation citation-pending', text: `[${n}]` }) : null;
    const button = h('button', { class: 'citation', attrs: { type: 'button', 'data-n': n, 'aria-label': strings().citationLabel(n, citation.title) }, text: `[${n}]` });
    button.addEventListener('click', () => handlers.onCitation(citation, button));
    return button;
  };
}

/**
 * The server's explanation under the "not found" title, without repeating the title sentence. The server
 * writes it in the question's language; a sentence of its own that the app knows is given in the interface
 * language instead, so the title and its explanation never mix languages.
 * @param {string} answer
 */
export function notFoundDetail(answer) {
  let detail = answer.trim();
  for (const text of Object.values(ALL_STRINGS)) {
    if (detail.startsWith(text.notFoundTitle)) detail = detail.slice(text.notFoundTitle.length).trim();
  }
  for (const text of Object.values(ALL_STRINGS)) {
    if (detail === text.notFoundHint) return strings().notFoundHint;
    if (detail === text.emptyIndex) return strings().emptyIndex;
  }
  return detail;
}

/** @param {any} passage */
function excerpt(passage) {
  if (hasTable(passage)) {
    const rows = passage.table.rows.slice(0, EXCERPT_ROWS);
    const text = passage.text.slice(0, rows.at(-1)?.end ?? passage.text.length);
    return h('div', { class: 'excerpt' }, passageTableElement(text, { ...passage.table, rows }, []));
  }
  const flat = String(passage.text).replace(/\s+/g, ' ').trim();
  return h('p', { class: 'excerpt', text: flat.length > EXCERPT_CHARACTERS ? `${flat.slice(0, EXCERPT_CHARACTERS).replace(/\s\S*$/, '')} …` : flat });
}

/**
 * @param {import('./conversation.js').Turn} turn
 * @param {TurnHandlers} handlers
 */
function actions(turn, handlers) {
  const status = h('span', { class: 'copy-status', attrs: { role: 'status' } });
  const copy = h('button', { class: 'button-secondary copy-button', attrs: { type: 'button' }, text: strings().copy });
  copy.addEventListener('click', () => handlers.onCopy(turn, copy, status));
  return h('div', { class: 'answer-actions' }, h('div', { class: 'copy-row' }, copy, status), handlers.feedbackFor(turn));
}

/**
 * The answer text with its tables: a pipe table in the text is drawn from the matching structured table when
 * the answer has one (cells cited, computed cells marked); structured tables the text does not show follow it.
 * @param {import('./conversation.js').Turn} turn
 * @param {(n: number) => Node | null} marker
 */
function answerContent(turn, marker) {
  const tables = turn.tables ?? [];
  const body = renderMarkdown(turn.answer, marker, (_pipe, index) => (tables[index] ? answerTableElement(tables[index], marker) : null));
  return [body, tables.slice(countTables(turn.answer)).map((table) => answerTableElement(table, marker))];
}

/**
 * @param {import('./conversation.js').Turn} turn
 * @param {TurnHandlers} handlers
 */
function answeredBody(turn, handlers) {
  const text = strings();
  const done = turn.status !== 'streaming';
  return [
    h('div', { class: 'answer-body' }, answerContent(turn, citationMarker(turn, handlers))),
    done && turn.citations.length > 0
      ? h('section', { class: 'sources', attrs: { 'aria-label': text.sources } },
        h('h3', { text: text.sources }),
        h('ol', { class: 'source-list' }, turn.citations.map((citation) => {
          const button = h('button', { class: 'source-link', attrs: { type: 'button', 'data-n': citation.n }, text: sourceLine(citation) });
          button.addEventListener('click', () => handlers.onCitation(citation, button));
          return h('li', {}, button);
        })))
      : null,
    done ? actions(turn, handlers) : null,
  ];
}

/**
 * @param {import('./conversation.js').Turn} turn
 * @param {TurnHandlers} handlers
 */
function notFoundBody(turn, handlers) {
  const text = strings();
  const done = turn.status !== 'streaming';
  return [
    h('p', { class: 'notice-title' }, h('span', { class: 'notice-icon', attrs: { 'aria-hidden': 'true' }, text: 'i' }), h('strong', { text: text.notFoundTitle })),
    h('p', { class: 'notice-detail', attrs: { lang: detailLanguage(turn) }, text: notFoundDetail(turn.answer) }),
    done && turn.passages.length > 0
      ? h('section', { class: 'maybe-relevant', attrs: { 'aria-label': text.mayBeRelevant } },
        h('h3', { text: text.mayBeRelevant }),
        h('ul', { class: 'passage-list' }, turn.passages.map((passage) => {
          const button = h('button', { class: 'passage-link', attrs: { type: 'button', 'aria-label': text.openPassage(passageLine(passage)) }, text: passageLine(passage) });
          button.addEventListener('click', () => handlers.onPassage(passage, button));
          return h('li', {}, button, excerpt(passage));
        })))
      : null,
    done ? actions(turn, handlers) : null,
  ];
}

/** The language of the "not found" explanation: the interface's when the app knows the sentence, else the answer's. @param {import('./conversation.js').Turn} turn */
function detailLanguage(turn) {
  const detail = notFoundDetail(turn.answer);
  const known = detail === strings().notFoundHint || detail === strings().emptyIndex;
  return known ? language() : turn.query?.language === 'en' ? 'en' : 'nl';
}

/**
 * @param {import('./conversation.js').Turn} turn
 * @param {TurnHandlers} handlers
 */
function errorBody(turn, handlers) {
  const text = strings();
  return [
    h('p', {}, h('strong', { text: text.errorPrefix }), ' ', turn.error ?? ''),
    h('button', { class: 'button-secondary', attrs: { type: 'button' }, text: text.retry, on: { click: () => handlers.onRetry(turn) } }),
  ];
}

/**
 * Renders (or re-renders) a turn into its list item.
 * @param {HTMLElement} item
 * @param {import('./conversation.js').Turn} turn
 * @param {TurnHandlers} handlers
 */
export function renderTurn(item, turn, handlers) {
  const text = strings();
  const kind = turn.status === 'error' ? 'error' : turn.notFound ? 'not-found' : 'answered';
  const waiting = turn.status === 'streaming' && turn.answer === '';
  const body = turn.status === 'error' ? errorBody(turn, handlers) : waiting ? [h('p', { class: 'thinking', text: text.thinking })] : kind === 'not-found' ? notFoundBody(turn, handlers) : answeredBody(turn, handlers);
  const attrs = { 'aria-label': text.answerHeading, 'aria-busy': turn.status === 'streaming' ? 'true' : 'false', 'data-status': turn.status, role: kind === 'error' ? 'alert' : null };
  const article = h('article', { class: `answer answer-${kind}`, attrs }, body);
  replaceChildren(item, h('h2', { class: 'question' }, h('span', { class: 'visually-hidden', text: `${text.you}: ` }), turn.question), article);
}
