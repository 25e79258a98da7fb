/**
 * One conversation as a file to share: JSON that another Grip opens again with its answers, citations and
 * tables, because there is no server-side copy to link to. Reading a file checks its shape and keeps only the
 * fields a turn has, so a file cannot smuggle anything else into the store.
 */
import { newConversation } from './conversation-store.js';

export const FILE_FORMAT = 'grip-conversation';
export const FILE_VERSION = 1;

/** Most turns read from one file. */
const MAX_TURNS = 200;

/** @typedef {import('./conversation-store.js').StoredConversation} StoredConversation */

/** @param {StoredConversation} conversation */
export function conversationFile(conversation) {
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, conversation }, null, 1)}\n`;
}

/** @param {unknown} value */
const list = (value) => (Array.isArray(value) ? value : []);

/** @param {any} turn */
function readTurn(turn) {
  if (typeof turn?.question !== 'string' || typeof turn.answer !== 'string') throw new Error('turn');
  const status = ['answered', 'not_found', 'error'].includes(turn.status) ? turn.status : 'error';
  return {
    question: turn.question.slice(0, 2000),
    status,
    notFound: status === 'not_found',
    answer: turn.answer,
    citations: list(turn.citations),
    passages: list(turn.passages),
    tables: list(turn.tables),
    answerType: typeof turn.answerType === 'string' ? turn.answerType : null,
    query: turn.query && typeof turn.query === 'object' ? turn.query : null,
    error: typeof turn.error === 'string' ? turn.error : null,
    request: turn.request && typeof turn.request === 'object' ? turn.request : { question: turn.question },
    feedback: null,
  };
}

/**
 * A conversation from a shared file, as a new conversation of this browser (a new id, its own title).
 * @param {string} text
 * @returns {StoredConversation}
 * @throws {Error} when the text is not a Grip conversation file
 */
export function readConversationFile(text) {
  /** @type {any} */
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('json');
  }
  if (body?.format !== FILE_FORMAT || body.version !== FILE_VERSION || !Array.isArray(body.conversation?.turns)) throw new Error('format');
  const turns = body.conversation.turns.slice(0, MAX_TURNS).map(readTurn);
  if (turns.length === 0) throw new Error('empty');
  const title = typeof body.conversation.title === 'string' ? body.conversation.title.slice(0, 200) : null;
  return { ...newConversation(), title, turns: /** @type {any} */ (turns) };
}
