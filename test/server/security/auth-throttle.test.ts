import { describe, expect, it } from 'vitest';
import { createAuthThrottle } from '../../../server/security/auth-throttle.js';

describe('createAuthThrottle', () => {
  it('blocks a client after its budget of failures, for as long as the budget takes to refill one', () => {
    let time = 0;
    const throttle = createAuthThrottle({ perMinute: 3, now: () => time });
    for (let failure = 0; failure < 3; failure++) {
      expect(throttle.blockedFor('a')).toBeUndefined();
      throttle.failed('a');
    }
    expect(throttle.blockedFor('a')).toBeUndefined();
    throttle.failed('a');
    expect(throttle.blockedFor('a')).toBe(20);
    expect(throttle.blockedFor('b')).toBeUndefined();
    time += 19_000;
    expect(throttle.blockedFor('a')).toBe(1);
    time += 1_000;
    expect(throttle.blockedFor('a')).toBeUndefined();
  });

  it('blocks no one when turned off with 0', () => {
    const throttle = createAuthThrottle({ perMinute: 0 });
    for (let failure = 0; failure < 100; failure++) throttle.failed('a');
    expect(throttle.blockedFor('a')).toBeUndefined();
  });

  it('tracks a bounded number of blocked clients', () => {
    const throttle = createAuthThrottle({ perMinute: 1, maxClients: 2, now: () => 0 });
    for (const client of ['a', 'b', 'c']) {
      throttle.failed(client);
      throttle.failed(client);
    }
    expect(throttle.blockedFor('a')).toBeUndefined();
    expect(throttle.blockedFor('b')).toBeGreaterThan(0);
    expect(throttle.blockedFor('c')).toBeGreaterThan(0);
  });
});
