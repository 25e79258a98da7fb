/**
 * Codes the server asks for: the reader's access code (READ_TOKEN) and the admin token (ADMIN_TOKEN). Each is
 * kept in sessionStorage, so a reload keeps it and closing the tab forgets it, and is asked for only when the
 * server answers 401. Requests that meet a 401 at the same time share one question to the user.
 */

/**
 * Asks the user for the code; resolves with a code the server accepted, or null when the user declined.
 * @typedef {(reason: 'required' | 'expired') => Promise<string | null>} AccessPrompt
 */

/**
 * @typedef {object} Credential
 * @property {() => string | null} code the stored code, or null
 * @property {(sentCode: string | null) => Promise<boolean>} denied called when a request sent with `sentCode`
 *   got 401; resolves true when the request should be sent again (with the then current code), false when the
 *   user declined to give one
 * @property {() => boolean} required true once the server has asked for this code in this session
 * @property {(prompt: AccessPrompt) => void} setPrompt how the user is asked (a dialog); without one a 401 is an error
 * @property {() => void} forget drops the stored code
 */

/**
 * @param {string} storageKey
 * @returns {Credential}
 */
export function createCredential(storageKey) {
  /** @type {AccessPrompt | null} */
  let prompt = null;
  /** @type {Promise<string | null> | null} */
  let pending = null;
  /** Used when sessionStorage is blocked: the code then lasts as long as the page. */
  /** @type {string | null} */
  let fallback = null;
  let asked = false;

  function code() {
    try {
      return sessionStorage.getItem(storageKey) ?? fallback;
    } catch {
      return fallback;
    }
  }

  /** @param {string | null} next */
  function store(next) {
    fallback = next;
    try {
      if (next === null) sessionStorage.removeItem(storageKey);
      else sessionStorage.setItem(storageKey, next);
    } catch {
      // Blocked storage (policies, some private modes): the in-memory copy serves this page.
    }
  }

  return {
    code,
    required: () => asked || code() !== null,
    setPrompt: (next) => {
      prompt = next;
    },
    forget: () => store(null),
    async denied(sentCode) {
      asked = true;
      // Another request already got a new code while this one was under way.
      if (code() !== sentCode) return true;
      if (sentCode !== null) store(null);
      if (!prompt) return false;
      const ask = prompt;
      pending ??= ask(sentCode === null ? 'required' : 'expired').finally(() => {
        pending = null;
      });
      const given = await pending;
      if (given === null) return false;
      store(given);
      return true;
    },
  };
}

/** The reader's access code (READ_TOKEN). */
export const readAccess = createCredential('grip.accessCode');

/** The admin token (ADMIN_TOKEN), for uploads, deletes and feedback. */
export const adminAccess = createCredential('grip.adminCode');

/** The stored access code, or null. */
export const accessCode = () => readAccess.code();

/** True once the server has asked for a code in this session: links to files must then be fetched with it. */
export const accessRequired = () => readAccess.required();

/** @param {AccessPrompt} next */
export const setAccessPrompt = (next) => readAccess.setPrompt(next);

/** @param {string | null} sentCode */
export const accessDenied = (sentCode) => readAccess.denied(sentCode);
