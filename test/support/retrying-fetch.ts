/**
 * fetch for idempotent test requests (health checks, questions, listings): on a loaded machine a pooled
 * keep-alive connection can be closed by the server just as the client reuses it (ECONNRESET), or a server
 * can be a moment from accepting (ECONNREFUSED). Such a request is sent again on a fresh connection;
 * every other failure, and every HTTP answer, goes straight to the caller.
 */

/** Connection failures that say nothing about the request itself. */
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** True when a fetch failed because the connection was refused or dropped, not because of the request. */
export function isConnectionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return RETRYABLE.has(cause?.code ?? '');
}

/** Options of {@link retryingFetch}. */
export interface RetryOptions {
  /** Give up retrying after this long (default 60 s). */
  timeoutMs?: number;
}

/** `fetch`, retried with a growing pause while the connection is refused or reset. */
export async function retryingFetch(url: string, init: RequestInit = {}, { timeoutMs = 60_000 }: RetryOptions = {}): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (!isConnectionFailure(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * attempt)));
    }
  }
}
