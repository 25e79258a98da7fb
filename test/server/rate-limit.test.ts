import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';

const TOKEN = 'beheer-token-8';

interface Reply {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

/** A request from a given loopback address: every 127.x.y.z is this machine, and a different client to the server. */
function from(client: string, server: GripServer, method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${server.url}${path}`, { method, localAddress: client, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const QUESTION = JSON.stringify({ question: 'Hoeveel klachten ontving WIJ Groningen in 2022?' });

describe('rate limits per client', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '4' } });
  });
  afterAll(() => server.close());

  it('answer 429 with Retry-After in seconds once a client has used its minute, across ask, chat, search and locate', async () => {
    const client = '127.0.0.2';
    const replies = [
      await from(client, server, 'POST', '/api/ask', QUESTION),
      await from(client, server, 'POST', '/api/chat', QUESTION),
      await from(client, server, 'POST', '/api/search', QUESTION),
      await from(client, server, 'POST', '/api/locate', JSON.stringify({ text: 'klachten van inwoners' })),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const refused = await from(client, server, 'POST', '/api/ask', QUESTION);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toMatch(/^[1-9]\d*$/);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('seconden opnieuw') } });
  });

  it('keep other clients, reading routes and the upload bucket apart', async () => {
    expect((await from('127.0.0.2', server, 'POST', '/api/search', QUESTION)).status).toBe(429);
    expect((await from('127.0.0.3', server, 'POST', '/api/ask', QUESTION)).status).toBe(200);
    expect((await from('127.0.0.2', server, 'GET', '/api/documents')).status).toBe(200);
    expect((await from('127.0.0.2', server, 'GET', '/health')).status).toBe(200);
    const deleteMissing = await from('127.0.0.2', server, 'DELETE', '/api/documents/bestaat-niet', '', { authorization: `Bearer ${TOKEN}` });
    expect(deleteMissing.status).toBe(404);
  });

  it('throttle guessing the admin token too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await from('127.0.0.4', server, 'DELETE', '/api/documents/x', '', { authorization: `Bearer gok-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('RATE_LIMIT_PER_MINUTE=0', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ listen: false, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => server.close());

  it('turns the limits off', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const response = await server.app.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUESTION });
      statuses.add(response.status);
    }
    expect([...statuses]).toEqual([200]);
  });
});
