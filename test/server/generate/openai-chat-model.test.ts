import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { OpenAIChatModel } from '../../../server/answer/generate/openai-chat-model.js';
import { failWith, reply, startFakeChatServer, streamReply, type ChatHandler, type FakeChatServer } from '../../support/fake-chat-server.js';

const servers: FakeChatServer[] = [];

async function server(handler: ChatHandler): Promise<FakeChatServer> {
  const started = await startFakeChatServer(handler);
  servers.push(started);
  return started;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function collect(model: OpenAIChatModel): Promise<string[]> {
  const pieces: string[] = [];
  for await (const chunk of await model.stream([new HumanMessage('Hoeveel?')])) pieces.push(chunk.text);
  return pieces;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('OpenAIChatModel', () => {
  it('posts the messages to /v1/chat/completions with temperature 0 and returns the message', async () => {
    const fake = await server((_request, response) => reply('Er werd 44,35 fte ingezet [1].')(response));
    const model = new OpenAIChatModel({ baseUrl: `${fake.url}/v1/`, model: 'qwen2.5:7b', apiKey: 'sk-test' });
    const message = await model.invoke([new SystemMessage('Regels'), new HumanMessage('Vraag')]);
    expect(message.text).toBe('Er werd 44,35 fte ingezet [1].');
    expect(message.response_metadata).toMatchObject({ finish_reason: 'stop' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/chat/completions', authorization: 'Bearer sk-test',
      body: { model: 'qwen2.5:7b', temperature: 0, stream: false, messages: [{ role: 'system', content: 'Regels' }, { role: 'user', content: 'Vraag' }] },
    });
  });

  it('streams the deltas of an SSE answer in order', async () => {
    const fake = await server((_request, response) => streamReply(['Er werd ', '44,35 fte', ' ingezet [1].'])(response));
    const pieces = await collect(new OpenAIChatModel({ baseUrl: fake.url, model: 'm' }));
    expect(pieces.join('')).toBe('Er werd 44,35 fte ingezet [1].');
    expect(pieces.filter(Boolean)).toEqual(['Er werd ', '44,35 fte', ' ingezet [1].']);
    expect(fake.requests[0]?.body.stream).toBe(true);
  });

  it('reads events split across network chunks and CRLF line ends', async () => {
    const fake = await server((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': keep-alive\r\n\r\ndata: {"choices":[{"delta":{"content":"44,"}}]}\r\n\r\ndata: {"choi');
      setTimeout(() => response.end('ces":[{"delta":{"content":"35"}}]}\r\n\r\ndata: [DONE]\r\n\r\n'), 20);
    });
    expect((await collect(new OpenAIChatModel({ baseUrl: fake.url, model: 'm' }))).join('')).toBe('44,35');
  });

  it('fails a stream that ends before [DONE] as model_failed', async () => {
    const fake = await server((_request, response) => streamReply(['Er werd '], false)(response));
    const error = await rejection(collect(new OpenAIChatModel({ baseUrl: fake.url, model: 'm' })));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect((error as Error).message).toContain('before the answer was complete');
  });

  it('fails a stream with an event that is not JSON, or an error event, as model_failed', async () => {
    for (const event of ['data: {"choices": [\n\n', 'data: {"error": {"message": "model not loaded"}}\n\n']) {
      const fake = await server((_request, response) => response.writeHead(200, { 'content-type': 'text/event-stream' }).end(event));
      expect(isAppError(await rejection(collect(new OpenAIChatModel({ baseUrl: fake.url, model: 'm' }))), 'model_failed')).toBe(true);
    }
  });

  it.each([
    ['no choices', { choices: [] }],
    ['a null content', { choices: [{ message: { role: 'assistant', content: null } }] }],
    ['no message', { id: 'x', object: 'chat.completion' }],
  ])('rejects a whole answer with %s as model_failed', async (_name, body) => {
    const fake = await server((_request, response) => reply(body)(response));
    const error = await rejection(new OpenAIChatModel({ baseUrl: fake.url, model: 'm' }).invoke('Vraag'));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect((error as Error).message).toMatch(/^The chat server at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(model m\) answered without a message/);
  });

  it('retries after a 500', async () => {
    const fake = await server((_request, response, attempt) => (attempt === 1 ? failWith(500) : reply('Goed [1].'))(response));
    expect((await new OpenAIChatModel({ baseUrl: fake.url, model: 'm', retryBaseDelayMs: 10 }).invoke('Vraag')).text).toBe('Goed [1].');
    expect(fake.requests).toHaveLength(2);
  });

  it.each([
    ['a whole answer', (model: OpenAIChatModel) => model.invoke('Vraag').then((message) => message.text), reply('Goed [1].')],
    ['a streamed answer', (model: OpenAIChatModel) => collect(model).then((pieces) => pieces.join('')), streamReply(['Goed ', '[1].'])],
  ])('retries %s after a 429 honouring Retry-After', async (_name, run, answer) => {
    const fake = await server((_request, response, attempt) => (attempt === 1 ? failWith(429, { 'retry-after': '1' }) : answer)(response));
    expect(await run(new OpenAIChatModel({ baseUrl: fake.url, model: 'm', retryBaseDelayMs: 10 }))).toBe('Goed [1].');
    const [first, second] = fake.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up with model_failed after maxRetries', async () => {
    const fake = await server((_request, response) => failWith(503)(response));
    const error = await rejection(new OpenAIChatModel({ baseUrl: fake.url, model: 'm', maxRetries: 1, retryBaseDelayMs: 10 }).invoke('Vraag'));
    expect(isAppError(error, 'model_failed')).toBe(true);
    expect((error as Error).message).toMatch(/The chat server at .* failed 2 times; last: HTTP 503/);
    expect(fake.requests).toHaveLength(2);
  });

  it('times out on a server that never answers, and on a stream that stalls', async () => {
    const silent = await server(() => undefined);
    const error = await rejection(new OpenAIChatModel({ baseUrl: silent.url, model: 'm', timeoutMs: 200 }).invoke('Vraag'));
    expect(isAppError(error, 'timeout')).toBe(true);
    const stalling = await server((_request, response) => response.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: {"choices":[{"delta":{"content":"Er"}}]}\n\n'));
    const stalled = await rejection(collect(new OpenAIChatModel({ baseUrl: stalling.url, model: 'm', timeoutMs: 300 })));
    expect(isAppError(stalled, 'timeout')).toBe(true);
  });
});
