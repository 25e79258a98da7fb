/**
 * Loading untrusted files in a worker thread with a time and memory budget. A hostile PDF can make pdf.js
 * loop or allocate without end; in a worker that is terminated at the deadline (or stopped by its heap
 * limit) the server and the ingest run simply get an AppError back. Workers are warm and reused (see
 * `loader-pool.ts`), and a file's budget counts from the moment its worker starts on it, not from the thread's start.
 */
import type { CleanDocument } from '../clean/clean-types.js';
import { AppError } from '../errors.js';
import type { LoadedDocument } from '../types.js';
import { createLoaderPool, type LoaderPool } from './loader-pool.js';
import type { LoadRequest } from './load-worker.js';
import type { OcrSettings } from './ocr/ocr-settings.js';
import { runJob, type Loaded } from './worker-job.js';

/** Options for {@link loadFileInWorker}. */
export interface WorkerLoadOptions {
  /** User password for an encrypted PDF. */
  password?: string;
  /** Refuse PDFs with more pages than this. */
  maxPages: number;
  /** Wall-clock budget of the file, from when its worker starts on it; the worker is terminated when it runs out. */
  timeoutMs: number;
  /** Heap limit of each worker thread in MB (default 1024); OCR processes get it as their address-space limit. */
  maxMemoryMb?: number;
  /** OCR for PDF pages without a text layer; without it such pages stay empty and the file is flagged. */
  ocr?: OcrSettings;
  /** The warm workers to use (default: one pool per process). */
  pool?: LoaderPool;
  /**
   * A PDF with at least this many pages is read by two threads (default 150); the second starts once the first
   * knows the page count. Below it, a second thread's start-up and JIT warm-up cost more than it saves (measured
   * on 2 cores with one mostly free: an 80-page report took 1.2 s alone and 1.5 s in two threads, a 26-page one
   * 0.76 s and 0.89 s; the 352-page book broke even).
   */
  parallelFromPages?: number;
  /**
   * Start the second thread only when a core sat idle while the first one opened the file (default true): on a
   * busy machine two threads are slower than one.
   */
  parallelOnlyWhenIdle?: boolean;
}

const DEFAULT_MAX_MEMORY_MB = 1024;

let processPool: LoaderPool | undefined;

/** The pool of this process, for callers that pass none. */
function defaultPool(): LoaderPool {
  processPool ??= createLoaderPool();
  return processPool;
}

function loadRequest(bytes: Uint8Array, fileName: string, options: WorkerLoadOptions, clean: boolean): LoadRequest {
  const loadOptions: LoadRequest['options'] = { maxPages: options.maxPages };
  if (options.password !== undefined) loadOptions.password = options.password;
  return {
    bytes,
    fileName,
    options: loadOptions,
    ...(clean ? { clean } : {}),
    ...(options.ocr ? { ocr: options.ocr } : {}),
    pageCounter: new SharedArrayBuffer(4),
  };
}

/**
 * Detects and loads a file in a warm worker thread (a long PDF in two, see `parallelFromPages`), terminating
 * them when `timeoutMs` runs out. The document and the errors are the same as {@link loadFile} gives in-process.
 *
 * @throws AppError `timeout` (budget exceeded), `too_large` (page or heap limit), `unsupported_file`,
 *   `encrypted_pdf`, `corrupt_pdf`, or `internal` when the worker dies otherwise.
 */
export async function loadFileInWorker(bytes: Uint8Array, fileName: string, options: WorkerLoadOptions): Promise<LoadedDocument> {
  return (await runInWorker(bytes, fileName, options, false)).document;
}

/**
 * Like {@link loadFileInWorker}, and cleans the text in the same worker within the same budget: on a hostile
 * or merely unusual text (a long English book against the Dutch lexicon) cleaning costs seconds of CPU that
 * must not block the server's event loop.
 */
export async function loadAndCleanInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: WorkerLoadOptions,
): Promise<{ document: LoadedDocument; clean: CleanDocument }> {
  const { document, clean } = await runInWorker(bytes, fileName, options, true);
  if (!clean) throw new AppError('internal', `Het opschonen van "${fileName}" gaf geen resultaat.`);
  return { document, clean };
}

function runInWorker(bytes: Uint8Array, fileName: string, options: WorkerLoadOptions, clean: boolean): Promise<Loaded> {
  const lent = (options.pool ?? defaultPool()).lend(options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB);
  return runJob(lent, loadRequest(bytes, fileName, options, clean), options);
}
