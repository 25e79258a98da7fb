/**
 * The benchmark's cold raw-extraction thread: plain pdf.js text extraction of one PDF in a fresh thread, with
 * the time the extraction itself took (the caller also times the thread's start-up).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractRawPdfText } from '../../ingest/load/load-pdf.js';

/** What the thread posts back. */
export interface RawReply {
  pages: number;
  chars: number;
  extractMs: number;
}

if (parentPort) {
  const start = performance.now();
  const { pages, chars } = await extractRawPdfText(workerData as Uint8Array);
  parentPort.postMessage({ pages, chars, extractMs: performance.now() - start } satisfies RawReply);
}
