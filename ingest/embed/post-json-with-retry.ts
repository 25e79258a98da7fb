/**
 * One JSON POST to a remote model server with the retry discipline such servers need: exponential backoff
 * with jitter on 429, 5xx and network errors, Retry-After honoured, and a hard timeout per attempt. Shared by
 * the embeddings client and the chat model (which also opens streamed responses through it).
 */
import { AppError, errorMessage } from '../errors.js';

/** How hard to try. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Per attempt, from sending the request to having read the whole response. */
  timeoutMs: number;
  /** First backoff delay; doubles with each retry, with ±50% jitter. */
  baseDelayMs: number;
  /** Upper bound on any wait, including one a server asks for with Retry-After. */
  maxDelayMs: number;
  /** What the server is called in error messages. Default "embedding server". */
  server?: string;
}

/** A successful response whose body is still to be read, under the attempt's timeout until `close()`. */
export interface OpenResponse {
  response: Response;
  /** Aborts when the attempt's time is up; the body stream then fails. */
  signal: AbortSignal;
  /** Stops the timer; call once the body is read or abandoned. */
  close(): void;
}

/** A failed attempt worth repeating, and how long the server asked us to wait. */
class RetryableFailure extends Error {
  constructor(message: string, readonly retryAfterMs: number | null, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** POSTs `body` as JSON to `url` and returns the parsed JSON response; failures are AppErrors with full sentences. */
export function postJsonWithRetry(url: string, body: unknown, headers: Record<string, string>, policy: RetryPolicy): Promise<unknown> {
  const json = JSON.stringify(body);
  return withRetries(url, policy, async () => {
    const open = await attemptOpen(url, json, headers, policy);
    try {
      return parseJson(url, await open.response.text(), policy);
    } catch (error) {
      throw readFailure(error, url, open.signal, policy);
    } finally {
      open.close();
    }
  });
}

/**
 * POSTs `body` as JSON and returns the response as soon as its status is good, for a caller that reads the body
 * as a stream. Retries happen only before that point: once a body is being read, a failure is final.
 */
export function openPostWithRetry(url: string, body: unknown, headers: Record<string, string>, policy: RetryPolicy): Promise<OpenResponse> {
  const json = JSON.stringify(body);
  return withRetries(url, policy, () => attemptOpen(url, json, headers, policy));
}

/** The error for a failure while a body was being read: a timeout, a retryable drop, or the error itself. */
function readFailure(error: unknown, url: string, signal: AbortSignal, policy: RetryPolicy): unknown {
  if (error instanceof AppError) return error;
  if (signal.aborted) return timedOut(url, policy, error);
  return new RetryableFailure(`network error: ${errorMessage(error)}`, null, { cause: error });
}

async function withRetries<T>(url: string, policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let count = 0; ; count++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RetryableFailure)) throw error;
      if (count >= policy.maxRetries) {
        throw new AppError('model_failed', `The ${serverName(policy)} at ${url} failed ${count + 1} times; last: ${error.message}.`, { cause: error });
      }
      await sleep(backoffDelay(count, error.retryAfterMs, policy));
    }
  }
}

async function attemptOpen(url: string, body: string, headers: Record<string, string>, policy: RetryPolicy): Promise<OpenResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  const close = () => clearTimeout(timer);
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: controller.signal });
    if (!response.ok) await rejectStatus(url, response, policy);
    return { response, signal: controller.signal, close };
  } catch (error) {
    close();
    if (error instanceof AppError || error instanceof RetryableFailure) throw error;
    // A server that has not answered in time is not retried: another attempt would most likely hang as long.
    if (controller.signal.aborted) throw timedOut(url, policy, error);
    throw new RetryableFailure(`network error: ${errorMessage(error)}`, null, { cause: error });
  }
}

async function rejectStatus(url: string, response: Response, policy: RetryPolicy): Promise<never> {
  const text = await response.text();
  if (response.status === 429 || response.status >= 500) {
    throw new RetryableFailure(`HTTP ${response.status} ${snippet(text)}`.trim(), retryAfterMs(response.headers.get('retry-after')));
  }
  throw new AppError('model_failed', `The ${serverName(policy)} at ${url} refused the request with HTTP ${response.status}: ${snippet(text) || response.statusText}.`);
}

function timedOut(url: string, policy: RetryPolicy, cause: unknown): AppError {
  return new AppError('timeout', `The ${serverName(policy)} at ${url} did not answer within ${policy.timeoutMs} ms.`, { cause });
}

function parseJson(url: string, text: string, policy: RetryPolicy): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('model_failed', `The ${serverName(policy)} at ${url} answered with something that is not JSON: ${snippet(text)}.`, { cause: error });
  }
}

function serverName(policy: RetryPolicy): string {
  return policy.server ?? 'embedding server';
}

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function backoffDelay(attempt: number, retryAfter: number | null, policy: RetryPolicy): number {
  if (retryAfter !== null) return Math.min(retryAfter, policy.maxDelayMs);
  const exponential = policy.baseDelayMs * 2 ** attempt;
  return Math.min(exponential * (0.5 + Math.random()), policy.maxDelayMs);
}

/** A response body flattened and cut to 200 characters, for error messages. */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
