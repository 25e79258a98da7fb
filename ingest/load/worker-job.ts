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
import { answerOcrQuestion, type OcrAnswer, type OcrQuestion } from './ocr/remote-ocr-engine.js';

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

/** One file's run on a lent worker; every callback checks `settled`, so the first outcome wins. */
class FileJob {
  private readonly helpers: Worker[] = [];
  private readonly processes = new Set<number>();
  private settled = false;
  private openedSince: CpuSnapshot | undefined;
  private deadline: number;
  private timer: NodeJS.Timeout;
  private readonly answerOcr: (question: OcrQuestion) => Promise<OcrAnswer>;

  constructor(
    private readonly lent: LentWorker,
    private readonly request: LoadRequest,
    private readonly options: JobOptions,
    private readonly done: { resolve(loaded: Loaded): void; reject(error: unknown): void },
  ) {
    this.deadline = Date.now() + options.timeoutMs;
    this.answerOcr = ocrServer(request, options, () => this.deadline, this.processes);
    this.timer = setTimeout(() => this.fail(timeoutError(request.fileName, START_TIMEOUT_MS, false)), START_TIMEOUT_MS);
    lent.worker.on('message', this.onMessage).once('error', this.crash).once('exit', this.onExit);
    lent.worker.postMessage({ kind: 'load', request } satisfies ParentMessage);
  }

  private readonly onMessage = (message: WorkerMessage): void => {
    if (this.settled) return;
    if (message.kind === 'started') this.startClock();
    else if (message.kind === 'reply') this.finish(true, () => replyToResult(message.reply));
    else if (message.kind === 'opened' && this.helps(message.pageCount)) this.startHelper();
    else if (message.kind === 'ocr') void this.answerOcr(message).then((answer) => !this.settled && this.lent.worker.postMessage(answer satisfies ParentMessage));
  };

  private readonly crash = (error: unknown): void => this.finish(false, () => { throw crashToError(error, this.request.fileName); });
  private readonly onExit = (code: number): void => this.crash(new Error(`worker exited with code ${code}`));

  /** The worker has started on the file: from now on its budget runs. */
  private startClock(): void {
    clearTimeout(this.timer);
    this.openedSince = cpuSnapshot();
    this.deadline = Date.now() + this.options.timeoutMs;
    this.timer = setTimeout(() => this.fail(timeoutError(this.request.fileName, this.options.timeoutMs, true)), this.options.timeoutMs);
  }

  private helps(pageCount: number): boolean {
    if (pageCount < (this.options.parallelFromPages ?? DEFAULT_PARALLEL_FROM_PAGES)) return false;
    return this.options.parallelOnlyWhenIdle === false || (this.openedSince !== undefined && idleCoresSince(this.openedSince) >= MIN_IDLE_CORES);
  }

  private startHelper(): void {
    const helper = startLoaderWorker({ role: 'helper', request: this.request }, this.options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB);
    this.helpers.push(helper);
    helper.on('message', (message: WorkerMessage) => !this.settled && this.lent.worker.postMessage(message));
    helper.once('error', this.crash);
    // The helper ends by itself once its pages are posted; only a failing exit is a crash.
    helper.once('exit', (code) => code !== 0 && this.crash(new Error(`helper worker exited with code ${code}`)));
  }

  private fail(error: AppError): void {
    this.finish(false, () => { throw error; });
  }

  /** Ends the helper, the OCR processes and (unless the file went cleanly) the worker, then reports the outcome. */
  private finish(clean: boolean, outcome: () => Loaded): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.lent.worker.off('message', this.onMessage).off('error', this.crash).off('exit', this.onExit);
    killProcesses(this.processes);
    const ending: Promise<unknown>[] = this.helpers.map((helper) => helper.terminate());
    if (clean) this.lent.release();
    else ending.push(this.lent.discard());
    void Promise.allSettled(ending).finally(() => {
      try {
        this.done.resolve(outcome());
      } catch (error) {
        this.done.reject(error);
      }
    });
  }
}

/** Runs one request on `lent`; resolves or rejects only once every thread and process of it has ended. */
export function runJob(lent: LentWorker, request: LoadRequest, options: JobOptions): Promise<Loaded> {
  return new Promise((resolve, reject) => void new FileJob(lent, request, options, { resolve, reject }));
}
