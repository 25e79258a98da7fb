import { describe, expect, it } from 'vitest';
import { clientKey } from '../../../server/security/client-address.js';
import { createRateLimiter } from '../../../server/security/rate-limiter.js';
import { bearerToken, tokenMatches } from '../../../server/security/tokens.js';

function clock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('lets a client spend its minute at once, then refuses with the seconds until the next token', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 3, now: time.now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(20_000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps clients apart', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: clock().now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('tracks at most maxClients, evicting the least recently seen', () => {
    const limiter = createRateLimiter({ perMinute: 1, maxClients: 100, now: clock().now });
    limiter.take('regular');
    for (let i = 0; i < 10_000; i++) {
      if (i % 50 === 0) limiter.take('regular');
      limiter.take(`attacker-${i}`);
    }
    expect(limiter.size).toBe(100);
    // The regular client was seen recently, so its empty bucket was kept and it is still limited.
    expect(limiter.take('regular').allowed).toBe(false);
  });
});

describe('clientKey', () => {
  it('keys IPv4 by address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8:0:1:bbbb:cccc:dddd:eeee')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('bearer tokens', () => {
  it('reads the token of a Bearer header only', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('matches only the exact configured token', () => {
    expect(tokenMatches('geheim', 'geheim')).toBe(true);
    expect(tokenMatches('geheim2', 'geheim')).toBe(false);
    expect(tokenMatches('', 'geheim')).toBe(false);
    expect(tokenMatches(undefined, 'geheim')).toBe(false);
    expect(tokenMatches('geheim', undefined)).toBe(false);
  });
});
