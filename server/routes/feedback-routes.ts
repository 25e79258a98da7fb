/**
 * Feedback on answers: POST /api/feedback for readers (read access, rate limited like questions), and for
 * admins GET /api/feedback (the list, newest first), GET /api/feedback/export (eval-format JSONL) and
 * DELETE /api/feedback/:id. The API guard checks tokens and limits before these run.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../ingest/index.js';
import { toEvalJsonl } from '../feedback/eval-line.js';
import { feedbackSchema, toFeedbackRecord } from '../feedback/feedback-schema.js';
import type { FeedbackQuery } from '../feedback/feedback-store.js';
import type { AppEnv } from './app-env.js';
import { readJson } from './validate.js';

/** Most records one list request returns. */
export const MAX_FEEDBACK_LIST = 1000;

const listQuery = z
  .object({
    rating: z.enum(['up', 'down']).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_FEEDBACK_LIST).optional(),
  })
  .strict();

function queryOf(c: Context<AppEnv>): FeedbackQuery {
  const parsed = listQuery.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `Ongeldige zoekparameters — ${issue?.path.join('.') || 'onbekend veld'}: ${issue?.message ?? 'onbekende fout'}.`);
  }
  return { ...(parsed.data.rating ? { rating: parsed.data.rating } : {}), ...(parsed.data.limit ? { limit: parsed.data.limit } : {}) };
}

/** The feedback routes. */
export function feedbackRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/feedback', async (c) => {
    const record = toFeedbackRecord(await readJson(c, feedbackSchema), randomUUID(), new Date().toISOString());
    await c.get('deps').feedback.add(record);
    return c.json({ id: record.id, createdAt: record.createdAt }, 201);
  });
  routes.get('/feedback', async (c) => {
    const query = queryOf(c);
    const { records, total } = await c.get('deps').feedback.list({ limit: MAX_FEEDBACK_LIST, ...query });
    return c.json({ feedback: records, total });
  });
  routes.get('/feedback/export', async (c) => {
    const { limit: _ignored, ...query } = queryOf(c);
    const { records } = await c.get('deps').feedback.list(query);
    const name = `grip-feedback-${new Date().toISOString().slice(0, 10)}.jsonl`;
    return c.body(toEvalJsonl(records), 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` });
  });
  routes.delete('/feedback/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/.test(id) || !(await c.get('deps').feedback.remove(id))) throw new AppError('not_found', `Er is geen feedback met id "${id.slice(0, 60)}".`);
    return c.json({ removed: id });
  });
  return routes;
}
