/**
 * Uploading one file to POST /api/documents with the admin token and reporting the bytes sent as they go.
 * fetch() cannot report upload progress, so this uses XMLHttpRequest. A 401 asks for the admin token (as any
 * admin request does) and sends the file again; a 429 waits the Retry-After the server names, then sends again.
 */
import { adminAccess } from '../access.js';
import { ApiError } from '../api.js';
import { strings } from '../strings.js';

/** Longest wait on a 429 before giving up, in seconds. */
const MAX_RETRY_AFTER_SECONDS = 120;

/** @typedef {{ status: number, body: any, retryAfter: number | null }} Reply */

/**
 * @param {File} file
 * @param {Record<string, string>} fields metadata fields of the form (docType, year, organisation, password)
 * @param {string | null} code
 * @param {(sent: number, total: number) => void} onProgress
 * @returns {Promise<Reply>}
 */
function sendOnce(file, fields, code, onProgress) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value.trim()) form.append(name, value.trim());
  form.append('files', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    if (code !== null) xhr.setRequestHeader('authorization', `Bearer ${code}`);
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    xhr.addEventListener('load', () => {
      /** @type {any} */
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not our JSON (a proxy page): the status line speaks instead.
      }
      const retryAfter = Number(xhr.getResponseHeader('retry-after'));
      resolve({ status: xhr.status, body, retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null });
    });
    xhr.addEventListener('error', () => reject(new ApiError('network', strings().networkError)));
    xhr.send(form);
  });
}

/**
 * Uploads one file; resolves with its outcome (FileOutcome of ingest/types.ts).
 * @param {File} file
 * @param {Record<string, string>} fields
 * @param {{ onProgress: (sent: number, total: number) => void, onWait: (seconds: number) => void }} report
 * @returns {Promise<any>}
 * @throws {ApiError} when the server refuses the request as a whole (too large, no admin token, …)
 */
export async function uploadFile(file, fields, report) {
  for (;;) {
    const code = adminAccess.code();
    const reply = await sendOnce(file, fields, code, report.onProgress);
    if (reply.status === 401) {
      if (await adminAccess.denied(code)) continue;
      throw new ApiError('unauthorized', strings().adminNeeded);
    }
    const wait = reply.retryAfter;
    if (reply.status === 429 && wait !== null && wait <= MAX_RETRY_AFTER_SECONDS) {
      report.onWait(wait);
      await new Promise((resolve) => window.setTimeout(resolve, wait * 1000));
      continue;
    }
    if (reply.status !== 200) {
      const error = reply.body?.error;
      throw new ApiError(String(error?.code ?? 'http'), String(error?.message ?? `HTTP ${reply.status}`));
    }
    const outcome = reply.body?.files?.[0];
    if (!outcome) throw new ApiError('http', strings().uploadNoResult);
    return outcome;
  }
}
