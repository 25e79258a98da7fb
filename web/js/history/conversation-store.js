/**
 * Conversations kept in this browser, in IndexedDB (answers with their citations and passages outgrow
 * localStorage's few megabytes after a few dozen questions). Nothing leaves the browser. When IndexedDB is
 * unavailable (blocked by a policy, some private modes), conversations live in memory for as long as the page.
 */

/**
 * @typedef {object} StoredConversation
 * @property {string} id
 * @property {string | null} title a name the user gave, or null (the first question is shown then)
 * @property {string} createdAt ISO timestamp
 * @property {string} updatedAt ISO timestamp
 * @property {import('../chat/conversation.js').Turn[]} turns finished turns only
 */

const DATABASE = 'grip';
const STORE = 'conversations';
const VERSION = 1;

/** @type {Promise<IDBDatabase | null> | null} */
let opening = null;
/** @type {Map<string, StoredConversation>} */
const memory = new Map();

function database() {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

/** True when conversations survive a reload (IndexedDB works here). */
export async function persistent() {
  return (await database()) !== null;
}

/**
 * Runs one request in a transaction and resolves with its result.
 * @template T
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => IDBRequest<T>} run
 * @returns {Promise<T>}
 */
async function transact(mode, run) {
  const db = /** @type {IDBDatabase} */ (await database());
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = run(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? request.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Every stored conversation, most recently changed first. @returns {Promise<StoredConversation[]>} */
export async function listConversations() {
  const all = (await database()) ? await transact('readonly', (store) => store.getAll()) : [...memory.values()];
  return [...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** One conversation, or null. @param {string} id @returns {Promise<StoredConversation | null>} */
export async function getConversation(id) {
  if (!(await database())) return memory.get(id) ?? null;
  return (await transact('readonly', (store) => store.get(id))) ?? null;
}

/**
 * Stores (or replaces) a conversation. Structured cloning keeps plain data only, which is all a turn holds.
 * @param {StoredConversation} conversation
 */
export async function saveConversation(conversation) {
  if (!(await database())) {
    memory.set(conversation.id, structuredClone(conversation));
    return;
  }
  await transact('readwrite', (store) => store.put(conversation));
}

/** @param {string} id */
export async function deleteConversation(id) {
  if (!(await database())) {
    memory.delete(id);
    return;
  }
  await transact('readwrite', (store) => store.delete(id));
}

/** A random id; crypto.randomUUID exists only in secure contexts, and an intranet may serve plain http. */
function randomId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A new, empty conversation. @returns {StoredConversation} */
export function newConversation() {
  const now = new Date().toISOString();
  return { id: randomId(), title: null, createdAt: now, updatedAt: now, turns: [] };
}

/** The name shown for a conversation: its given title, else its first question. @param {StoredConversation} conversation @param {string} fallback */
export function conversationTitle(conversation, fallback) {
  const first = conversation.turns[0]?.question.replace(/\s+/g, ' ').trim() ?? '';
  const title = conversation.title?.trim() || first;
  return title ? (title.length > 90 ? `${title.slice(0, 88).replace(/\s\S*$/, '')} …` : title) : fallback;
}
