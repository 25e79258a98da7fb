/**
 * The feedback API on a real server: readers post 👍/👎 with reasons about a real answer, admins list, export and
 * delete it, bad input is refused without storing anything, posting counts against the questions' rate limit,
 * and feedback outlives a new index generation and a restart.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalLine } from '../../server/feedback/eval-line.js';
import type { FeedbackRecord } from '../../server/feedback/feedback-schema.js';
import { openFeedbackStore } from '../../server/feedback/feedback-store.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { uploadOk } from '../support/upload.js';

const ADMIN = 'beheer-feedback-1';
const READER = 'lezer-feedback-1';
const FIETSENPLAN = new URL('./fixtures/fietsenplan-zuiderpark.md', import.meta.url).pathname;
const QUESTION = 'Hoeveel plaatsen voor bakfietsen komen er in de stalling bij het Zuiderpark?';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: GripServer;
beforeAll(async () => {
  server = await startGripServer({ extraFiles: [FIETSENPLAN], env: { ADMIN_TOKEN: ADMIN, READ_TOKEN: READER, RATE_LIMIT_PER_MINUTE: '6' } });
});
afterAll(() => server?.close());

/** A request from a loopback address of its own, so each test has its own rate-limit bucket. */
function call(client: string, method: string, path: string, token: string | null, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  return new Promise((resolve, reject) => {
    const outgoing = request(`${server.url}${path}`, { method, localAddress: client, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  });
}

/** A feedback body about a real answer to `question`, asked from `client`. */
async function aboutAnswer(client: string, question: string, extra: Record<string, unknown> = {}) {
  const asked = await call(client, 'POST', '/api/ask', READER, { question });
  expect(asked.status).toBe(200);
  const answer = JSON.parse(asked.body) as { status: 'answered' | 'not_found'; answer: string; query: { language: 'nl' | 'en' }; passages: { passageId: string }[]; citations: { n: number; passageId: string; documentId: string; source: string; quote: string }[] };
  return {
    question,
    filters: { yearFrom: 2024 },
    language: answer.query.language,
    status: answer.status,
    answer: answer.answer,
    passageIds: answer.passages.map((p) => p.passageId),
    citations: answer.citations.map(({ n, passageId, documentId, source, quote }) => ({ n, passageId, documentId, source, quote })),
    ...extra,
  };
}

async function listAll(client: string, query = ''): Promise<{ feedback: FeedbackRecord[]; total: number }> {
  const reply = await call(client, 'GET', `/api/feedback${query}`, ADMIN);
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body) as { feedback: FeedbackRecord[]; total: number };
}

describe('POST /api/feedback', () => {
  it('stores a 👎 with its reasons, remark, question, history, filters, ranked passages and answer, listed for admins', async () => {
    const history = [{ role: 'user', content: 'Wat staat er in het fietsenplan?' }, { role: 'assistant', content: 'Een uitbreiding van de stalling [1]' }];
    const body = await aboutAnswer('127.0.0.11', QUESTION, { rating: 'down', reasons: ['wrong_source', 'wrong_amount', 'wrong_source'], comment: '  Het moeten er 150 zijn.  ', history });
    const posted = await call('127.0.0.11', 'POST', '/api/feedback', READER, body);
    expect(posted.status).toBe(201);
    const { id, createdAt } = JSON.parse(posted.body) as { id: string; createdAt: string };
    expect(Number.isNaN(Date.parse(createdAt))).toBe(false);
    const stored = (await listAll('127.0.0.11')).feedback.find((record) => record.id === id);
    expect(stored).toEqual({ ...body, id, createdAt, reasons: ['wrong_amount', 'wrong_source'], comment: 'Het moeten er 150 zijn.', history });
    expect(stored?.passageIds.length).toBeGreaterThan(0);
  });

  it('lists newest first and filters on the rating', async () => {
    const up = await call('127.0.0.12', 'POST', '/api/feedback', READER, await aboutAnswer('127.0.0.12', QUESTION, { rating: 'up' }));
    expect(up.status).toBe(201);
    const all = await listAll('127.0.0.12');
    const times = all.feedback.map((record) => record.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.total).toBe(all.feedback.length);
    const downs = await listAll('127.0.0.12', '?rating=down');
    expect(downs.feedback.length).toBeGreaterThan(0);
    expect(downs.feedback.every((record) => record.rating === 'down')).toBe(true);
    expect((await listAll('127.0.0.12', '?limit=1')).feedback).toHaveLength(1);
    expect((await call('127.0.0.12', 'GET', '/api/feedback?rating=sideways', ADMIN)).status).toBe(400);
  });

  it('refuses bad feedback with a 400 that names the field, and stores none of it', async () => {
    const before = (await listAll('127.0.0.13')).total;
    const good = { rating: 'down', question: 'Klopt dit?', status: 'answered', answer: 'Ja [1]', passageIds: [], citations: [] };
    const bad: [unknown, RegExp][] = [
      [{ ...good, rating: 'up', reasons: ['wrong_amount'] }, /reasons/],
      [{ ...good, reasons: ['te_lang'] }, /reasons/],
      [{ ...good, comment: 'x'.repeat(2001) }, /comment/],
      [{ ...good, question: '   ' }, /question/],
      [{ ...good, secret: 1 }, /secret|onbekend|Unrecognized/i],
      [{ ...good, passageIds: Array.from({ length: 51 }, (_, i) => `p${i}`) }, /passageIds/],
      ['{"rating": "down",', /geen geldige JSON/],
    ];
    for (const [index, [body, message]] of bad.entries()) {
      // More bad posts than the minute's limit: each from an address of its own.
      const reply = await call(`127.0.1.${index + 1}`, 'POST', '/api/feedback', READER, body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(JSON.parse(reply.body).error.message).toMatch(message);
    }
    expect((await listAll('127.0.0.13')).total).toBe(before);
  });

  it('needs read access to post, and the admin token to list, export or delete', async () => {
    const body = { rating: 'up', question: 'Klopt dit?', status: 'answered', answer: 'Ja [1]', passageIds: [], citations: [] };
    expect((await call('127.0.0.14', 'POST', '/api/feedback', null, body)).status).toBe(401);
    expect((await call('127.0.0.14', 'POST', '/api/feedback', 'fout', body)).status).toBe(401);
    expect((await call('127.0.0.14', 'POST', '/api/feedback', ADMIN, body)).status).toBe(201);
    for (const [method, path] of [['GET', '/api/feedback'], ['GET', '/api/feedback/export'], ['DELETE', '/api/feedback/00000000-0000-0000-0000-000000000000']]) {
      for (const token of [null, READER]) {
        const reply = await call('127.0.0.14', method as string, path as string, token);
        expect(reply.status, `${method} ${path} with ${token}`).toBe(401);
        expect(reply.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    }
  });

  it('counts against the same per-client limit as questions', async () => {
    const body = await aboutAnswer('127.0.0.15', QUESTION, { rating: 'up' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await call('127.0.0.15', 'POST', '/api/feedback', READER, body)).status);
    // One question and five feedback posts fill the minute's six; the sixth post is refused.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await call('127.0.0.15', 'POST', '/api/ask', READER, { question: QUESTION })).status).toBe(429);
  });
});

describe('GET /api/feedback/export', () => {
  it('gives one eval-format question per line: a 👍 with its evidence, a 👎 for the griffie to complete, follow-ups with context', async () => {
    const history = [{ role: 'user', content: 'Wat staat er in het fietsenplan?' }, { role: 'assistant', content: 'Een uitbreiding [1]' }];
    const up = await aboutAnswer('127.0.0.16', QUESTION, { rating: 'up' });
    await call('127.0.0.16', 'POST', '/api/feedback', READER, up);
    await call('127.0.0.16', 'POST', '/api/feedback', READER, { ...up, rating: 'down', reasons: ['should_refuse'], history });
    const reply = await call('127.0.0.16', 'GET', '/api/feedback/export', ADMIN);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(reply.headers['content-disposition']).toMatch(/attachment; filename="grip-feedback-\d{4}-\d{2}-\d{2}\.jsonl"/);
    const lines = reply.body.trimEnd().split('\n').map((line) => JSON.parse(line) as EvalLine);
    for (const line of lines) {
      expect(Object.keys(line).filter((key) => key !== 'context').sort()).toEqual(['answer', 'evidence', 'id', 'lang', 'notes', 'question', 'type']);
    }
    expect(new Set(lines.map((line) => line.id)).size).toBe(lines.length);
    const approved = lines.find((line) => line.notes.startsWith('Feedback 👍') && line.question === QUESTION && !line.context);
    expect(approved?.evidence.length).toBeGreaterThan(0);
    expect(approved?.evidence.every((e) => e.file === 'fietsenplan-zuiderpark.md')).toBe(true);
    expect(approved?.answer).not.toMatch(/\[\d+\]/);
    const refusal = lines.find((line) => line.type === 'unanswerable' && line.context);
    expect(refusal).toMatchObject({ answer: 'Dit staat niet in de documenten.', evidence: [], context: history });
    expect(refusal?.notes).toContain('had moeten weigeren');
    const downs = (await call('127.0.0.16', 'GET', '/api/feedback/export?rating=down', ADMIN)).body.trimEnd().split('\n');
    expect(downs.every((line) => (JSON.parse(line) as EvalLine).notes.startsWith('Feedback 👎'))).toBe(true);
  });
});

describe('keeping feedback', () => {
  it('outlives a new index generation and a restart on the same FEEDBACK_DIR, and deletes one record on request', async () => {
    const posted = await call('127.0.0.17', 'POST', '/api/feedback', READER, await aboutAnswer('127.0.0.17', QUESTION, { rating: 'down', reasons: ['missing_document'] }));
    const { id } = JSON.parse(posted.body) as { id: string };
    const before = (await listAll('127.0.0.17')).feedback;
    const changed = await uploadOk(server.url, ADMIN, [{ name: 'stallingsnotitie.md', content: '# Notitie stalling\n\nDe stalling aan de Parklaan blijft tot 2026 open voor alle fietsers die er hun fiets kwijt willen.\n' }]);
    expect(changed.changed).toBe(true);
    expect((await listAll('127.0.0.17')).feedback).toEqual(before);
    // A second server process opens the same folder, as after a restart.
    const reopened = await openFeedbackStore(join(server.indexDir, '..', 'feedback'));
    expect((await reopened.list()).records).toEqual(before);
    expect((await call('127.0.0.17', 'DELETE', `/api/feedback/${id}`, ADMIN)).status).toBe(200);
    expect((await listAll('127.0.0.17')).feedback.map((record) => record.id)).not.toContain(id);
    expect((await call('127.0.0.17', 'DELETE', `/api/feedback/${id}`, ADMIN)).status).toBe(404);
    expect((await call('127.0.0.17', 'DELETE', '/api/feedback/not-an-id', ADMIN)).status).toBe(404);
  });
});
