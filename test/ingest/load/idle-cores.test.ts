import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cpuSnapshot, idleCoresSince } from '../../../ingest/load/idle-cores.js';

describe('idleCoresSince', () => {
  it('counts between none and every core idle over a window', async () => {
    const start = cpuSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const idle = idleCoresSince(start);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(cpus().length);
  });

  it('sees a core kept busy by this thread as not idle', () => {
    const start = cpuSnapshot();
    const until = performance.now() + 300;
    while (performance.now() < until);
    expect(idleCoresSince(start)).toBeLessThanOrEqual(cpus().length - 0.5);
  });
});
