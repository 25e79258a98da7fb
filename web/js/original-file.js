/**
 * Links to a document's original file. A followed link cannot carry the access code, so once the server has asked
 * for one, a click fetches the file with the code and saves it as a download (from a blob: URL) instead. Without
 * an access code the link is an ordinary link and opens the file as before.
 */
import { fileBlob } from './api.js';
import { accessRequired } from './access.js';
import { announce, h } from './dom.js';
import { strings } from './strings.js';

/** Long enough for the browser to start the download; the object URL is released after. */
const RELEASE_AFTER_MS = 60_000;

/**
 * @param {string} documentId
 */
async function download(documentId) {
  try {
    const { blob, name } = await fileBlob(documentId);
    const url = URL.createObjectURL(blob);
    h('a', { attrs: { href: url, download: name } }).click();
    window.setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
  } catch (error) {
    announce(`${strings().fileFailed} ${error instanceof Error ? error.message : ''}`.trim());
  }
}

/**
 * Handles a click on a link to `documentId`'s original file.
 * @param {MouseEvent} event
 * @param {string} documentId
 */
export function followFileLink(event, documentId) {
  if (!accessRequired()) return;
  event.preventDefault();
  download(documentId);
}
