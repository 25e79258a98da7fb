/**
 * How many cores were idle over a recent window, from the kernel's per-core time counters. A second loader
 * thread only pays off when a core is free: on a busy machine its start-up and its separate JIT warm-up cost
 * more than half the pages save (measured: the 352-page book took 2.3 s alone and 3.1 s in two threads at a
 * load average of 5 on 2 cores).
 */
import { cpus } from 'node:os';

/** Cumulative idle and total CPU time over all cores, in ms. */
export interface CpuSnapshot {
  idle: number;
  total: number;
  cores: number;
}

/** The counters now. */
export function cpuSnapshot(): CpuSnapshot {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: all.length };
}

/** The average number of idle cores between `since` and now (0 when no time passed). */
export function idleCoresSince(since: CpuSnapshot): number {
  const now = cpuSnapshot();
  const total = now.total - since.total;
  return total > 0 ? ((now.idle - since.idle) / total) * now.cores : 0;
}
