/**
 * The one place that maps error codes to HTTP statuses and shapes error bodies: `{ error: { code, message } }`.
 * Causes go to the log, never to the client.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../ingest/index.js';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  unsupported_file: 415,
  encrypted_pdf: 422,
  corrupt_pdf: 422,
  no_text_layer: 422,
  timeout: 504,
  request_timeout: 408,
  rate_limited: 429,
  index_missing: 503,
  index_mismatch: 503,
  model_failed: 502,
  store_failed: 500,
  internal: 500,
};

/** The HTTP status for an error code. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code];
}

/** The error body clients receive. */
export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}

/** Converts anything thrown into an AppError; unknown errors become `internal` with a generic message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('internal', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', { cause: error });
}

/** Responds with the error body and status for `error`. */
export function errorResponse(c: Context, error: AppError): Response {
  return c.json(errorBody(error.code, error.message), statusOf(error.code));
}
