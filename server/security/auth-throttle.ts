/**
 * Throttling token guesses: each client may fail authentication `perMinute` times a minute (a token bucket, as
 * the rate limits). Past that, every request of that client that carries a token is refused with 429 before
 * the token is looked at — the right token too, so while a guesser is throttled no answer tells a right guess
 * from a wrong one. Requests without a token are never refused here: load balancers and the web app's files stay open.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../ingest/index.js';
import type { AppEnv } from '../routes/app-env.js';
import type { ErrorResponder } from './api-guard.js';
import { clientOf } from './client-address.js';
import { createRateLimiter } from './rate-limiter.js';

/** Failed authentication per client. */
export interface AuthThrottle {
  /** Seconds until the client may present a token again, or undefined when it may now. */
  blockedFor(client: string): number | undefined;
  /** Records a failed authentication of the client. */
  failed(client: string): void;
}

/** Options of {@link createAuthThrottle}. */
export interface AuthThrottleOptions {
  /** Failed authentications a client may have per minute (also the burst); 0 turns the throttle off. */
  perMinute: number;
  /** Most clients tracked at once. */
  maxClients?: number;
  now?: () => number;
}

/** A throttle of failed authentications; with `perMinute` 0 it records nothing and blocks no one. */
export function createAuthThrottle({ perMinute, maxClients = 10_000, now = Date.now }: AuthThrottleOptions): AuthThrottle {
  if (perMinute <= 0) return { blockedFor: () => undefined, failed: () => undefined };
  const failures = createRateLimiter({ perMinute, maxClients, now });
  const blockedUntil = new Map<string, number>();
  return {
    blockedFor(client) {
      const until = blockedUntil.get(client);
      if (until === undefined) return undefined;
      if (until <= now()) {
        blockedUntil.delete(client);
        return undefined;
      }
      return Math.max(1, Math.ceil((until - now()) / 1000));
    },
    failed(client) {
      const decision = failures.take(client);
      if (decision.allowed) return;
      blockedUntil.delete(client);
      blockedUntil.set(client, now() + decision.retryAfterSeconds * 1000);
      if (blockedUntil.size > maxClients) blockedUntil.delete(blockedUntil.keys().next().value as string);
    },
  };
}

/** True when the request presents a credential (any Authorization header), i.e. is an authentication attempt. */
export function presentsToken(c: Context): boolean {
  return c.req.header('authorization') !== undefined;
}

/** Records a failed authentication of the request's client. */
export function recordFailedAuth(c: Context, throttle: AuthThrottle): void {
  throttle.failed(clientOf(c));
}

/** Middleware for every route: a throttled client's requests that carry a token get 429 with Retry-After. */
export function authThrottleGuard(throttle: AuthThrottle, respond: ErrorResponder): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const seconds = presentsToken(c) ? throttle.blockedFor(clientOf(c)) : undefined;
    if (seconds === undefined) return next();
    c.header('Retry-After', String(seconds));
    return respond(c, new AppError('rate_limited', `Te veel pogingen met een onjuiste token; probeer het over ${seconds} seconden opnieuw.`));
  };
}
