/**
 * Reading and validating a JSON body: malformed JSON, wrong shapes and oversize values become a 400 with a
 * message that names the field, never a 500.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../ingest/index.js';

/** Parses the request body as JSON and validates it; throws `bad_request` with a readable message. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError('bad_request', 'Stuur de vraag als JSON (Content-Type: application/json).');
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    throw new AppError('bad_request', 'De body is geen geldige JSON.', { cause: error });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AppError('bad_request', `Ongeldig verzoek — ${where}${issue?.message ?? 'onbekende fout'}.`);
  }
  return parsed.data;
}
