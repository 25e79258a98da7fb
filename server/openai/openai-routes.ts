/**
 * The OpenAI-compatible API under /v1: GET /v1/models (the one model, "grip") and POST /v1/chat/completions,
 * streamed as `chat.completion.chunk` events ending with `data: [DONE]` or as one `chat.completion`. Answers come
 * from the same `ask()` as /api/ask, with the configured answerer, so a question gets the same answer and
 * citations here; the read token is the API key (checked by the API guard before any body is read).
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ask, type Question } from '../answer/ask.js';
import type { Engine } from '../engine.js';
import { toAppError } from '../errors.js';
import { answerMarkdown } from '../markdown/answer-markdown.js';
import type { AppEnv } from '../routes/app-env.js';
import { answerChunks } from '../routes/ask-routes.js';
import { readJson } from '../routes/validate.js';
import { chatQuestion, parseChatRequest } from './chat-request.js';
import { chunkOf, completionOf, MODEL_ID, modelObject, type CompletionMeta } from './completion.js';
import { OpenAIRequestError, openAIErrorBody } from './openai-errors.js';

/** When the model "was created", for /v1/models: fixed, so the listing is stable. */
const CREATED = Math.floor(Date.UTC(2025, 0, 1) / 1000);

function modelNotFound(model: string): OpenAIRequestError {
  return new OpenAIRequestError('not_found', `Het model "${model.slice(0, 200)}" bestaat niet; Grip biedt alleen "${MODEL_ID}".`, { param: 'model', code: 'model_not_found' });
}

/** The web chat's address for source links: PUBLIC_URL, or the address this request came in on. */
function webUrlOf(c: Context<AppEnv>): string {
  return c.get('deps').settings.PUBLIC_URL ?? new URL(c.req.url).origin;
}

async function answer(c: Context<AppEnv>, engine: Engine, question: Question) {
  const response = await ask(engine, question, c.get('deps').answerer);
  return { response, content: answerMarkdown(response, { webUrl: webUrlOf(c) }) };
}

function streamCompletion(c: Context<AppEnv>, engine: Engine, question: Question, meta: CompletionMeta): Response {
  const { log } = c.get('deps');
  const response = streamSSE(c, async (stream) => {
    const send = (data: unknown) => stream.writeSSE({ data: JSON.stringify(data) });
    try {
      // The role first, as OpenAI does: clients show the assistant's turn while the answer is looked up.
      await send(chunkOf(meta, { role: 'assistant', content: '' }));
      const { response: answered, content } = await answer(c, engine, question);
      for (const piece of answerChunks(content)) await send(chunkOf(meta, { content: piece }));
      await send(chunkOf(meta, {}, { response: answered }));
      await stream.writeSSE({ data: '[DONE]' });
    } catch (error) {
      // After the stream has started the status is sent; OpenAI clients raise an error on a chunk with `error`.
      const appError = toAppError(error);
      log.error('chat completion stream failed', { code: appError.code, error });
      await send(openAIErrorBody(appError));
    }
  });
  response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  return response;
}

/** The /v1 routes. */
export function openAIRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/models', (c) => c.json({ object: 'list', data: [modelObject(CREATED)] }));
  routes.get('/models/:id', (c) => {
    if (c.req.param('id') !== MODEL_ID) throw modelNotFound(c.req.param('id'));
    return c.json(modelObject(CREATED));
  });
  routes.post('/chat/completions', async (c) => {
    const request = parseChatRequest(await readJson(c, z.unknown()));
    if (request.model !== MODEL_ID) throw modelNotFound(request.model);
    const question = chatQuestion(request);
    // Before the stream starts, so a missing index is a 503, not an error event.
    const engine = c.get('deps').engines.current();
    const meta = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000) };
    if (request.stream) return streamCompletion(c, engine, question, meta);
    const { response, content } = await answer(c, engine, question);
    return c.json(completionOf(meta, response, content));
  });
  return routes;
}
