/**
 * Access control for /api, /v1 (OpenAI-compatible) and /mcp in one place, before any body is read: per-client rate
 * limits on the expensive routes, the admin token on uploads and deletes, and the read token (when configured) on
 * everything else.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError, type Settings } from '../../ingest/index.js';
import { errorResponse } from '../errors.js';
import type { AppEnv } from '../routes/app-env.js';
import { type AuthThrottle, presentsToken, recordFailedAuth } from './auth-throttle.js';
import { clientOf } from './client-address.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { bearerToken, tokenMatches } from './tokens.js';

/** The settings the guard enforces. */
export type GuardSettings = Pick<Settings, 'ADMIN_TOKEN' | 'READ_TOKEN' | 'RATE_LIMIT_PER_MINUTE'>;

/** What kind of API request this is. */
export type RequestKind = 'question' | 'admin' | 'read';

// Feedback is posted by readers, so it shares the questions' bucket; reading it back is for admins.
const QUESTION_PATHS = new Set(['/api/ask', '/api/chat', '/api/search', '/api/locate', '/api/feedback', '/v1/chat/completions', '/mcp']);

/** Turns a refusal into the response of the request's protocol (Grip's error body, OpenAI's, JSON-RPC's). */
export type ErrorResponder = (c: Context, error: AppError) => Response;

/** Classifies a request by method and (router-decoded) path. */
export function requestKind(method: string, path: string): RequestKind {
  if (method === 'POST' && QUESTION_PATHS.has(path)) return 'question';
  if ((method === 'POST' && path === '/api/documents') || (method === 'DELETE' && path.startsWith('/api/documents/'))) return 'admin';
  if (path === '/api/feedback' || path.startsWith('/api/feedback/')) return 'admin';
  return 'read';
}

/** True when the request carries the read token or the admin token, or when no read token is configured. */
export function mayRead(c: Context, settings: GuardSettings): boolean {
  if (!settings.READ_TOKEN) return true;
  const token = bearerToken(c.req.header('authorization'));
  return tokenMatches(token, settings.READ_TOKEN) || tokenMatches(token, settings.ADMIN_TOKEN);
}

function unauthorized(c: Context, message: string, respond: ErrorResponder, throttle?: AuthThrottle): Response {
  // A wrong token is a guess; a request without one is not.
  if (throttle && presentsToken(c)) recordFailedAuth(c, throttle);
  c.header('WWW-Authenticate', 'Bearer realm="grip"');
  return respond(c, new AppError('unauthorized', message));
}

function checkAdmin(c: Context, settings: GuardSettings, respond: ErrorResponder, throttle?: AuthThrottle): Response | undefined {
  if (!settings.ADMIN_TOKEN) {
    return respond(c, new AppError('forbidden', 'Uploaden en verwijderen staan uit. Zet ADMIN_TOKEN in de omgeving van de server om ze aan te zetten.'));
  }
  if (!tokenMatches(bearerToken(c.req.header('authorization')), settings.ADMIN_TOKEN)) {
    return unauthorized(c, 'Hiervoor is de beheerderstoken nodig: stuur "Authorization: Bearer <ADMIN_TOKEN>".', respond, throttle);
  }
  return undefined;
}

function limited(c: Context, limiter: RateLimiter | undefined, respond: ErrorResponder): Response | undefined {
  const decision = limiter?.take(clientOf(c));
  if (!decision || decision.allowed) return undefined;
  c.header('Retry-After', String(decision.retryAfterSeconds));
  return respond(c, new AppError('rate_limited', `Te veel verzoeken; probeer het over ${decision.retryAfterSeconds} seconden opnieuw.`));
}

/**
 * The middleware of /api, /v1 and /mcp (one instance for all three, so they share the rate limits). Rate limits
 * come first, so guessing tokens is throttled too; questions and uploads have separate buckets, so an editor
 * uploading does not use up their own questions. `respond` shapes refusals for the request's protocol. Wrong
 * tokens are recorded in `throttle`, which refuses a guessing client before this guard runs.
 */
export function apiGuard(settings: GuardSettings, respond: ErrorResponder = errorResponse, throttle?: AuthThrottle): MiddlewareHandler<AppEnv> {
  const perMinute = settings.RATE_LIMIT_PER_MINUTE;
  const limiters = perMinute > 0 ? { question: createRateLimiter({ perMinute }), admin: createRateLimiter({ perMinute }) } : undefined;
  return async (c, next) => {
    const kind = requestKind(c.req.method, c.req.path);
    const refusal =
      (kind === 'read' ? undefined : limited(c, limiters?.[kind], respond)) ??
      (kind === 'admin' ? checkAdmin(c, settings, respond, throttle) : mayRead(c, settings) ? undefined : unauthorized(c, 'Hiervoor is een leestoken nodig: stuur "Authorization: Bearer <READ_TOKEN>" (de API-sleutel).', respond, throttle));
    if (refusal) return refusal;
    await next();
  };
}
