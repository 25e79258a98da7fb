/**
 * Reading a request body into memory with a hard limit: the running count stops the read (and the client)
 * at the limit, so a lying or missing Content-Length cannot make the server buffer more than it allows.
 */
import { AppError } from '../../ingest/index.js';

function tooLarge(maxBytes: number): AppError {
  const megabytes = (maxBytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return new AppError('too_large', `De upload is groter dan ${megabytes} MB.`);
}

/**
 * The body of `request` as one Uint8Array of at most `maxBytes` bytes.
 *
 * @throws AppError `too_large` past the limit; `bad_request` when the client breaks off the upload.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  // A declared length sizes the buffer once; without one it grows by doubling, never past the limit.
  let buffer = new Uint8Array(Number.isSafeInteger(declared) && declared > 0 ? declared : 64 * 1024);
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      if (size + value.length > buffer.length) {
        const grown = new Uint8Array(Math.min(maxBytes, Math.max(size + value.length, buffer.length * 2)));
        grown.set(buffer.subarray(0, size));
        buffer = grown;
      }
      buffer.set(value, size);
      size += value.length;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'De upload is onderweg afgebroken.', { cause: error });
  }
  return buffer.subarray(0, size);
}
