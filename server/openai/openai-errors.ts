/**
 * Errors on /v1 in OpenAI's shape, `{ error: { message, type, param, code } }`, with the status the rest of the
 * API gives the same AppError code — so OpenAI clients raise their own error classes (BadRequestError,
 * AuthenticationError, NotFoundError, RateLimitError, …) with Grip's message.
 */
import type { Context } from 'hono';
import { AppError, type ErrorCode } from '../../ingest/index.js';
import { statusOf } from '../errors.js';

/** What an OpenAI error body says beyond the message. */
export interface OpenAIErrorDetail {
  /** The request field at fault ("messages.2.role"), or null. */
  param?: string | null;
  /** OpenAI's machine-readable code ("model_not_found", "context_length_exceeded"); default from the AppError code. */
  code?: string;
}

/** An AppError with the parameter at fault and OpenAI's code for it. */
export class OpenAIRequestError extends AppError {
  readonly detail: OpenAIErrorDetail;

  constructor(code: ErrorCode, message: string, detail: OpenAIErrorDetail = {}) {
    super(code, message);
    this.detail = detail;
  }
}

/** An OpenAI error body. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

const CODES: Partial<Record<ErrorCode, string>> = {
  unauthorized: 'invalid_api_key',
  rate_limited: 'rate_limit_exceeded',
};

function typeOf(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

/** The OpenAI error body for an AppError. */
export function openAIErrorBody(error: AppError): OpenAIErrorBody {
  const detail = error instanceof OpenAIRequestError ? error.detail : {};
  return {
    error: { message: error.message, type: typeOf(statusOf(error.code)), param: detail.param ?? null, code: detail.code ?? CODES[error.code] ?? error.code },
  };
}

/** Responds with the OpenAI error body and the code's status. */
export function openAIErrorResponse(c: Context, error: AppError): Response {
  return c.json(openAIErrorBody(error), statusOf(error.code));
}
