import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../../server/answer/types.js';
import { citationsValid, markersOf } from '../../eval/score.js';
import { reply, startFakeChatServer, type ChatRequest, type FakeChatServer } from '../../support/fake-chat-server.js';
import { startGripServer, type GripServer } from '../../support/grip-server.js';

const QUESTION = 'Hoeveel fte zette WIJ in 2022 in op deelopdrachten?';
const GENERATED = 'In 2022 zette WIJ 44,35 fte in op deelopdrachten [1].';

let chat: FakeChatServer;
let grip: GripServer;
let answerWith: (request: ChatRequest, response: ServerResponse) => void = (_request, response) => reply(GENERATED)(response);

beforeAll(async () => {
  chat = await startFakeChatServer((request, response) => answerWith(request, response));
  // The same settings path as `npm start`: CHAT_* in the environment make createAnswerer build the generator.
  grip = await startGripServer({ env: { CHAT_BASE_URL: chat.url, CHAT_MODEL: 'test-model', CHAT_TIMEOUT_MS: '2000' } });
});
afterAll(async () => {
  await grip.close();
  await chat.close();
});
beforeEach(() => {
  chat.requests.length = 0;
  answerWith = (_request, response) => reply(GENERATED)(response);
});

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${grip.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function ask(question: string): Promise<AskResponse> {
  const response = await post('/api/ask', { question });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

function expectConsistent(body: Pick<AskResponse, 'answer' | 'citations'>): void {
  expect(citationsValid(body.answer, body.citations)).toBe(true);
  expect(new Set(markersOf(body.answer))).toEqual(new Set(body.citations.map((c) => c.n)));
  expect(body.citations.map((c) => c.n)).toEqual(body.citations.map((_c, i) => i + 1));
  for (const citation of body.citations) expect(citation.text).toContain(citation.quote);
}

describe('generation through the app', () => {
  it('reports the answerer on /health', async () => {
    const body = (await (await fetch(`${grip.url}/health`)).json()) as { answerer: string };
    expect(body.answerer).toBe('openai-compatible:test-model');
  });

  it('answers /api/ask with the generated answer, its markers matching its citations', async () => {
    const body = await ask(QUESTION);
    expect(body.status).toBe('answered');
    expect(body.answer).toBe(GENERATED);
    expect(body.citations).toHaveLength(1);
    expect(body.citations[0]!.quote).toContain('44,35 fte');
    expectConsistent(body);
    expect(chat.requests).toHaveLength(1);
    expect(chat.requests[0]!.body.messages[1]!.content).toContain('44,35 fte');
  });

  it('answers /api/ask extractively when the generated answer invents a figure', async () => {
    answerWith = (_request, response) => reply('In 2022 zette WIJ 50 fte in op deelopdrachten [1].')(response);
    const body = await ask(QUESTION);
    expect(body.answer).not.toContain('50 fte');
    expect(body.answer).toContain('“');
    expectConsistent(body);
  });

  it('answers /api/ask extractively when the chat server fails', async () => {
    answerWith = (_request, response) => response.writeHead(400).end('{"error":{"message":"unknown model"}}');
    const body = await ask(QUESTION);
    expect(body.status).toBe('answered');
    expect(body.answer).toContain('44,35 fte');
    expectConsistent(body);
  });

  it('does not ask the model about a question the documents do not answer', async () => {
    const body = await ask('Wie won het WK voetbal in 2022?');
    expect(body.status).toBe('not_found');
    expect(chat.requests).toHaveLength(0);
  });

  it('streams the checked generated answer on /api/chat as deltas, then its citations', async () => {
    const response = await post('/api/chat', { question: QUESTION });
    const events = (await response.text()).split(/\n\n+/).filter((block) => block.trim() !== '').map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n'),
    }));
    expect(events.map((e) => e.event).filter((name, i, all) => name !== all[i - 1])).toEqual(['meta', 'passages', 'delta', 'citations', 'done']);
    const streamed = events.filter((e) => e.event === 'delta').map((e) => (JSON.parse(e.data) as { text: string }).text).join('');
    expect(streamed).toBe(GENERATED);
    const citations = JSON.parse(events.find((e) => e.event === 'citations')!.data) as AskResponse['citations'];
    expectConsistent({ answer: streamed, citations });
  });
});
