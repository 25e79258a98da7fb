/**
 * One file on a lent loader worker: post the request, start the clock when the worker starts on the file, start
 * a helper thread for a long PDF, and end everything the file started (helper, OCR processes, and the worker
 * itself unless it finished cleanly) before the caller hears back.
 */
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors.js';
import { cpuSnapshot, idleCoresSince, type CpuSnapshot } from './idle-cores.js';
import { startLoaderWorker, type LentWorker } from './loader-pool.js';
import type { LoadReply, LoadRequest, ParentMessage, WorkerMessage } from './load-worker.js';
import { localOcrEngine, type OcrEngine } from './ocr/ocr-engine.js';
import type { OcrSettings } from './ocr/ocr-settings.js';
import { answerOcrQuestion, type OcrQuestion } from './ocr/remote-ocr-engine.js';

/** A successful reply. */
export type Loaded = Extract<LoadReply, { ok: true }>;

/** What a job needs to know besides the request. */
export interface JobOptions {
  timeoutMs: number;
  maxMemoryMb?: number;
  parallelFromPages?: number;
  parallelOnlyWhenIdle?: boolean;
}

const DEFAULT_MAX_MEMORY_MB = 1024;
const DEFAULT_PARALLEL_FROM_PAGES = 150;
/** Idle cores, on average while the lead opened the file, that a helper needs. */
const MIN_IDLE_CORES = 0.5;
/** How long a worker may take to get to a file (a cold start on a very busy machine) before the file fails. */
const START_TIMEOUT_MS = 120_000;

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

function timeoutError(fileName: string, timeoutMs: number, started: boolean): AppError {
  const seconds = (timeoutMs / 1000).toLocaleString('nl-NL');
  const unit = seconds === '1' ? 'seconde' : 'seconden';
  if (!started) return new AppError('timeout', `Het laden van "${fileName}" kon niet binnen ${seconds} ${unit} beginnen; de server is te druk.`);
  return new AppError('timeout', `Het laden van "${fileName}" duurde langer dan ${seconds} ${unit} en is afgebroken.`);
}

/** Kills OCR processes a worker reported as still running: ending the thread does not end them. */
function killProcesses(pids: Iterable<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** The OCR engine for the worker's questions about one file: this thread runs (and can kill) its processes. */
function ocrServer(request: LoadRequest, options: JobOptions, deadline: () => number, processes: Set<number>) {
  let engine: OcrEngine | undefined;
  return (question: OcrQuestion) => {
    engine ??= localOcrEngine(
      request.bytes,
      {
        // Only a request with OCR settings gets the worker to ask.
        ...(request.ocr as OcrSettings),
        deadline: deadline(),
        maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
        onProcess: ({ pid, running }) => void (running ? processes.add(pid) : processes.delete(pid)),
      },
      request.options.password,
    );
    return answerOcrQuestion(engine, question);
  };
}

/** Runs one request on `lent`; resolves or rejects only once every thread and process of it has ended. */
export function runJob(lent: LentWorker, request: LoadRequest, options: JobOptions): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const lead = lent.worker;
    const helpers: Worker[] = [];
    const processes = new Set<number>();
    let settled = false;
    let openedSince: CpuSnapshot | undefined;
    let deadline = Date.now() + options.timeoutMs;
    const answerOcr = ocrServer(request, options, () => deadline, processes);
    let timer = setTimeout(() => finish(false, () => { throw timeoutError(request.fileName, START_TIMEOUT_MS, false); }), START_TIMEOUT_MS);
    const finish = (clean: boolean, outcome: () => Loaded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      lead.off('message', onMessage).off('error', crash).off('exit', onExit);
      killProcesses(processes);
      const ending = helpers.map((helper) => helper.terminate());
      if (clean) lent.release();
      else ending.push(lent.discard().then(() => 0));
      void Promise.allSettled(ending).finally(() => {
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      });
    };
    const crash = (error: unknown) => finish(false, () => { throw crashToError(error, request.fileName); });
    const onExit = (code: number) => crash(new Error(`worker exited with code ${code}`));
    const startHelper = () => {
      const helper = startLoaderWorker({ role: 'helper', request }, options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB);
      helpers.push(helper);
      helper.on('message', (message: WorkerMessage) => !settled && lead.postMessage(message));
      helper.once('error', crash);
      // The helper ends by itself once its pages are posted; only a failing exit is a crash.
      helper.once('exit', (code) => code !== 0 && crash(new Error(`helper worker exited with code ${code}`)));
    };
    const helps = (pageCount: number) =>
      pageCount >= (options.parallelFromPages ?? DEFAULT_PARALLEL_FROM_PAGES) &&
      (options.parallelOnlyWhenIdle === false || (openedSince !== undefined && idleCoresSince(openedSince) >= MIN_IDLE_CORES));
    function onMessage(message: WorkerMessage) {
      if (settled) return;
      if (message.kind === 'started') {
        clearTimeout(timer);
        openedSince = cpuSnapshot();
        deadline = Date.now() + options.timeoutMs;
        timer = setTimeout(() => finish(false, () => { throw timeoutError(request.fileName, options.timeoutMs, true); }), options.timeoutMs);
      } else if (message.kind === 'reply') finish(true, () => replyToResult(message.reply));
      else if (message.kind === 'opened' && helps(message.pageCount)) startHelper();
      else if (message.kind === 'ocr') void answerOcr(message).then((answer) => !settled && lead.postMessage(answer satisfies ParentMessage));
    }
    lead.on('message', onMessage).once('error', crash).once('exit', onExit);
    lead.postMessage({ kind: 'load', request } satisfies ParentMessage);
  });
}
