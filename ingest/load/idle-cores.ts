/**
 * How many cores the rest of the machine left free over a recent window, from the kernel's per-core time
 * counters minus this process's own CPU time. A second loader thread only pays off when a core is free: on a
 * busy machine its start-up and its separate JIT warm-up cost more than half the pages save (measured: the
 * 352-page book took 2.3 s alone and 3.1 s in two threads at a load average of 5 on 2 cores). This process's
 * own threads do not count against it, so a helper that is already starting does not talk itself out of helping.
 */
import { cpus } from 'node:os';

/** Cumulative idle and total CPU time over all cores, and this process's CPU time, in ms. */
export interface CpuSnapshot {
  idle: number;
  total: number;
  cores: number;
  own: number;
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
  const { user, system } = process.cpuUsage();
  return { idle, total, cores: all.length, own: (user + system) / 1000 };
}

/**
 * The average number of cores other processes left free between two snapshots: every core minus the share of
 * core time that was busy but not this process's (0 when no time passed).
 */
export function coresFreeOfOthers(since: CpuSnapshot, now: CpuSnapshot): number {
  const total = now.total - since.total;
  if (total <= 0) return 0;
  const busy = total - (now.idle - since.idle);
  // The kernel counts in 10 ms ticks, this process's time more finely: never let the difference go negative.
  const others = Math.min(total, Math.max(0, busy - (now.own - since.own)));
  return (1 - others / total) * now.cores;
}

/** {@link coresFreeOfOthers} between `since` and now. */
export function coresFreeOfOthersSince(since: CpuSnapshot): number {
  return coresFreeOfOthers(since, cpuSnapshot());
}
