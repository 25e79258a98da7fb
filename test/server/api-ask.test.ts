import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/answer/types.js';
import { citationsValid, markersOf } from '../eval/score.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';

let server: GripServer;

beforeAll(async () => {
  server = await startGripServer();
});
afterAll(() => server.close());

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function ask(body: unknown): Promise<AskResponse> {
  const response = await post('/api/ask', body);
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

describe('GET /health', () => {
  it('reports the indexed corpus and the embedder', async () => {
    const body = (await (await fetch(`${server.url}/health`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', documents: 5 });
    expect(body.passages).toBeGreaterThan(100);
    expect(typeof body.embedder).toBe('string');
  });
});

describe('POST /api/ask', () => {
  it('answers with markers that all resolve to citations whose quotes are verbatim in their passages', async () => {
    const body = await ask({ question: 'Hoeveel klachten van inwoners ontving WIJ in 2022?' });
    expect(body.status).toBe('answered');
    expect(body.citations.length).toBeGreaterThan(0);
    expect(citationsValid(body.answer, body.citations)).toBe(true);
    expect(new Set(markersOf(body.answer))).toEqual(new Set(body.citations.map((c) => c.n)));
    for (const citation of body.citations) {
      expect(citation.text).toContain(citation.quote);
      expect(citation).toMatchObject({ documentId: expect.any(String), source: expect.any(String), title: expect.any(String), docType: expect.any(String) });
    }
    expect(body.answer).toContain('82');
  });

  it('returns the retrieved ranking, at least ten passages, best first', async () => {
    const body = await ask({ question: 'Welke speerpunten had de ondernemingsraad van WIJ in 2022?' });
    expect(body.passages.length).toBeGreaterThanOrEqual(10);
    const scores = body.passages.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.query).toMatchObject({ language: 'nl', filters: expect.any(Object), terms: expect.any(Array) });
  });

  it('says the documents do not contain an answer to an off-topic question, offering passages as possibly relevant', async () => {
    const body = await ask({ question: 'Wie won het WK voetbal in 2022?' });
    expect(body.status).toBe('not_found');
    expect(body.answer).toMatch(/niet in de documenten/);
    expect(body.citations).toEqual([]);
    expect(markersOf(body.answer)).toEqual([]);
  });

  it('refuses a question about a year later than the documents speak of', async () => {
    const body = await ask({ question: 'Welke bedragen reserveert WIJ voor het jaar 2040?' });
    expect(body.status).toBe('not_found');
    expect(body.query.rules).toContain('year-not-covered');
  });

  it('answers an English question in English, quoting the Dutch source', async () => {
    const body = await ask({ question: 'How many complaints from residents did WIJ receive in 2022?' });
    expect(body.query.language).toBe('en');
    expect(body.status).toBe('answered');
    expect(body.answer).toMatch(/According to .*\(quoted in Dutch\)/);
    expect(body.citations.some((c) => /klacht/i.test(c.quote))).toBe(true);
  });

  it('gives each figure with its source where the documents disagree', async () => {
    const body = await ask({ question: 'Hoeveel deelopdrachten voert WIJ uit?' });
    expect(body.status).toBe('answered');
    expect(new Set(body.citations.map((c) => c.documentId)).size).toBeGreaterThanOrEqual(2);
    expect(citationsValid(body.answer, body.citations)).toBe(true);
  });

  it('resolves a follow-up question against the earlier turns', async () => {
    const history = [
      { role: 'user', content: 'Hoeveel klachten van inwoners ontving WIJ in 2022?' },
      { role: 'assistant', content: 'In 2022 hebben we 82 klachten van inwoners ontvangen.' },
    ];
    const body = await ask({ question: 'En hoeveel daarvan zijn via bemiddeling opgelost?', history });
    expect(body.query.followUp).toBe(true);
    expect(body.status).toBe('answered');
    expect(body.answer).toContain('39');
  });

  it('applies explicit filters', async () => {
    const body = await ask({ question: 'Wat zijn de frictiekosten?', filters: { docType: ['raadsvoorstel'], yearFrom: 2019, yearTo: 2019 } });
    expect(body.passages.every((p) => p.docType === 'raadsvoorstel')).toBe(true);
  });
});

describe('POST /api/chat', () => {
  it('streams meta, passages, deltas, citations and done, in that order, adding up to the /api/ask answer', async () => {
    const question = { question: 'Wanneer is de klachtenregeling van WIJ vastgesteld?' };
    const response = await post('/api/chat', question);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = parseEvents(await response.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('meta');
    expect(names[1]).toBe('passages');
    expect(names.slice(2, -2).every((n) => n === 'delta')).toBe(true);
    expect(names.slice(-2)).toEqual(['citations', 'done']);
    const streamed = events.filter((e) => e.event === 'delta').map((e) => (JSON.parse(e.data) as { text: string }).text).join('');
    const asked = await ask(question);
    expect(streamed).toBe(asked.answer);
  });

  it('rejects an invalid request before the stream starts', async () => {
    const response = await post('/api/chat', { question: '' });
    expect(response.status).toBe(400);
  });
});

describe('POST /api/search', () => {
  it('returns ranked passages with their metadata', async () => {
    const response = await post('/api/search', { question: 'klachtenregeling', k: 5 });
    const body = (await response.json()) as { passages: { passageId: string; score: number }[] };
    expect(body.passages).toHaveLength(5);
  });
});

describe('request errors', () => {
  const cases: [string, unknown][] = [
    ['an empty question', { question: '   ' }],
    ['an over-long question', { question: 'x'.repeat(2001) }],
    ['a missing question', {}],
    ['malformed history', { question: 'Wat?', history: [{ role: 'system', content: 'x' }] }],
    ['history that is not a list', { question: 'Wat?', history: 'eerder' }],
    ['malformed filters', { question: 'Wat?', filters: { yearFrom: 'vorig jaar' } }],
    ['an injection-shaped filter value', { question: 'Wat?', filters: { docType: ["x' OR 1=1 --"] } }],
    ['unknown fields', { question: 'Wat?', drop: 'table' }],
  ];
  it.each(cases)('answers 400 with an error code and message for %s', async (_, body) => {
    const response = await post('/api/ask', body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('bad_request');
    expect(error.error.message.length).toBeGreaterThan(10);
  });

  it('answers 400 for malformed JSON', async () => {
    expect((await post('/api/ask', '{"question": ')).status).toBe(400);
  });

  it('answers 404 for unknown documents, passages and routes', async () => {
    for (const path of ['/api/documents/onbekend', '/api/documents/onbekend/text', '/api/passages/onbekend:123', '/api/bestaat-niet']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });
});

// Last: the server answers 413 before reading the whole body and then closes that connection.
describe('body limit', () => {
  it('answers 413 for a body over the limit', async () => {
    const response = await post('/api/ask', { question: 'Wat?', history: [{ role: 'user', content: 'x'.repeat(1_100_000) }] });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });
});

function parseEvents(text: string): { event: string; data: string }[] {
  return text
    .split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n'),
    }));
}
