/**
 * Reading a request body into memory with a hard limit: the running count stops the read (and the client)
 * at the limit, so a lying or missing Content-Length cannot make the server buffer more than it allows. With a
 * pace, a body that arrives too slowly or too late is broken off as well.
 */
import { AppError } from '../../ingest/index.js';
import { type BodyPace, watchPace } from './body-pace.js';

function tooLarge(maxBytes: number): AppError {
  const megabytes = (maxBytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return new AppError('too_large', `De upload is groter dan ${megabytes} MB.`);
}

/**
 * The body of `request` as one Uint8Array of at most `maxBytes` bytes, arriving at `pace` when one is given.
 *
 * @throws AppError `too_large` past the limit; `request_timeout` when the body falls behind the pace;
 *   `bad_request` when the client breaks off the upload.
 */
export async function readBodyLimited(request: Request, maxBytes: number, pace?: BodyPace): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  // Cancelling ends the pending read with done, so the loop below sees the watch's failure at once.
  const watch = pace ? watchPace(pace, () => void reader.cancel().catch(() => undefined)) : undefined;
  try {
    const body = await readAll(reader, declared, maxBytes, (count) => watch?.received(count));
    if (watch?.failure) throw watch.failure;
    return body;
  } catch (error) {
    throw watch?.failure ?? error;
  } finally {
    watch?.stop();
  }
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, declared: number, maxBytes: number, received: (count: number) => void): Promise<Uint8Array> {
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
      received(value.length);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'De upload is onderweg afgebroken.', { cause: error });
  }
  return buffer.subarray(0, size);
}
