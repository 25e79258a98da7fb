import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPace } from '../../../server/upload/body-pace.js';

describe('watchPace', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('breaks off a body that falls below the minimum rate once the grace period is over, and says why in Dutch', () => {
    const onBreak = vi.fn();
    const watch = watchPace({ timeoutMs: 60_000, minBytesPerSecond: 1000, graceMs: 2000, now: Date.now }, onBreak);
    for (let second = 0; second < 2; second++) {
      watch.received(500);
      vi.advanceTimersByTime(1000);
    }
    expect(onBreak).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onBreak).toHaveBeenCalledTimes(1);
    expect(watch.failure).toMatchObject({ code: 'request_timeout', message: expect.stringMatching(/te langzaam.*1 kB per seconde/) });
  });

  it('lets a body that keeps the rate run until the deadline, then breaks it off naming the deadline', () => {
    const onBreak = vi.fn();
    const watch = watchPace({ timeoutMs: 3000, minBytesPerSecond: 1000, graceMs: 0, now: Date.now }, onBreak);
    for (let tick = 0; tick < 12; tick++) {
      watch.received(500);
      vi.advanceTimersByTime(250);
    }
    expect(onBreak).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onBreak).toHaveBeenCalledTimes(1);
    expect(watch.failure?.message).toBe('De upload duurde langer dan 3 seconden en is afgebroken.');
  });

  it('stops watching when told, and never fires afterwards', () => {
    const onBreak = vi.fn();
    const watch = watchPace({ timeoutMs: 1000, minBytesPerSecond: 0, now: Date.now }, onBreak);
    watch.stop();
    vi.advanceTimersByTime(10_000);
    expect(onBreak).not.toHaveBeenCalled();
    expect(watch.failure).toBeUndefined();
  });
});
