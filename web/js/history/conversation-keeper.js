/**
 * Which conversation the chat shows and keeping it: every finished turn is saved to the browser's store, and
 * the open conversation's id is remembered per tab (sessionStorage), so a reload brings the conversation back
 * while a new tab starts a new one. Older conversations are reopened from the list (#/gesprekken).
 */
import { finishedTurns } from '../chat/conversation.js';
import { getConversation, newConversation, saveConversation } from './conversation-store.js';

const CURRENT_KEY = 'grip.conversation';

/** @typedef {import('./conversation-store.js').StoredConversation} StoredConversation */
/** @typedef {import('../chat/conversation.js').Turn} Turn */

/** @param {string | null} id */
function remember(id) {
  try {
    if (id === null) sessionStorage.removeItem(CURRENT_KEY);
    else sessionStorage.setItem(CURRENT_KEY, id);
  } catch {
    // Without sessionStorage a reload starts a new conversation; the old one is still in the list.
  }
}

function remembered() {
  try {
    return sessionStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

export function createConversationKeeper() {
  /** @type {StoredConversation} */
  let current = newConversation();
  /** @type {Promise<void>} */
  let writing = Promise.resolve();

  return {
    /** The conversation on screen. */
    get current() {
      return current;
    },
    /** Starts a new, empty conversation (the previous one stays stored). */
    start() {
      current = newConversation();
      remember(null);
      return current;
    },
    /**
     * Switches to a stored conversation; null when there is none with that id.
     * @param {string} id
     */
    async load(id) {
      const stored = await getConversation(id).catch(() => null);
      if (!stored) return null;
      current = stored;
      remember(stored.id);
      return stored;
    },
    /** The conversation this tab showed before a reload, if it is still stored. */
    async resume() {
      const id = remembered();
      return id ? this.load(id) : null;
    },
    /**
     * Saves the finished turns; writes happen one after another, so the last state wins.
     * @param {Turn[]} turns
     */
    save(turns) {
      const kept = finishedTurns(turns);
      if (kept.length === 0) return writing;
      current = { ...current, turns: kept, updatedAt: new Date().toISOString() };
      remember(current.id);
      const snapshot = current;
      writing = writing.then(async () => {
        // A rename in the list while this conversation was open must not be undone by the next answer.
        const stored = await getConversation(snapshot.id);
        await saveConversation(stored ? { ...snapshot, title: stored.title } : snapshot);
      }).catch(() => {
        // A full or blocked store loses this save; the conversation is still on screen and in the export.
      });
      return writing;
    },
  };
}
