/**
 * The web app's only contact with the server: the JSON API and the chat stream. Errors arrive as
 * `{ error: { code, message } }` and become an ApiError with the server's (Dutch) message.
 */
import { readServerSentEvents } from './sse.js';

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
 * @param {Response} response
 * @returns {Promise<ApiError>}
 */
async function errorOf(response) {
  try {
    const body = await response.json();
    if (body?.error?.message) return new ApiError(String(body.error.code), String(body.error.message));
  } catch {
    // Not our JSON error body (a proxy page, say): fall through to the status line.
  }
  return new ApiError('http', `${response.status} ${response.statusText}`);
}

/**
 * @param {string} path
 * @param {RequestInit} [init]
 */
async function request(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', String(error));
  }
  if (!response.ok) throw await errorOf(response);
  return response;
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
