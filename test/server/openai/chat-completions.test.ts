import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../../server/answer/types.js';
import { passageUrl } from '../../../server/markdown/answer-markdown.js';
import type { GripExtra } from '../../../server/openai/completion.js';
import { citationsValid, markersOf } from '../../eval/score.js';
import { startGripServer, type GripServer } from '../../support/grip-server.js';

const READER = 'lees-sleutel-10';
const ANSWERED = 'Hoe hoog was het ziekteverzuimpercentage van WIJ in 2022?';
const OFF_TOPIC = 'Wie won de Tour de France in 2019?';

type GripCompletion = ChatCompletion & { grip: GripExtra };
type GripChunk = ChatCompletionChunk & { grip?: GripExtra };

let server: GripServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startGripServer({ env: { READ_TOKEN: READER } });
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: READER, maxRetries: 0 });
});
afterAll(() => server.close());

async function apiAsk(body: unknown): Promise<AskResponse> {
  const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${READER}` }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

async function complete(messages: ChatCompletionMessageParam[]): Promise<GripCompletion> {
  return (await client.chat.completions.create({ model: 'grip', messages })) as GripCompletion;
}

async function streamed(messages: ChatCompletionMessageParam[]): Promise<GripChunk[]> {
  const stream = await client.chat.completions.create({ model: 'grip', messages, stream: true });
  const chunks: GripChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk as GripChunk);
  return chunks;
}

/** The error a request fails with, as the OpenAI client raises it. */
async function failure(request: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await request.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof OpenAI.APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  return error;
}

describe('GET /v1/models', () => {
  it('lists the one model, grip, and retrieves it by id', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models.map((m) => m.id)).toEqual(['grip']);
    expect(models[0]).toMatchObject({ object: 'model', owned_by: 'grip' });
    expect(await client.models.retrieve('grip')).toMatchObject({ id: 'grip', object: 'model' });
  });

  it('answers 404 for another model', async () => {
    const error = await failure(client.models.retrieve('gpt-4o'));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error.code).toBe('model_not_found');
  });
});

describe('POST /v1/chat/completions', () => {
  it('gives the /api/ask answer with its markers, a footnote per citation linking to the passage, and the citations in `grip`', async () => {
    const [completion, asked] = await Promise.all([complete([{ role: 'user', content: ANSWERED }]), apiAsk({ question: ANSWERED })]);
    expect(asked.status).toBe('answered');
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'grip', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant' } }] });
    expect(completion.id).toMatch(/^chatcmpl-/);
    const content = completion.choices[0]!.message.content ?? '';
    expect(content.startsWith(asked.answer.trim())).toBe(true);
    expect(content).toContain('**Bronnen**');
    for (const citation of asked.citations) {
      expect(content).toContain(`- [${citation.n}] *`);
      expect(content).toContain(`](${passageUrl(server.url, citation.passageId)})`);
    }
    expect(completion.grip.status).toBe('answered');
    expect(completion.grip.citations).toEqual(asked.citations);
    expect(completion.grip.passages).toEqual(asked.passages);
    expect(citationsValid(content.slice(0, asked.answer.trim().length), completion.grip.citations)).toBe(true);
  });

  it('streams the same content as chunks: the role first, then text, then a closing chunk with the citations', async () => {
    const [chunks, whole] = await Promise.all([streamed([{ role: 'user', content: ANSWERED }]), complete([{ role: 'user', content: ANSWERED }])]);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === chunks[0]!.id)).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(whole.choices[0]!.message.content);
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]!.finish_reason === null && chunk.grip === undefined)).toBe(true);
    expect(last.grip?.citations).toEqual(whole.grip.citations);
    expect(new Set(markersOf(text))).toEqual(new Set(whole.grip.citations.map((c) => c.n)));
  });

  it('ends the stream with data: [DONE] and says its charset', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: ANSWERED }], stream: true }).withResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // The client hides [DONE]; read the raw body of a second request alongside to see it.
    for await (const _chunk of data) void _chunk;
    const raw = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${READER}` },
      body: JSON.stringify({ model: 'grip', stream: true, messages: [{ role: 'user', content: ANSWERED }] }),
    });
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('says when the documents do not answer, and offers the related passages with links', async () => {
    const [completion, asked] = await Promise.all([complete([{ role: 'user', content: OFF_TOPIC }]), apiAsk({ question: OFF_TOPIC })]);
    const content = completion.choices[0]!.message.content ?? '';
    expect(completion.grip.status).toBe('not_found');
    expect(completion.grip.citations).toEqual([]);
    expect(content.startsWith(asked.answer)).toBe(true);
    expect(content).toMatch(/niet in de documenten/);
    expect(content).toContain('**Mogelijk relevant**');
    expect(content).toContain(passageUrl(server.url, asked.passages[0]!.passageId));
    expect(markersOf(content)).toEqual([]);
  });

  it('reads earlier turns as the history, as /api/ask does, and ignores system messages', async () => {
    const first = await apiAsk({ question: ANSWERED });
    const followUp = 'En hoe zat dat in 2021?';
    const history = [{ role: 'user' as const, content: ANSWERED }, { role: 'assistant' as const, content: first.answer }];
    const [completion, asked] = await Promise.all([
      complete([{ role: 'system', content: 'Je bent een behulpzame assistent.' }, ...history, { role: 'user', content: followUp }]),
      apiAsk({ question: followUp, history }),
    ]);
    expect(asked.query.followUp).toBe(true);
    expect(completion.grip.query).toEqual(asked.query);
    expect(completion.grip.citations).toEqual(asked.citations);
    expect(completion.choices[0]!.message.content?.startsWith(asked.answer.trim())).toBe(true);
  });

  it('accepts the question as text parts and passes Grip filters through', async () => {
    // `filters` is Grip's own field, not part of OpenAI's request type; the client sends unknown fields as they are.
    const body: ChatCompletionCreateParamsNonStreaming & { filters: unknown } = {
      model: 'grip',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Wat besloot de raad' }, { type: 'text', text: 'over de taakstelling?' }] }],
      filters: { docType: ['raadsvoorstel'] },
    };
    const completion = (await client.chat.completions.create(body)) as GripCompletion;
    expect(completion.grip.query.filters.docTypes).toEqual(['raadsvoorstel']);
    expect(completion.grip.passages.every((p) => p.docType === 'raadsvoorstel')).toBe(true);
  });
});

describe('POST /v1/chat/completions with bad input', () => {
  const question: ChatCompletionMessageParam[] = [{ role: 'user', content: ANSWERED }];

  it('refuses a wrong or missing key with 401 invalid_api_key', async () => {
    for (const apiKey of ['fout', 'Bearer']) {
      const error = await failure(new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0 }).chat.completions.create({ model: 'grip', messages: question }));
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error.code).toBe('invalid_api_key');
      expect(error.type).toBe('authentication_error');
      expect(error.message).toContain('READ_TOKEN');
    }
  });

  it('refuses an unknown model with 404 model_not_found', async () => {
    const error = await failure(client.chat.completions.create({ model: 'gpt-4o', messages: question }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ code: 'model_not_found', param: 'model', type: 'invalid_request_error' });
    expect(error.message).toContain('gpt-4o');
  });

  it('refuses empty messages, a wrong role, a last message that is not the user\'s, and non-text content with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [[], 'messages'],
      [[{ role: 'robot', content: ANSWERED }], 'messages.0.role'],
      [[{ role: 'user', content: ANSWERED }, { role: 'assistant', content: 'Dat weet ik.' }], 'messages.1.role'],
      [[{ role: 'user', content: '   ' }], 'messages.0.content'],
      [[{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }], 'messages.0.content'],
    ];
    for (const [messages, param] of cases) {
      const error = await failure(client.chat.completions.create({ model: 'grip', messages: messages as ChatCompletionMessageParam[] }));
      expect(error, param).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ param, type: 'invalid_request_error' });
      expect(error.message.length).toBeGreaterThan(20);
    }
  });

  it('refuses an overlong question with 400 context_length_exceeded and a body over the limit with 413', async () => {
    const long = await failure(client.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: 'waarom '.repeat(400) }] }));
    expect(long).toBeInstanceOf(OpenAI.BadRequestError);
    expect(long.code).toBe('context_length_exceeded');
    expect(long.message).toContain('2000');
    const huge = await failure(client.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }] }));
    expect(huge.status).toBe(413);
    expect(huge.code).toBe('too_large');
  });

  it('refuses n > 1 and malformed JSON with 400, and keeps answering afterwards', async () => {
    const many = await failure(client.chat.completions.create({ model: 'grip', messages: question, n: 2 }));
    expect(many).toMatchObject({ status: 400, param: 'n' });
    const malformed = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${READER}` }, body: '{"model":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'bad_request', message: expect.stringContaining('JSON') } });
    expect((await complete(question)).grip.status).toBe('answered');
  });

  it('answers an unknown /v1 route with a 404 in OpenAI\'s shape', async () => {
    const response = await fetch(`${server.url}/v1/embeddings`, { method: 'POST', headers: { authorization: `Bearer ${READER}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'not_found' } });
  });
});

describe('POST /v1/chat/completions under the rate limit', () => {
  let limited: GripServer;
  beforeAll(async () => {
    limited = await startGripServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => limited.close());

  it('shares the question limit with /api and answers 429 rate_limit_exceeded with Retry-After', async () => {
    const open = new OpenAI({ baseURL: `${limited.url}/v1`, apiKey: 'none', maxRetries: 0 });
    const ok = await fetch(`${limited.url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: ANSWERED }) });
    expect(ok.status).toBe(200);
    await open.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: ANSWERED }] });
    const error = await failure(open.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: ANSWERED }] }));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', type: 'rate_limit_error' });
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(0);
  });
});
