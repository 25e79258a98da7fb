/**
 * A conversation as data: the turns asked so far, the history a follow-up sends, and streaming one turn from
 * /api/chat into its turn object. Rendering reads the turns; nothing here touches the DOM.
 */
import { ApiError, streamChat } from '../api.js';
import { strings } from '../strings.js';

/**
 * @typedef {object} Turn
 * @property {number} id
 * @property {string} question
 * @property {'streaming' | 'answered' | 'not_found' | 'error'} status
 * @property {boolean} notFound known from the stream's first event, before the answer is complete
 * @property {string} answer Markdown with [n] markers
 * @property {any[]} citations
 * @property {any[]} passages
 * @property {any[]} tables the answer's figures as tables (AnswerTable), when it has them
 * @property {string | null} answerType
 * @property {any | null} query
 * @property {string | null} error
 * @property {Record<string, unknown>} request the body that was sent, for a retry or a re-ask
 * @property {{ rating: 'up' | 'down', reasons: string[], comment: string } | null} feedback what the reader sent about it
 */

// The server accepts 40 history entries of at most 20 000 characters each.
const MAX_HISTORY = 40;
const MAX_CONTENT = 20_000;

let nextId = 1;

/**
 * A new turn for a request.
 * @param {Record<string, unknown> & { question: string }} request
 * @returns {Turn}
 */
export function createTurn(request) {
  return { id: nextId++, question: request.question, status: 'streaming', notFound: false, answer: '', citations: [], passages: [], tables: [], answerType: null, query: null, error: null, request, feedback: null };
}

/**
 * Turns read back from storage, with fresh ids for this page and the fields older records may lack.
 * @param {any[]} stored
 * @returns {Turn[]}
 */
export function restoreTurns(stored) {
  return stored.map((turn) => ({ ...createTurn(turn.request ?? { question: String(turn.question ?? '') }), ...turn, id: nextId++ }));
}

/** The turns worth keeping: finished ones (an answer still streaming is asked again rather than half kept). @param {Turn[]} turns */
export function finishedTurns(turns) {
  return turns.filter((turn) => turn.status !== 'streaming');
}

/**
 * The history a follow-up sends: every finished question and answer, most recent last.
 * @param {Turn[]} turns
 */
export function historyOf(turns) {
  const history = turns
    .filter((turn) => turn.status === 'answered' || turn.status === 'not_found')
    .flatMap((turn) => [
      { role: 'user', content: turn.question.slice(0, MAX_CONTENT) },
      { role: 'assistant', content: turn.answer.slice(0, MAX_CONTENT) },
    ]);
  return history.slice(-MAX_HISTORY);
}

/**
 * Streams the answer of a turn, updating it in place and calling `onUpdate` after every event.
 * @param {Turn} turn
 * @param {(turn: Turn) => void} onUpdate
 * @param {AbortSignal} signal
 */
export async function streamTurn(turn, onUpdate, signal) {
  /** @type {'answered' | 'not_found'} */
  let status = 'answered';
  try {
    await streamChat(turn.request, (name, payload) => {
      if (name === 'meta') {
        status = payload.status === 'not_found' ? 'not_found' : 'answered';
        turn.notFound = status === 'not_found';
        turn.query = payload.query;
        turn.answerType = typeof payload.answerType === 'string' ? payload.answerType : null;
      } else if (name === 'passages') turn.passages = payload;
      else if (name === 'delta') turn.answer += String(payload.text ?? '');
      else if (name === 'citations') turn.citations = payload;
      else if (name === 'done') {
        turn.tables = Array.isArray(payload.tables) ? payload.tables : [];
        turn.status = status;
      }
      onUpdate(turn);
    }, signal);
    if (turn.status === 'streaming') throw new ApiError('internal', strings().networkError);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    turn.status = 'error';
    turn.error = error instanceof ApiError && error.code !== 'network' ? error.message : strings().networkError;
    onUpdate(turn);
  }
}
