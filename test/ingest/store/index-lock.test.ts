import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { withIndexLock } from '../../../ingest/store/index-lock.js';
import { tempFolder } from './corpus-generation.js';

const LOCK_FILE = '.grip-write.lock';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pid of a process that has exited, so it is certainly not alive. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (!child.pid) throw new Error('Could not start a short-lived process.');
  return child.pid;
}

let folder: Awaited<ReturnType<typeof tempFolder>>;

beforeEach(async () => {
  folder = await tempFolder('grip-lock-');
});

afterEach(async () => {
  await folder.dispose();
});

describe('withIndexLock', () => {
  it('runs two writers of one index in one process one after the other', async () => {
    const events: string[] = [];
    const writer = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      expect(readFileSync(join(folder.path, LOCK_FILE), 'utf8')).toBe(String(process.pid));
      await pause(ms);
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([withIndexLock(folder.path, writer('a', 60)), withIndexLock(folder.path, writer('b', 10))]);
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(existsSync(join(folder.path, LOCK_FILE))).toBe(false);
  });

  it('releases the lock when a writer fails, so the next one runs', async () => {
    const failed = withIndexLock(folder.path, async () => {
      throw new Error('embedding failed');
    });
    const next = withIndexLock(folder.path, async () => 'ran');
    await expect(failed).rejects.toThrow('embedding failed');
    await expect(next).resolves.toBe('ran');
    expect(existsSync(join(folder.path, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock file left by a process that died', async () => {
    const pid = deadPid();
    writeFileSync(join(folder.path, LOCK_FILE), String(pid));
    await expect(withIndexLock(folder.path, async () => readFileSync(join(folder.path, LOCK_FILE), 'utf8'), 5_000)).resolves.toBe(String(process.pid));
    expect(existsSync(join(folder.path, LOCK_FILE))).toBe(false);
  });

  it('waits for a lock held by a live process and gives up with store_failed', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(folder.path, LOCK_FILE), String(holder.pid));
      let ran = false;
      const error = await withIndexLock(folder.path, async () => {
        ran = true;
      }, 300).catch((caught: unknown) => caught);
      expect(isAppError(error, 'store_failed')).toBe(true);
      expect(ran).toBe(false);
      // The other process's lock is left alone.
      expect(readFileSync(join(folder.path, LOCK_FILE), 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it('keeps two processes that take and release the lock in a tight loop out of each other\'s way', async () => {
    // Each critical section creates a marker file exclusively and removes it again: a second writer inside
    // at the same time finds the marker and records an overlap. A lock file that could be seen before its
    // pid is written would be taken for a stale one and let the second writer in.
    const marker = join(folder.path, 'inside');
    const rounds = 400;
    const script = `
      import { openSync, closeSync, rmSync } from 'node:fs';
      import { withIndexLock } from ${JSON.stringify(new URL('../../../ingest/store/index-lock.ts', import.meta.url).href)};
      let overlaps = 0;
      for (let i = 0; i < ${rounds}; i++) {
        await withIndexLock(${JSON.stringify(folder.path)}, async () => {
          try { closeSync(openSync(${JSON.stringify(marker)}, 'wx')); } catch { overlaps++; return; }
          await new Promise((resolve) => setImmediate(resolve));
          rmSync(${JSON.stringify(marker)});
        }, 60_000);
      }
      console.log(overlaps);
    `;
    const run = () => new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`writer exited with ${code}`))));
    });
    const overlaps = await Promise.all([run(), run()]);
    expect(overlaps).toEqual([0, 0]);
    expect(existsSync(join(folder.path, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('lets writers of different indexes run at the same time', async () => {
    const other = await tempFolder('grip-lock-other-');
    try {
      const events: string[] = [];
      const writer = (name: string) => async () => {
        events.push(`${name} start`);
        await pause(40);
        events.push(`${name} end`);
      };
      await Promise.all([withIndexLock(folder.path, writer('a')), withIndexLock(other.path, writer('b'))]);
      expect(events.slice(0, 2).sort()).toEqual(['a start', 'b start']);
    } finally {
      await other.dispose();
    }
  });
});
