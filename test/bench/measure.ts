/**
 * Timing helpers for the benchmark: medians and percentiles over repeated runs, and the machine's load, which
 * says how far to trust a run on a shared machine.
 */
import { cpus, loadavg } from 'node:os';

/** The value below which `share` (0–1) of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], share: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** The median (the lower middle for an even count, so it is always a measured value). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Milliseconds `run` took, and its result. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/** Runs `run` `times` times one after another; the durations in ms and the last result. */
export async function repeat<T>(times: number, run: () => Promise<T>): Promise<{ samples: number[]; result: T }> {
  const samples: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < times; i++) {
    const one = await timed(run);
    samples.push(one.ms);
    result = one.result;
  }
  return { samples, result: result as T };
}

/** The 1, 5 and 15-minute load averages and the core count. */
export interface MachineLoad {
  load: [number, number, number];
  cores: number;
}

/** The machine's load right now. */
export function machineLoad(): MachineLoad {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return { load: [one, five, fifteen], cores: cpus().length };
}
