/**
 * Guessing tokens is throttled on every route that checks one, /health included: after a handful of wrong
 * tokens a client gets 429 for any request that carries a token — the right one too, so the answers no longer
 * tell a right guess from a wrong one — while requests without a token and other clients carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';

const ADMIN = 'beheer-token-w1';
const READER = 'lees-token-w1';
const FAILURES_PER_MINUTE = 5;

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function guesses(server: GripServer, path: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let guess = 0; guess < count; guess++) statuses.push((await fetch(`${server.url}${path}`, { headers: bearer(`fout-${guess}`) })).status);
  return statuses;
}

describe('failed authentication', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: ADMIN, READ_TOKEN: READER, AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE) } });
  });
  afterAll(() => server.close());

  it('is throttled on /health: wrong tokens count, and then the right token gets the same 429', async () => {
    const statuses = await guesses(server, '/health', 40);
    expect(statuses.slice(0, FAILURES_PER_MINUTE)).toEqual(Array(FAILURES_PER_MINUTE).fill(200));
    // The budget refills by one guess every 60 / FAILURES_PER_MINUTE seconds; a very slow run may see one more 200.
    expect(statuses.slice(FAILURES_PER_MINUTE + 1).filter((status) => status === 429).length).toBeGreaterThanOrEqual(40 - FAILURES_PER_MINUTE - 3);
    const right = await fetch(`${server.url}/health`, { headers: bearer(READER) });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await right.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('keeps /health and the web app open to requests without a token while a guesser is throttled', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('blocks the read API, /v1 and /mcp for the throttled client, whatever token it sends', async () => {
    for (const token of ['nog-een-gok', READER, ADMIN]) {
      expect((await fetch(`${server.url}/api/documents`, { headers: bearer(token) })).status, token).toBe(429);
      expect((await fetch(`${server.url}/v1/models`, { headers: bearer(token) })).status, token).toBe(429);
      expect((await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{}' })).status, token).toBe(429);
    }
  });
});

describe('failed authentication on the API', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: ADMIN, READ_TOKEN: READER, AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE) } });
  });
  afterAll(() => server.close());

  it('answers 401 to the first wrong read tokens and 429 after that, on read and admin routes alike', async () => {
    const statuses = await guesses(server, '/api/documents', FAILURES_PER_MINUTE);
    expect(statuses).toEqual(Array(FAILURES_PER_MINUTE).fill(401));
    const admin = await fetch(`${server.url}/api/documents/001_9e23d01a41b8f33e`, { method: 'DELETE', headers: bearer('fout') });
    expect([401, 429]).toContain(admin.status);
    expect((await guesses(server, '/api/documents', 20)).filter((status) => status === 429).length).toBeGreaterThanOrEqual(19);
  });

  it('is not counted for a request without any token, nor for the right token before the limit', async () => {
    const fresh = await startGripServer({ env: { ADMIN_TOKEN: ADMIN, READ_TOKEN: READER, AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE) } });
    try {
      for (let request = 0; request < 20; request++) {
        expect((await fetch(`${fresh.url}/api/documents`)).status).toBe(401);
        expect((await fetch(`${fresh.url}/api/documents`, { headers: bearer(READER) })).status).toBe(200);
      }
    } finally {
      await fresh.close();
    }
  });
});
