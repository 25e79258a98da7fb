/**
 * A token bucket per client, in memory and bounded: at most `maxClients` buckets are kept, the least recently
 * seen evicted first, so an attacker cycling through addresses costs a fixed amount of memory. An evicted
 * client simply starts again with a full bucket.
 */

/** Outcome of taking one token. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A limiter of requests per client key. */
export interface RateLimiter {
  take(key: string): RateDecision;
  /** Number of clients currently tracked. */
  readonly size: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Sustained requests per minute per client; also the burst a fresh client may spend at once. */
  perMinute: number;
  /** Most clients tracked at once (default 10,000). */
  maxClients?: number;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** A token-bucket limiter; `perMinute` must be positive. */
export function createRateLimiter({ perMinute, maxClients = 10_000, now = Date.now }: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMillisecond = perMinute / 60_000;
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: perMinute, updated: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * perMillisecond);
      bucket.updated = time;
      // Delete and re-insert: a Map iterates in insertion order, so the first key is the least recently seen.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMillisecond / 1000)) };
    },
    get size() {
      return buckets.size;
    },
  };
}
