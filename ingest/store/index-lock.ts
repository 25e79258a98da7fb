/**
 * One writer at a time. Within a process, writes queue on a promise chain; across processes (a CLI ingest while
 * the server takes an upload), a lock file in a local index folder is created atomically with its owner's pid in it. A lock left by a
 * killed process is recognised by its dead pid and taken over.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';

const queues = new Map<string, Promise<unknown>>();
const LOCK_FILE = '.grip-write.lock';
const WAIT_MS = 100;

function isLocal(uri: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in the lock file, or undefined when there is no lock file (any more). */
function ownerOf(path: string): number | undefined {
  try {
    return Number(readFileSync(path, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes the lock if it is free. The lock file appears with the owner's pid already in it (written to a private
 * file, then hard-linked into place, which fails when the lock exists), so no other process ever sees an empty
 * lock it could mistake for a stale one.
 */
function tryAcquire(path: string): boolean {
  const own = `${path}.${process.pid}`;
  writeFileSync(own, String(process.pid));
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = ownerOf(path);
    // Released between the link and the read: free now, so try again.
    if (owner === undefined) return false;
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) return false;
    rmSync(path, { force: true });
    return false;
  } finally {
    rmSync(own, { force: true });
  }
}

async function acquireFile(dir: string, timeoutMs: number): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  while (!tryAcquire(path)) {
    if (Date.now() > deadline) throw new AppError('store_failed', 'Een ander proces werkt de index bij; probeer het zo opnieuw.');
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
  return () => rmSync(path, { force: true });
}

/** Runs `work` while holding the write lock of the index at `uri`. */
export async function withIndexLock<T>(uri: string, work: () => Promise<T>, timeoutMs = 10 * 60_000): Promise<T> {
  const previous = queues.get(uri) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const release = isLocal(uri) ? await acquireFile(uri, timeoutMs) : () => undefined;
    try {
      return await work();
    } finally {
      release();
    }
  });
  queues.set(uri, run);
  return run;
}
