/**
 * Requests for idempotent test calls (health checks, questions, listings): on a loaded machine a pooled
 * keep-alive connection can be closed by the server just as the client reuses it (ECONNRESET), or a server
 * can be a moment from accepting (ECONNREFUSED). Such a request is sent again on a fresh connection;
 * every other failure, and every HTTP answer, goes straight to the caller.
 */

/** Connection failures that say nothing about the request itself. */
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** True when a request failed because the connection was refused or dropped, not because of the request. */
export function isConnectionFailure(error: unknown): boolean {
  const failure = error as { code?: string; cause?: { code?: string } } | undefined;
  return RETRYABLE.has(failure?.cause?.code ?? failure?.code ?? '');
}

/** Options of {@link retryingFetch}. */
export interface RetryOptions {
  /** Give up retrying after this long (default 60 s). */
  timeoutMs?: number;
}

/** `fetch`, retried with a growing pause while the connection is refused or reset. */
export function retryingFetch(url: string, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  return retryingRequest(() => fetch(url, init), options);
}

/** Any request, sent again with a growing pause while its connection is refused or reset. */
export async function retryingRequest<Result>(send: () => Promise<Result>, { timeoutMs = 60_000 }: RetryOptions = {}): Promise<Result> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isConnectionFailure(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * attempt)));
    }
  }
}
