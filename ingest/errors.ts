/**
 * The one error type of Grip. Adapters wrap library errors in an AppError with a full-sentence message and
 * the original error as `cause`; the server maps `code` to an HTTP status in one place (server/errors.ts).
 */

/** Every failure Grip can report, as a closed union. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'too_large'
  | 'rate_limited'
  | 'unsupported_file'
  | 'encrypted_pdf'
  | 'corrupt_pdf'
  | 'no_text_layer'
  | 'timeout'
  | 'request_timeout'
  | 'index_missing'
  | 'index_mismatch'
  | 'store_failed'
  | 'model_failed'
  | 'internal';

/** An error with a code from {@link ErrorCode} and a message fit to show a user. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** True when `error` is an AppError, optionally with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** The message of any thrown value, for logs and wrapped errors. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
