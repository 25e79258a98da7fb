/**
 * The AppError a promise rejects with, for tests of the error codes; anything else (a resolve, another error)
 * fails the test.
 */
import { AppError } from '../../ingest/errors.js';

export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
