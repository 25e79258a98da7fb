import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../ingest/errors.js';
import { parseSettings } from '../../../ingest/settings.js';
import { createApp } from '../../../server/app.js';
import { WEB_DIR } from '../../../server/bootstrap.js';
import type { Engine } from '../../../server/engine.js';
import { createLogger } from '../../../server/log.js';
import type { AppDeps, EngineSource } from '../../../server/routes/app-env.js';

/** An app whose engine source is `engines`; nothing else is reached by a chat completion that fails. */
function clientFor(engines: EngineSource): OpenAI {
  const deps = { engines, log: createLogger('silent'), webDir: WEB_DIR, embedderName: () => 'test', settings: parseSettings({ RATE_LIMIT_PER_MINUTE: '0' }) } as unknown as AppDeps;
  const app = createApp(deps);
  return new OpenAI({ baseURL: 'http://grip.test/v1', apiKey: 'none', maxRetries: 0, fetch: (url, init) => Promise.resolve(app.request(String(url), init as RequestInit)) });
}

/** An engine whose retrieval fails as a remote embedder that is down would. */
const failingEngine = {
  retriever: { retrieve: () => Promise.reject(new AppError('model_failed', 'Het embeddingmodel antwoordt niet.')) },
} as unknown as Engine;

const messages = [{ role: 'user' as const, content: 'Een vraag over de begroting' }];

async function failure(request: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await request.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof OpenAI.APIError)) throw new Error(`expected an APIError, got ${String(error)}`);
  return error;
}

describe('POST /v1/chat/completions when answering fails', () => {
  it('answers 503 in OpenAI\'s shape while there is no index, streamed or not', async () => {
    const client = clientFor({ current: () => { throw new AppError('index_missing', 'Er is nog geen index.'); } });
    for (const stream of [false, true]) {
      const error = await failure(client.chat.completions.create({ model: 'grip', messages, stream }));
      expect(error.status).toBe(503);
      expect(error).toMatchObject({ type: 'server_error', code: 'index_missing', message: expect.stringContaining('geen index') });
    }
  });

  it('answers 502 without a stream, and ends a started stream with an error chunk the client raises', async () => {
    const client = clientFor({ current: () => failingEngine });
    const whole = await failure(client.chat.completions.create({ model: 'grip', messages }));
    expect(whole.status).toBe(502);
    expect(whole.code).toBe('model_failed');
    const stream = await client.chat.completions.create({ model: 'grip', messages, stream: true });
    const roles: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) roles.push(chunk.choices[0]?.delta.role ?? '');
    })().then(() => undefined, (reason: unknown) => reason);
    expect(roles).toEqual(['assistant']);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(String((error as Error).message)).toContain('Het embeddingmodel antwoordt niet.');
  });
});
