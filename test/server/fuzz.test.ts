import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { rawRequest, type RawResponse } from '../support/raw-http.js';
import { malformedRequests, type FuzzRequest } from './fuzz/malformed-requests.js';

const TOKEN = 'beheer-token-6';
const SEED = 20_261_123;
const COUNT = 1000;
const PARALLEL = 8;

async function sendAll(port: number, requests: FuzzRequest[]): Promise<{ request: FuzzRequest; response: RawResponse }[]> {
  const results: { request: FuzzRequest; response: RawResponse }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as FuzzRequest;
      results.push({ request, response: await rawRequest(port, request.head, request.body, 30_000) });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

describe('1,000 malformed requests', () => {
  let server: GripServer;
  let results: { request: FuzzRequest; response: RawResponse }[];

  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN, MAX_UPLOAD_MB: '2' } });
    results = await sendAll(Number(new URL(server.url).port), malformedRequests(SEED, COUNT, TOKEN));
  }, 180_000);
  afterAll(() => server.close());

  it('are generated deterministically, across every method, questions, reads, uploads and broken framing', () => {
    const again = malformedRequests(SEED, COUNT, TOKEN);
    expect(again.map((r) => r.head)).toEqual(malformedRequests(SEED, COUNT, TOKEN).map((r) => r.head));
    const methods = new Set(again.map((r) => r.head.split(' ')[0]));
    expect([...methods]).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']));
    expect(new Set(again.map((r) => r.label))).toEqual(new Set(['route', 'question', 'read', 'multipart', 'broken']));
  });

  it('get an answer to each, and not one of them is a 5xx', () => {
    expect(results).toHaveLength(COUNT);
    const failures = results
      .filter(({ response }) => response.status >= 500 || response.status === 0)
      .map(({ request, response }) => `${response.status} ${request.head.split('\r\n')[0]?.slice(0, 120)} ← ${response.text.slice(0, 200)}`);
    expect(failures).toEqual([]);
  });

  it('mostly get a client error rather than being served', () => {
    const clientErrors = results.filter(({ response }) => response.status >= 400 && response.status < 500).length;
    expect(clientErrors).toBeGreaterThan(COUNT / 2);
  });

  it('leave the server healthy and answering questions', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Hoeveel klachten ontving WIJ Groningen in 2022?' }) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { answer: string }).answer).toContain('82 klachten');
    const documents = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: unknown[] };
    expect(documents.documents).toHaveLength(5);
  });
});
