/**
 * Loading untrusted files in a worker thread with a time and memory budget. A hostile PDF can make pdf.js
 * loop or allocate without end; in a worker that is terminated at the deadline (or stopped by its heap
 * limit) the server and the ingest run simply get an AppError back.
 */
import { Worker } from 'node:worker_threads';
import type { CleanDocument } from '../clean/clean-types.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { LoadedDocument } from '../types.js';
import { cpuSnapshot, idleCoresSince } from './idle-cores.js';
import type { LoadReply, LoadRequest, WorkerMessage } from './load-worker.js';

/** Options for {@link loadFileInWorker}. */
export interface WorkerLoadOptions {
  /** User password for an encrypted PDF. */
  password?: string;
  /** Refuse PDFs with more pages than this. */
  maxPages: number;
  /** Wall-clock budget, start-up of the worker included; the worker is terminated when it runs out. */
  timeoutMs: number;
  /** Heap limit of each worker thread in MB (default 1024). */
  maxMemoryMb?: number;
  /**
   * A PDF with at least this many pages is read by two threads (default 150); the second starts once the first
   * knows the page count. Below it, a second thread's start-up and JIT warm-up cost more than it saves (measured
   * on 2 cores with one mostly free: an 80-page report took 1.2 s alone and 1.5 s in two threads, a 26-page one
   * 0.76 s and 0.89 s; the 352-page book broke even).
   */
  parallelFromPages?: number;
  /**
   * Start the second thread only when a core sat idle while the first one started (default true): on a busy
   * machine two threads are slower than one.
   */
  parallelOnlyWhenIdle?: boolean;
}

const WORKER_URL = new URL('./load-worker.mjs', import.meta.url);
const DEFAULT_MAX_MEMORY_MB = 1024;
const DEFAULT_PARALLEL_FROM_PAGES = 150;
/** Idle cores, on average while the lead started, that a helper needs. */
const MIN_IDLE_CORES = 0.5;

type Loaded = Extract<LoadReply, { ok: true }>;

function replyToResult(reply: LoadReply): Loaded {
  if (reply.ok) return reply;
  throw new AppError(reply.code as ErrorCode, reply.message, { cause: new Error(reply.detail) });
}

function crashToError(error: unknown, fileName: string): AppError {
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError('too_large', `Het bestand "${fileName}" vraagt te veel geheugen om te verwerken.`, { cause: error });
  }
  return new AppError('internal', `Het laden van "${fileName}" is onverwacht afgebroken.`, { cause: error });
}

function loadRequest(bytes: Uint8Array, fileName: string, options: WorkerLoadOptions, clean: boolean): LoadRequest {
  const loadOptions: LoadRequest['options'] = { maxPages: options.maxPages };
  if (options.password !== undefined) loadOptions.password = options.password;
  return { bytes, fileName, options: loadOptions, ...(clean ? { clean } : {}), pageCounter: new SharedArrayBuffer(4) };
}

function startWorker(request: LoadRequest, options: WorkerLoadOptions): Worker {
  return new Worker(WORKER_URL, {
    workerData: request,
    // Inherited flags differ between `tsx` and vitest; the bootstrap sets up TypeScript itself.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB },
    stdout: false,
    stderr: false,
  });
}

/**
 * Detects and loads a file in a fresh worker thread (a long PDF in two, see `parallelFromPages`), terminating
 * them when `timeoutMs` runs out. The document and the errors are the same as {@link loadFile} gives in-process.
 *
 * @throws AppError `timeout` (budget exceeded), `too_large` (page or heap limit), `unsupported_file`,
 *   `encrypted_pdf`, `corrupt_pdf`, or `internal` when the worker dies otherwise.
 */
export async function loadFileInWorker(bytes: Uint8Array, fileName: string, options: WorkerLoadOptions): Promise<LoadedDocument> {
  return (await runWorker(bytes, fileName, options, false)).document;
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
  const { document, clean } = await runWorker(bytes, fileName, options, true);
  if (!clean) throw new AppError('internal', `Het opschonen van "${fileName}" gaf geen resultaat.`);
  return { document, clean };
}

function runWorker(bytes: Uint8Array, fileName: string, options: WorkerLoadOptions, clean: boolean): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const request = loadRequest(bytes, fileName, options, clean);
    const startedAt = cpuSnapshot();
    const lead = startWorker(request, options);
    const workers = [lead];
    let settled = false;
    const finish = (outcome: () => Loaded) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      // Only resolve once every thread is gone, so a caller never races a still-running worker.
      void Promise.allSettled(workers.map((worker) => worker.terminate())).finally(() => {
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      });
    };
    const crash = (error: unknown) => finish(() => { throw crashToError(error, fileName); });
    const startHelper = () => {
      const helper = startWorker({ ...request, role: 'helper' }, options);
      workers.push(helper);
      helper.on('message', (message: WorkerMessage) => lead.postMessage(message));
      helper.once('error', crash);
      // The helper ends by itself once its pages are posted; only a failing exit is a crash.
      helper.once('exit', (code) => code !== 0 && crash(new Error(`helper worker exited with code ${code}`)));
    };
    const deadline = setTimeout(() => {
      const seconds = (options.timeoutMs / 1000).toLocaleString('nl-NL');
      finish(() => {
        throw new AppError('timeout', `Het laden van "${fileName}" duurde langer dan ${seconds} ${seconds === '1' ? 'seconde' : 'seconden'} en is afgebroken.`);
      });
    }, options.timeoutMs);
    const helps = (pageCount: number) =>
      !settled &&
      pageCount >= (options.parallelFromPages ?? DEFAULT_PARALLEL_FROM_PAGES) &&
      (options.parallelOnlyWhenIdle === false || idleCoresSince(startedAt) >= MIN_IDLE_CORES);
    lead.on('message', (message: WorkerMessage) => {
      if (message.kind === 'reply') finish(() => replyToResult(message.reply));
      else if (message.kind === 'opened' && helps(message.pageCount)) startHelper();
    });
    lead.once('error', crash);
    lead.once('exit', (code) => crash(new Error(`worker exited with code ${code}`)));
  });
}
