/**
 * The web app's only contact with the server: the JSON API, the chat stream and original files. Errors arrive as
 * `{ error: { code, message } }` and become an ApiError with the server's (Dutch) message. Every request carries
 * the access code when there is one; a 401 asks the user for it (see access.js) and sends the request again.
 */
import { adminAccess, readAccess } from './access.js';
import { readServerSentEvents } from './sse.js';
import { strings } from './strings.js';

/** An error the API reported, or a network failure (code "network"). */
export class ApiError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * What to tell the user about a failed request: the server's message, or that the server cannot be reached.
 * @param {unknown} error
 */
export function userMessage(error) {
  if (error instanceof ApiError) return error.code === 'network' ? strings().networkError : error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * @param {Response} response
 * @returns {Promise<ApiError>}
 */
export async function errorOf(response) {
  try {
    const body = await response.json();
    if (body?.error?.message) return new ApiError(String(body.error.code), String(body.error.message));
  } catch {
    // Not our JSON error body (a proxy page, say): fall through to the status line.
  }
  return new ApiError('http', `${response.status} ${response.statusText}`);
}

/**
 * Sends one request, with `Authorization: Bearer <code>` when a code is given.
 * @param {string} path
 * @param {RequestInit} init
 * @param {string | null} code
 */
async function send(path, init, code) {
  const headers = new Headers(init.headers);
  if (code !== null) headers.set('authorization', `Bearer ${code}`);
  try {
    return await fetch(path, { ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', String(error));
  }
}

/**
 * Sends a request until it is allowed (or the user declines to give the code); bodies are strings or blobs, so
 * sending again is safe.
 * @param {string} path
 * @param {RequestInit} [init]
 * @param {import('./access.js').Credential} [credential] the reader's access code, or the admin token
 */
async function request(path, init = {}, credential = readAccess) {
  for (;;) {
    const code = credential.code();
    const response = await send(path, init, code);
    if (response.status === 401) {
      if (await credential.denied(code)) continue;
      // The server's message names READ_TOKEN or ADMIN_TOKEN, which means nothing to a reader.
      throw new ApiError('unauthorized', credential === adminAccess ? strings().adminNeeded : strings().accessNeeded);
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }
}

/**
 * A request with the admin token (asked for on a 401, like the access code).
 * @param {string} path
 * @param {RequestInit} [init]
 */
export function adminRequest(path, init = {}) {
  return request(path, init, adminAccess);
}

/**
 * Whether the server accepts `code` as the admin token, asked without side effects (one feedback record).
 * @param {string} code
 * @returns {Promise<boolean>}
 * @throws {ApiError} `forbidden` when the server has no ADMIN_TOKEN at all
 */
export async function checkAdminCode(code) {
  if (!/^[\x21-\x7e]+$/.test(code)) return false;
  const response = await send('/api/feedback?limit=1', {}, code);
  if (response.status === 401) return false;
  if (!response.ok) throw await errorOf(response);
  return true;
}

/**
 * Whether the server accepts `code`, asked without side effects (HEAD of the document list).
 * @param {string} code
 * @returns {Promise<boolean>}
 */
export async function checkAccessCode(code) {
  // A header value cannot hold other characters, and the server reads a token as one run of them.
  if (!/^[\x21-\x7e]+$/.test(code)) return false;
  const response = await send('/api/documents', { method: 'HEAD' }, code);
  if (response.status === 401) return false;
  if (!response.ok) throw new ApiError('http', `${response.status} ${response.statusText}`);
  return true;
}

/**
 * GET a JSON resource.
 * @param {string} path
 */
export async function getJson(path) {
  return (await request(path)).json();
}

/**
 * POST a JSON body and read JSON back.
 * @param {string} path
 * @param {unknown} body
 */
export async function postJson(path, body) {
  return (await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
}

/** @type {Promise<any[]> | null} */
let documentsPromise = null;

/** @type {Set<() => void>} */
const documentListeners = new Set();

/** Forgets the fetched document list after an upload or a delete, and tells the views that show it. */
export function invalidateDocuments() {
  documentsPromise = null;
  for (const listener of documentListeners) listener();
}

/** Calls `listener` whenever the document list changes. @param {() => void} listener */
export function onDocumentsChanged(listener) {
  documentListeners.add(listener);
}

/** The document list, fetched once per page load (filters, panel and documents page share it). */
export function documents() {
  documentsPromise ??= getJson('/api/documents').then((body) => body.documents).catch((error) => {
    documentsPromise = null;
    throw error;
  });
  return documentsPromise;
}

/**
 * Streams an answer from /api/chat, calling `onEvent(name, payload)` for each event in order.
 * @param {unknown} body the /api/ask request body
 * @param {(name: string, payload: any) => void} onEvent
 * @param {AbortSignal} signal
 */
export async function streamChat(body, onEvent, signal) {
  const response = await request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.body) throw new ApiError('network', 'Empty response');
  for await (const { event, data } of readServerSentEvents(response.body)) {
    const payload = JSON.parse(data);
    if (event === 'error') throw new ApiError(String(payload?.error?.code ?? 'internal'), String(payload?.error?.message ?? ''));
    onEvent(event, payload);
  }
}

/** The URL of a document's original file. @param {string} documentId */
export function fileUrl(documentId) {
  return `/api/documents/${encodeURIComponent(documentId)}/file`;
}

/**
 * The bytes of a document's original file (fetched, not linked, so the access code goes along).
 * @param {string} documentId
 */
export async function fileBytes(documentId) {
  return new Uint8Array(await (await request(fileUrl(documentId))).arrayBuffer());
}

/**
 * A document's original file as a Blob with the name the server gives it (Content-Disposition).
 * @param {string} documentId
 * @returns {Promise<{ blob: Blob, name: string }>}
 */
export async function fileBlob(documentId) {
  const response = await request(fileUrl(documentId));
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  const plain = /filename="([^"]*)"/i.exec(header)?.[1];
  let name = plain || documentId;
  try {
    if (encoded) name = decodeURIComponent(encoded);
  } catch {
    // A malformed encoded name: the ASCII fallback will do.
  }
  return { blob: await response.blob(), name };
}

/**
 * GET any resource as a Blob (a CSV export), fetched rather than linked so the access code goes along.
 * @param {string} path
 */
export async function getBlob(path) {
  return (await request(path)).blob();
}
