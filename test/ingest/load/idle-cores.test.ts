import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { coresFreeOfOthers, coresFreeOfOthersSince, cpuSnapshot, type CpuSnapshot } from '../../../ingest/load/idle-cores.js';

/** A snapshot of a 2-core machine `ms` after the start, with the given idle and own CPU time. */
const at = (ms: number, idle: number, own: number): CpuSnapshot => ({ total: 2 * ms, idle, own, cores: 2 });

describe('coresFreeOfOthers', () => {
  it('counts both cores free when nothing but this process ran, however busy it was', () => {
    expect(coresFreeOfOthers(at(0, 0, 0), at(300, 0, 600))).toBeCloseTo(2);
    expect(coresFreeOfOthers(at(0, 0, 0), at(300, 300, 300))).toBeCloseTo(2);
  });

  it('counts the core time other processes kept busy against it', () => {
    // 600 ms of core time: 100 idle, 300 this process, so 200 (a third of a core on average) others.
    expect(coresFreeOfOthers(at(0, 0, 0), at(300, 100, 300))).toBeCloseTo(2 - 2 / 3);
    expect(coresFreeOfOthers(at(0, 0, 0), at(300, 0, 0))).toBeCloseTo(0);
  });

  it('stays within none and every core when the counters disagree, and gives none for no time', () => {
    expect(coresFreeOfOthers(at(0, 0, 0), at(300, 0, 900))).toBeCloseTo(2);
    expect(coresFreeOfOthers(at(300, 0, 0), at(300, 0, 0))).toBe(0);
  });
});

describe('coresFreeOfOthersSince', () => {
  it('reads the real counters: between none and every core', async () => {
    const start = cpuSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const free = coresFreeOfOthersSince(start);
    expect(free).toBeGreaterThanOrEqual(0);
    expect(free).toBeLessThanOrEqual(cpus().length);
  });
});
