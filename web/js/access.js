/**
 * The access code: the server's READ_TOKEN as the user knows it. It is kept in sessionStorage, so a reload keeps
 * it and closing the tab forgets it, and it is asked for only when the server answers 401. Requests that meet a
 * 401 at the same time share one question to the user.
 */

const STORAGE_KEY = 'grip.accessCode';

/**
 * Asks the user for the code; resolves with a code the server accepted, or null when the user declined.
 * @typedef {(reason: 'required' | 'expired') => Promise<string | null>} AccessPrompt
 */

/** @type {AccessPrompt | null} */
let prompt = null;
/** @type {Promise<string | null> | null} */
let pending = null;
/** Used when sessionStorage is blocked: the code then lasts as long as the page. */
/** @type {string | null} */
let fallback = null;
let required = false;

/** The stored code, or null. */
export function accessCode() {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

/** @param {string | null} code */
function store(code) {
  fallback = code;
  try {
    if (code === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Blocked storage (policies, some private modes): the in-memory copy serves this page.
  }
}

/** True once the server has asked for a code in this session: links to files must then be fetched with it. */
export function accessRequired() {
  return required || accessCode() !== null;
}

/**
 * Sets how the user is asked for the code (the access dialog); without one, a 401 is just an error.
 * @param {AccessPrompt} next
 */
export function setAccessPrompt(next) {
  prompt = next;
}

/**
 * Called when a request sent with `sentCode` got 401. Resolves true when the request should be sent again (with
 * the then current code), false when the user declined to give one.
 * @param {string | null} sentCode
 * @returns {Promise<boolean>}
 */
export async function accessDenied(sentCode) {
  required = true;
  // Another request already got a new code while this one was under way.
  if (accessCode() !== sentCode) return true;
  if (sentCode !== null) store(null);
  if (!prompt) return false;
  const ask = prompt;
  pending ??= ask(sentCode === null ? 'required' : 'expired').finally(() => {
    pending = null;
  });
  const code = await pending;
  if (code === null) return false;
  store(code);
  return true;
}
