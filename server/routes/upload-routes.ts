/**
 * POST /api/documents (multipart upload, one outcome per file) and DELETE /api/documents/:id. Access (admin
 * token) and rate limits are checked by the API guard before these run; the body limit here stops an
 * oversize upload at its Content-Length or at the byte that crosses the limit.
 */
import type { Context, Next } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, isAppError, isDocumentId } from '../../ingest/index.js';
import { readUploadForm } from '../upload/upload-form.js';
import type { AppEnv } from './app-env.js';

/** Uploads being read, queued or ingested at once; more wait outside rather than hold their bodies in memory. */
export const MAX_CONCURRENT_UPLOADS = 4;

// Room for the multipart framing and metadata fields on top of MAX_UPLOAD_MB of files.
const FORM_OVERHEAD_BYTES = 64 * 1024;

function maxBytes(c: Context<AppEnv>): number {
  return c.get('deps').settings.MAX_UPLOAD_MB * 1024 * 1024 + FORM_OVERHEAD_BYTES;
}

/** The form of an upload, read within the size limit and at the settings' pace. */
async function readForm(c: Context<AppEnv>) {
  const { settings } = c.get('deps');
  const pace = { timeoutMs: settings.UPLOAD_BODY_TIMEOUT_MS, minBytesPerSecond: settings.UPLOAD_MIN_BYTES_PER_SECOND };
  try {
    return await readUploadForm(c.req.raw, { maxBytes: maxBytes(c), pace });
  } catch (error) {
    // The unread rest of a broken-off body makes the connection unusable: close it with the answer.
    if (isAppError(error, 'request_timeout') || isAppError(error, 'too_large')) c.header('Connection', 'close');
    throw error;
  }
}

/** The upload and delete routes. */
export function uploadRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  let inFlight = 0;
  const oneOfFew = async (c: Context<AppEnv>, next: Next) => {
    if (inFlight >= MAX_CONCURRENT_UPLOADS) {
      c.header('Retry-After', '30');
      throw new AppError('rate_limited', `Er worden al ${MAX_CONCURRENT_UPLOADS} uploads verwerkt; probeer het over een halve minuut opnieuw.`);
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
  const limitBody = (c: Context<AppEnv>, next: Next) =>
    bodyLimit({
      maxSize: maxBytes(c),
      onError: () => {
        throw new AppError('too_large', `De upload is groter dan ${c.get('deps').settings.MAX_UPLOAD_MB} MB.`);
      },
    })(c, next);
  routes.post('/documents', oneOfFew, limitBody, async (c) => {
    const inputs = await readForm(c);
    const summary = await c.get('deps').documents.add(inputs);
    return c.json({ files: summary.files, documents: summary.documents, passages: summary.passages, changed: summary.changed });
  });
  routes.delete('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const notFound = new AppError('not_found', `Er is geen document met id "${id.slice(0, 120)}".`);
    if (!isDocumentId(id)) throw notFound;
    const result = await c.get('deps').documents.remove(id);
    if (result.removed.length === 0) throw notFound;
    return c.json({ removed: result.removed, documents: result.documents, passages: result.passages });
  });
  return routes;
}
