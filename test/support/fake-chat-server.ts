/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions protocol — whole answers and SSE streams —
 * scripted per test, and records every request it receives. It stands in for a remote model, the one thing that
 * cannot run here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake server received it. */
export interface ChatRequest {
  at: number;
  path: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; temperature: number; stream?: boolean; [key: string]: unknown };
}

/** Answers one request; `attempt` counts requests from 1. */
export type ChatHandler = (request: ChatRequest, response: ServerResponse, attempt: number) => void;

/** A running fake chat server. */
export interface FakeChatServer {
  url: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

/** Starts a fake chat server that answers as `handler` says. */
export async function startFakeChatServer(handler: ChatHandler): Promise<FakeChatServer> {
  const requests: ChatRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ChatRequest = {
        at: performance.now(), path: incoming.url ?? '', authorization: incoming.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest['body'],
      };
      requests.push(request);
      handler(request, response, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A whole completion with `content`, as OpenAI shapes it. */
export function completion(content: string, finishReason = 'stop'): Record<string, unknown> {
  return {
    id: 'chatcmpl-test', object: 'chat.completion', created: 1_700_000_000, model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

/** Answers with a whole completion (or any JSON body). */
export function reply(content: string | Record<string, unknown>): (response: ServerResponse) => void {
  const body = typeof content === 'string' ? completion(content) : content;
  return (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Streams `pieces` as SSE deltas, then a finish chunk and `data: [DONE]` unless `complete` is false. */
export function streamReply(pieces: string[], complete = true): (response: ServerResponse) => void {
  return (response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', model: 'test-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    response.write(chunk({ role: 'assistant', content: '' }, null));
    for (const piece of pieces) response.write(chunk({ content: piece }, null));
    if (!complete) return void response.end();
    response.write(chunk({}, 'stop'));
    response.end('data: [DONE]\n\n');
  };
}

/** Fails with an HTTP status and optional headers. */
export function failWith(status: number, headers: Record<string, string> = {}): (response: ServerResponse) => void {
  return (response) => response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ error: { message: 'busy' } }));
}
