import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { uploadForm } from '../support/upload.js';

const ADMIN = 'beheer-token-9';
const READER = 'lees-token-9';
const QUESTION = JSON.stringify({ question: 'Hoeveel klachten ontving WIJ Groningen in 2022?' });

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

describe('with READ_TOKEN set', () => {
  let server: GripServer;
  const get = (path: string, headers: Record<string, string> = {}) => server.app.request(path, { headers });
  const ask = (headers: Record<string, string> = {}) => server.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUESTION });

  beforeAll(async () => {
    server = await startGripServer({ listen: false, env: { ADMIN_TOKEN: ADMIN, READ_TOKEN: READER } });
  });
  afterAll(() => server.close());

  it('answers 401 on reading API routes without the read token, and on a wrong one', async () => {
    for (const headers of [{}, bearer('fout'), { authorization: READER }]) {
      for (const response of [await get('/api/documents', headers), await get('/api/documents/001_9e23d01a41b8f33e/file', headers), await ask(headers)]) {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(((await response.json()) as { error: { message: string } }).error.message).toContain('READ_TOKEN');
      }
    }
  });

  it('serves reading routes to the read token and the admin token', async () => {
    for (const token of [READER, ADMIN]) {
      expect((await get('/api/documents', bearer(token))).status).toBe(200);
      expect((await ask(bearer(token))).status).toBe(200);
    }
  });

  it('does not let the read token upload or delete', async () => {
    const upload = await server.app.request('/api/documents', { method: 'POST', headers: bearer(READER), body: uploadForm([{ name: 'a.txt', content: 'Een tekst over de gemeente.' }]) });
    expect(upload.status).toBe(401);
    expect((await server.app.request('/api/documents/001_9e23d01a41b8f33e', { method: 'DELETE', headers: bearer(READER) })).status).toBe(401);
    expect(((await (await get('/api/documents', bearer(READER))).json()) as { documents: unknown[] }).documents).toHaveLength(5);
  });

  it('keeps the web app and /health open, /health without the index figures unless the token comes along', async () => {
    expect((await get('/')).status).toBe(200);
    expect(await (await get('/health')).json()).toEqual({ status: 'ok' });
    expect(await (await get('/health', bearer(READER))).json()).toMatchObject({ status: 'ok', documents: 5 });
  });
});

describe('security headers', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ listen: false, env: { RATE_LIMIT_PER_MINUTE: '1' } });
  });
  afterAll(() => server.close());

  it('are on every kind of response: pages, JSON, files, streams, errors and refusals', async () => {
    const post = (path: string, body: string, type = 'application/json') => server.app.request(path, { method: 'POST', headers: { 'content-type': type }, body });
    const responses: [string, Response][] = [
      ['page', await server.app.request('/')],
      ['json', await server.app.request('/api/documents')],
      ['file', await server.app.request('/api/documents/001_9e23d01a41b8f33e/file')],
      ['stream', await post('/api/chat', QUESTION)],
      ['rate limited', await post('/api/ask', QUESTION)],
      ['api 404', await server.app.request('/api/bestaat-niet')],
      ['page 404', await server.app.request('/bestaat-niet.html')],
      ['too large', await post('/api/onbekend', 'x'.repeat(1_100_000))],
      ['forbidden', await server.app.request('/api/documents/x', { method: 'DELETE' })],
    ];
    expect(responses.map(([, response]) => response.status)).toEqual([200, 200, 200, 200, 429, 404, 404, 413, 403]);
    for (const [kind, response] of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, kind).toContain("frame-ancestors 'none'");
      expect(csp, kind).toMatch(/script-src 'self'(;|$)/);
      expect(csp, kind).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options'), kind).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), kind).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), kind).toBe('DENY');
    }
  });
});
