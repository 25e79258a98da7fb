import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { OpenAIEmbeddings } from '../../../ingest/embed/openai-embeddings.js';

interface RecordedRequest {
  at: number;
  path: string;
  authorization: string | undefined;
  body: { model: string; input: string[]; encoding_format: string };
}

type Handler = (request: RecordedRequest, response: ServerResponse, attempt: number) => void;

const servers: { close(): Promise<void> }[] = [];

/** A real HTTP server on 127.0.0.1 that speaks the embeddings protocol as `handler` says. */
async function startServer(handler: Handler): Promise<{ url: string; requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: RecordedRequest = {
        at: performance.now(), path: incoming.url ?? '', authorization: incoming.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'],
      };
      requests.push(request);
      handler(request, response, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** Answers like a real server: one vector per input ([position in batch, length of text]), listed in reverse. */
function answer(request: RecordedRequest, response: ServerResponse): void {
  const data = request.body.input.map((text, index) => ({ object: 'embedding', index, embedding: [index, text.length] })).reverse();
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: request.body.model }));
}

function fail(status: number, headers: Record<string, string> = {}): (response: ServerResponse) => void {
  return (response) => response.writeHead(status, headers).end(JSON.stringify({ error: { message: 'busy' } }));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('OpenAIEmbeddings', () => {
  it('splits 150 inputs into 3 requests and returns the vectors in input order', async () => {
    const server = await startServer(answer);
    const embeddings = new OpenAIEmbeddings({ baseUrl: server.url, model: 'nomic-embed-text' });
    const texts = Array.from({ length: 150 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await embeddings.embedDocuments(texts);
    expect(server.requests.map((request) => request.body.input.length)).toEqual([64, 64, 22]);
    expect(server.requests[0]).toMatchObject({ path: '/v1/embeddings', body: { model: 'nomic-embed-text', encoding_format: 'float' } });
    expect(vectors.map((vector) => vector[1])).toEqual(texts.map((text) => text.length));
  });

  it('sends the API key as a Bearer token, and no authorization without one', async () => {
    const server = await startServer(answer);
    await new OpenAIEmbeddings({ baseUrl: `${server.url}/v1/`, model: 'm', apiKey: 'sk-test-123' }).embedQuery('a');
    await new OpenAIEmbeddings({ baseUrl: server.url, model: 'm' }).embedQuery('a');
    expect(server.requests.map((request) => [request.path, request.authorization])).toEqual([
      ['/v1/embeddings', 'Bearer sk-test-123'],
      ['/v1/embeddings', undefined],
    ]);
  });

  it('retries after a 500', async () => {
    const server = await startServer((request, response, attempt) => (attempt === 1 ? fail(500)(response) : answer(request, response)));
    const embeddings = new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', retryBaseDelayMs: 10 });
    expect(await embeddings.embedQuery('hallo')).toEqual([0, 5]);
    expect(server.requests).toHaveLength(2);
  });

  it('retries after a 429 honouring Retry-After', async () => {
    const server = await startServer((request, response, attempt) => (attempt === 1 ? fail(429, { 'retry-after': '1' })(response) : answer(request, response)));
    const embeddings = new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', retryBaseDelayMs: 10 });
    await embeddings.embedQuery('hallo');
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries after a dropped connection', async () => {
    const server = await startServer((request, response, attempt) => (attempt === 1 ? response.socket?.destroy() : answer(request, response)));
    const embeddings = new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', retryBaseDelayMs: 10 });
    expect(await embeddings.embedQuery('hallo')).toEqual([0, 5]);
  });

  it('gives up with model_failed after maxRetries', async () => {
    const server = await startServer((_request, response) => fail(503)(response));
    const embeddings = new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', maxRetries: 2, retryBaseDelayMs: 10 });
    const error = await rejection(embeddings.embedQuery('hallo'));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect((error as Error).message).toMatch(/failed 3 times; last: HTTP 503/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a request the server refuses', async () => {
    const server = await startServer((_request, response) => fail(401)(response));
    const error = await rejection(new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', retryBaseDelayMs: 10 }).embedQuery('a'));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('times out on a server that never answers', async () => {
    const server = await startServer(() => undefined);
    const started = performance.now();
    const error = await rejection(new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', timeoutMs: 200 }).embedQuery('a'));
    expect(isAppError(error, 'timeout')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['too few vectors', (request: RecordedRequest) => ({ data: [{ index: 0, embedding: [1, 2] }].slice(0, request.body.input.length - 1) })],
    ['a duplicated index', () => ({ data: [{ index: 0, embedding: [1, 2] }, { index: 0, embedding: [3, 4] }] })],
    ['vectors of different lengths', () => ({ data: [{ index: 0, embedding: [1, 2] }, { index: 1, embedding: [3] }] })],
    ['no data list', () => ({ embeddings: [[1, 2], [3, 4]] })],
    ['strings for numbers', () => ({ data: [{ index: 0, embedding: ['1', '2'] }, { index: 1, embedding: ['3', '4'] }] })],
  ])('rejects a response with %s as model_failed', async (_name, body) => {
    const server = await startServer((request, response) => response.writeHead(200).end(JSON.stringify(body(request))));
    const error = await rejection(new OpenAIEmbeddings({ baseUrl: server.url, model: 'm' }).embedDocuments(['a', 'b']));
    expect(isAppError(error, 'model_failed')).toBe(true);
  });

  it('rejects a body that is not JSON as model_failed', async () => {
    const server = await startServer((_request, response) => response.writeHead(200).end('<html>proxy error</html>'));
    const error = await rejection(new OpenAIEmbeddings({ baseUrl: server.url, model: 'm' }).embedQuery('a'));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect((error as Error).message).toContain('not JSON');
  });

  it('rejects vectors of another length than configured', async () => {
    const server = await startServer(answer);
    const error = await rejection(new OpenAIEmbeddings({ baseUrl: server.url, model: 'm', dimensions: 768 }).embedQuery('a'));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect((error as Error).message).toContain('a vector of 2 numbers where 768 were expected');
  });

  it('describes itself with the dimensions seen in the first response', async () => {
    const server = await startServer(answer);
    const embeddings = new OpenAIEmbeddings({ baseUrl: server.url, model: 'bge-m3' });
    expect(embeddings.describe()).toEqual({ kind: 'openai', model: 'bge-m3', dimensions: 0 });
    await embeddings.embedQuery('a');
    expect(embeddings.describe()).toEqual({ kind: 'openai', model: 'bge-m3', dimensions: 2 });
  });
});
