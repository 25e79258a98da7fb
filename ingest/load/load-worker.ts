/**
 * The body of a loader worker thread. A lead worker starts once and then loads one file per
 * request (and cleans it, when asked) for as long as its pool keeps it: start-up is paid once per batch, not per
 * file. Started through `load-worker.mjs`, which first teaches the thread to import TypeScript.
 *
 * A long PDF is read by two threads: the lead tells the parent the page count as soon as the file is open, the
 * parent may then start a helper thread for that file, and both claim pages from a shared counter. The helper
 * posts its pages to the parent, which passes them on to the lead; the lead assembles (and cleans) the document.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CleanDocument } from '../clean/clean-types.js';
import { errorMessage, isAppError } from '../errors.js';
import { loadFile, type LoadFileOptions } from './load-file.js';
import type { OcrSettings } from './ocr/ocr-settings.js';
import { remoteOcrEngine, type OcrAnswer, type OcrChannel, type OcrQuestion } from './ocr/remote-ocr-engine.js';
import { counterClaims, readClaimedPages, type PageResults, type PageShare } from './pdf-page-share.js';
import { openPdf } from './pdf-open.js';

/** One file to load, as the parent posts it. */
export interface LoadRequest {
  bytes: Uint8Array;
  fileName: string;
  options: Omit<LoadFileOptions, 'share' | 'ocr'>;
  /** Also clean the loaded text: cleaning an untrusted file can take as long as parsing it, so it shares the budget. */
  clean?: boolean;
  /** A 4-byte SharedArrayBuffer: the counter the lead and the helper claim PDF pages from. */
  pageCounter?: SharedArrayBuffer;
  /** OCR for pages without a text layer; the parent runs its processes, within the file's budget. */
  ocr?: OcrSettings;
}

/** What a worker is started with: a lead waits for requests, a helper reads pages of the one file it is given. */
export type WorkerRole = { role: 'lead' } | { role: 'helper'; request: LoadRequest };

/** What the worker posts back: the document, or an error as plain data (an AppError does not survive cloning). */
export type LoadReply =
  | { ok: true; document: Awaited<ReturnType<typeof loadFile>>; clean?: CleanDocument }
  | { ok: false; code: string; message: string; detail: string };

/** Messages from loader workers to the parent. */
export type WorkerMessage =
  | { kind: 'started' }
  | { kind: 'opened'; pageCount: number }
  | { kind: 'pages'; pages: PageResults }
  | OcrQuestion
  | { kind: 'reply'; reply: LoadReply };

/** Messages from the parent to a lead worker. */
export type ParentMessage = { kind: 'load'; request: LoadRequest } | { kind: 'pages'; pages: PageResults } | OcrAnswer;

/** What a lead worker keeps between messages: where the helper's pages and the OCR answers of the current file go. */
interface Inbox {
  pages?: (pages: PageResults) => void;
  ocr: OcrChannel;
}

/** The lead's side of the page counter; the helper's pages arrive through the parent, into `inbox.pages`. */
function leadShare(port: NonNullable<typeof parentPort>, counter: Int32Array, inbox: Inbox): PageShare {
  let claim: () => number | undefined = () => undefined;
  let helperPages: Promise<PageResults> | undefined;
  return {
    opened(pageCount) {
      claim = counterClaims(counter, pageCount);
      // Waiting before announcing the count: the helper's pages can only follow the announcement.
      helperPages = new Promise((resolve) => (inbox.pages = resolve));
      port.postMessage({ kind: 'opened', pageCount } satisfies WorkerMessage);
    },
    claim: () => claim(),
    helperPages: () => helperPages ?? Promise.resolve(new Map()),
  };
}

function loadOptions(port: NonNullable<typeof parentPort>, request: LoadRequest, inbox: Inbox): LoadFileOptions {
  const options: LoadFileOptions = { ...request.options };
  if (request.pageCounter) options.share = leadShare(port, new Int32Array(request.pageCounter), inbox);
  if (request.ocr) {
    const { enabled, concurrency } = request.ocr;
    options.ocr = { enabled, engine: remoteOcrEngine(inbox.ocr), ...(concurrency === undefined ? {} : { concurrency }) };
  }
  return options;
}

async function handle(port: NonNullable<typeof parentPort>, request: LoadRequest, inbox: Inbox): Promise<LoadReply> {
  try {
    const document = await loadFile(request.bytes, request.fileName, loadOptions(port, request, inbox));
    if (!request.clean) return { ok: true, document };
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

// The smallest PDF pdf.js accepts (it rebuilds the missing cross-reference table): opening it once sets up pdf.js.
const WARM_UP_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
let warm: Promise<unknown> | undefined;
let warmClean: Promise<unknown> | undefined;

/**
 * Sets up, once per thread, what the first file would otherwise pay for inside its budget: pdf.js's first
 * document, and for cleaning its modules and the lexicon (a second cold).
 */
async function prepare(request: LoadRequest): Promise<void> {
  warm ??= loadFile(WARM_UP_PDF, 'warm-up.pdf').catch(() => undefined);
  await warm;
  if (!request.clean) return;
  warmClean ??= (async () => {
    await import('../clean/clean-document.js');
    const { loadDutchLexicon } = await import('../text/dutch-lexicon.js');
    loadDutchLexicon();
  })();
  await warmClean;
}

/**
 * Serves requests one at a time (the parent sends the next only after the reply). `started` tells the parent
 * that this file's own work begins: its time budget counts from there, not from the thread's start.
 */
function lead(port: NonNullable<typeof parentPort>): void {
  const inbox: Inbox = { ocr: { port, waiting: new Map() } };
  port.on('message', (message: ParentMessage) => {
    if (message.kind === 'pages') inbox.pages?.(message.pages);
    else if (message.kind === 'ocr-answer') {
      inbox.ocr.waiting.get(message.id)?.(message);
      inbox.ocr.waiting.delete(message.id);
    } else void serve(port, message.request, inbox);
  });
}

async function serve(port: NonNullable<typeof parentPort>, request: LoadRequest, inbox: Inbox): Promise<void> {
  await prepare(request);
  port.postMessage({ kind: 'started' } satisfies WorkerMessage);
  const reply = await handle(port, request, inbox);
  // Pages a helper sends from now on belong to no file: the parent has ended that helper.
  inbox.pages = undefined;
  port.postMessage({ kind: 'reply', reply } satisfies WorkerMessage);
}

async function main(port: NonNullable<typeof parentPort>, role: WorkerRole): Promise<void> {
  if (role.role === 'helper') port.postMessage({ kind: 'pages', pages: await helpRead(role.request) } satisfies WorkerMessage);
  else lead(port);
}

// Guarded so that importing this module outside a worker (by mistake) does nothing.
if (parentPort) await main(parentPort, workerData as WorkerRole);
