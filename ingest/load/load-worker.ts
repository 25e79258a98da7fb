/**
 * The body of the loader worker thread: load one file (and, when asked, clean it), post the result or the error
 * back, done. Started through `load-worker.mjs`, which first teaches the thread to import TypeScript.
 *
 * A long PDF is read by two threads: this one (the lead) tells the parent the page count as soon as the file is
 * open, the parent may then start a helper thread, and both claim pages from a shared counter. The helper posts
 * its pages to the parent, which passes them on to the lead; the lead assembles (and cleans) the document.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CleanDocument } from '../clean/clean-types.js';
import { errorMessage, isAppError } from '../errors.js';
import { loadFile, type LoadFileOptions } from './load-file.js';
import { counterClaims, readClaimedPages, type PageResults, type PageShare } from './pdf-page-share.js';
import { openPdf } from './pdf-open.js';

/** What the parent passes as `workerData`. */
export interface LoadRequest {
  bytes: Uint8Array;
  fileName: string;
  options: Omit<LoadFileOptions, 'share'>;
  /** Also clean the loaded text: cleaning an untrusted file can take as long as parsing it, so it shares the budget. */
  clean?: boolean;
  /** A 4-byte SharedArrayBuffer: the counter the lead and the helper claim PDF pages from. */
  pageCounter?: SharedArrayBuffer;
  /** `helper`: only read pages claimed from `pageCounter` and post them; the lead (default) does the rest. */
  role?: 'lead' | 'helper';
}

/** What the worker posts back: the document, or an error as plain data (an AppError does not survive cloning). */
export type LoadReply =
  | { ok: true; document: Awaited<ReturnType<typeof loadFile>>; clean?: CleanDocument }
  | { ok: false; code: string; message: string; detail: string };

/** Messages between the parent and its loader workers. */
export type WorkerMessage =
  | { kind: 'opened'; pageCount: number }
  | { kind: 'pages'; pages: PageResults }
  | { kind: 'reply'; reply: LoadReply };

/** The lead's side of the page counter; the helper's pages arrive through the parent. */
function leadShare(counter: Int32Array): PageShare {
  let claim: () => number | undefined = () => undefined;
  let helperPages: Promise<PageResults> | undefined;
  return {
    opened(pageCount) {
      claim = counterClaims(counter, pageCount);
      // Listening before announcing the count: the helper's pages can only follow the announcement.
      helperPages = new Promise((resolve) => parentPort?.once('message', (message: WorkerMessage) => resolve(message.kind === 'pages' ? message.pages : new Map())));
      parentPort?.postMessage({ kind: 'opened', pageCount } satisfies WorkerMessage);
    },
    claim: () => claim(),
    helperPages: () => helperPages ?? Promise.resolve(new Map()),
  };
}

async function handle(request: LoadRequest): Promise<LoadReply> {
  try {
    const share = request.pageCounter ? { share: leadShare(new Int32Array(request.pageCounter)) } : {};
    const document = await loadFile(request.bytes, request.fileName, { ...request.options, ...share });
    if (!request.clean) return { ok: true, document };
    // Imported only when asked: cleaning's modules would slow the start of every loader thread.
    const { cleanDocument } = await import('../clean/clean-document.js');
    return { ok: true, document, clean: cleanDocument(document) };
  } catch (error) {
    const code = isAppError(error) ? error.code : 'internal';
    const message = isAppError(error) ? error.message : 'Het bestand kon door een interne fout niet worden geladen.';
    return { ok: false, code, message, detail: errorMessage(error) };
  }
}

/** The helper's work: the pages it claims. A file it cannot open leaves every page to the lead. */
async function helpRead(request: LoadRequest): Promise<PageResults> {
  const document = await openPdf(request.bytes, request.options.password).catch(() => undefined);
  if (!document || !request.pageCounter) return new Map();
  try {
    return await readClaimedPages(document, counterClaims(new Int32Array(request.pageCounter), document.numPages));
  } finally {
    await document.destroy();
  }
}

async function main(port: NonNullable<typeof parentPort>, request: LoadRequest): Promise<void> {
  if (request.role === 'helper') {
    port.postMessage({ kind: 'pages', pages: await helpRead(request) } satisfies WorkerMessage);
    return;
  }
  port.postMessage({ kind: 'reply', reply: await handle(request) } satisfies WorkerMessage);
  // Not waiting for a helper's pages any more (when all pages were read here, none come).
  port.removeAllListeners('message');
}

// Guarded so that importing this module outside a worker (by mistake) does nothing.
if (parentPort) await main(parentPort, workerData as LoadRequest);
