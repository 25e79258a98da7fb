/**
 * Warm loader workers: a worker thread costs most of a second to start (pdf.js and the TypeScript loader), far
 * more than a small file takes to parse, so a batch of files reuses one. A worker is replaced, never reused,
 * after a timeout or a crash, and an idle one is ended after a while so it holds no memory for nothing.
 */
import { Worker } from 'node:worker_threads';

/** Options of {@link createLoaderPool}. */
export interface LoaderPoolOptions {
  /** Idle workers kept for the next file (default 1); more files at once get workers that end after their file. */
  maxIdle?: number;
  /** An idle worker is ended after this long (default 30 s). */
  idleMs?: number;
  /** A worker is replaced after this many files (default 200), so whatever pdf.js keeps cannot pile up. */
  maxFilesPerWorker?: number;
}

/** A lead worker lent out for one file. */
export interface LentWorker {
  worker: Worker;
  /** Give it back after a file that went well; it may serve the next. */
  release(): void;
  /** End it (timeout, crash): it is never lent again. */
  discard(): Promise<void>;
}

/** A pool of lead loader workers. */
export interface LoaderPool {
  /** A worker for one file: an idle warm one with this heap limit, or a new one. */
  lend(maxMemoryMb: number): LentWorker;
  /** Ends the idle workers and every later released one. */
  close(): Promise<void>;
  /** Lead workers started so far: a batch of files on a warm pool starts one (a debug figure for tests). */
  readonly started: number;
}

const WORKER_URL = new URL('./load-worker.mjs', import.meta.url);

/** Starts a loader worker thread with a heap limit; `workerData` says its role. */
export function startLoaderWorker(workerData: unknown, maxMemoryMb: number): Worker {
  return new Worker(WORKER_URL, {
    workerData,
    // Inherited flags differ between `tsx` and vitest; the bootstrap sets up TypeScript itself.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    stdout: false,
    stderr: false,
  });
}

interface Idle {
  worker: Worker;
  memoryMb: number;
  files: number;
  timer: NodeJS.Timeout;
}

/** Creates a pool; workers start on demand, so an unused pool costs nothing. */
export function createLoaderPool(options: LoaderPoolOptions = {}): LoaderPool {
  const maxIdle = options.maxIdle ?? 1;
  const idleMs = options.idleMs ?? 30_000;
  const maxFiles = options.maxFilesPerWorker ?? 200;
  const idle: Idle[] = [];
  let started = 0;
  let closed = false;
  const remove = (entry: Idle) => {
    const index = idle.indexOf(entry);
    if (index >= 0) idle.splice(index, 1);
    clearTimeout(entry.timer);
  };
  const park = (worker: Worker, memoryMb: number, files: number) => {
    if (closed || files >= maxFiles || idle.length >= maxIdle) return void worker.terminate();
    const entry: Idle = { worker, memoryMb, files, timer: setTimeout(() => (remove(entry), void worker.terminate()), idleMs) };
    entry.timer.unref();
    // An idle worker must not keep a finished CLI run alive; one that dies while idle is simply forgotten.
    worker.unref();
    worker.once('exit', () => remove(entry));
    idle.push(entry);
  };
  return {
    lend(memoryMb) {
      const found = idle.find((entry) => entry.memoryMb === memoryMb);
      if (found) remove(found);
      const worker = found?.worker ?? startLoaderWorker({ role: 'lead' }, memoryMb);
      if (!found) started++;
      worker.ref();
      worker.removeAllListeners('exit');
      const files = (found?.files ?? 0) + 1;
      let done = false;
      return {
        worker,
        release: () => void (!done && ((done = true), park(worker, memoryMb, files))),
        discard: async () => {
          done = true;
          await worker.terminate().catch(() => undefined);
        },
      };
    },
    async close() {
      closed = true;
      const ending = idle.splice(0).map((entry) => (clearTimeout(entry.timer), entry.worker.terminate()));
      await Promise.allSettled(ending);
    },
    get started() {
      return started;
    },
  };
}
