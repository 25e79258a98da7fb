/**
 * POST /api/ask (JSON answer), POST /api/chat (the same, streamed as Server-Sent Events) and POST /api/search
 * (the ranking only).
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ask, retrieveFor } from '../answer/ask.js';
import { toHit } from '../answer/render.js';
import { errorBody } from '../errors.js';
import { toAppError } from '../errors.js';
import type { Engine } from '../engine.js';
import type { AppEnv } from './app-env.js';
import { askSchema, searchSchema, toPassageFilter, type AskRequest } from './schemas.js';
import { readJson } from './validate.js';

/** A validated ask or search body as the question `ask()` and retrieval take. */
export function toQuestion(body: AskRequest) {
  return {
    question: body.question,
    history: body.history ?? [],
    filters: toPassageFilter(body.filters),
    ...(body.detectFilters === undefined ? {} : { detectFilters: body.detectFilters }),
    ...(body.k === undefined ? {} : { k: body.k }),
  };
}

/** Splits answer text into streamable pieces: whole words, a few at a time, keeping markers intact. */
export function answerChunks(answer: string, wordsPerChunk = 6): string[] {
  const pieces = answer.match(/\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < pieces.length; i += wordsPerChunk) chunks.push(pieces.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}

// The answer type and answer tables arrive with the answer pipeline (server/answer/types.ts); the stream passes
// them on when an answer has them, so the web chat can label the answer and draw its tables with cited cells.
type WithExtras = { answerType?: unknown; tables?: unknown };

function answerTypeOf(answer: object): { answerType?: string } {
  const { answerType } = answer as WithExtras;
  return typeof answerType === 'string' ? { answerType } : {};
}

function tablesOf(answer: object): unknown[] | undefined {
  const { tables } = answer as WithExtras;
  return Array.isArray(tables) && tables.length > 0 ? tables : undefined;
}

/** The body of /api/search (and the MCP `search` tool): what query analysis made of the question, and the ranking. */
export async function searchResponse(engine: Engine, body: AskRequest) {
  const result = await retrieveFor(engine, toQuestion(body));
  const { analysis, filters } = result;
  return {
    query: { language: analysis.language, answerType: analysis.answerType, comparison: analysis.comparison, filters: { ...filters, detected: analysis.detected }, terms: analysis.terms.map((t) => ({ word: t.word, weight: t.weight, origin: t.origin })) },
    passages: result.passages.slice(0, body.k ?? result.passages.length).map((r) => toHit(r.passage, r.score)),
  };
}

/** The question-answering routes. */
export function askRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/ask', async (c) => {
    const body = await readJson(c, askSchema);
    const { engines, answerer } = c.get('deps');
    return c.json(await ask(engines.current(), toQuestion(body), answerer));
  });
  routes.post('/search', async (c) => {
    const body = await readJson(c, searchSchema);
    return c.json(await searchResponse(c.get('deps').engines.current(), body));
  });
  routes.post('/chat', async (c) => {
    const body = await readJson(c, askSchema);
    const engine = c.get('deps').engines.current();
    const { log, answerer } = c.get('deps');
    const response = streamSSE(c, async (stream) => {
      try {
        const asked = toQuestion(body);
        const extractive = await ask(engine, asked);
        await stream.writeSSE({ event: 'meta', data: JSON.stringify({ status: extractive.status, query: extractive.query, ...answerTypeOf(extractive) }) });
        await stream.writeSSE({ event: 'passages', data: JSON.stringify(extractive.passages) });
        // Generation keeps status, query and passages, so those go out first; the text is streamed only once checked.
        const response = answerer ? await answerer.answer(asked.question, extractive) : extractive;
        for (const chunk of answerChunks(response.answer)) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: chunk }) });
        await stream.writeSSE({ event: 'citations', data: JSON.stringify(response.citations) });
        // The tables ride on `done` rather than an event of their own, so the order of events stays as clients know it.
        const tables = tablesOf(response);
        await stream.writeSSE({ event: 'done', data: JSON.stringify({ status: response.status, ...(tables ? { tables } : {}) }) });
      } catch (error) {
        const appError = toAppError(error);
        log.error('chat stream failed', { code: appError.code, error });
        await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(appError.code, appError.message)) });
      }
    });
    // Say the charset: some clients otherwise decode the stream's Dutch text as Windows-1252.
    response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
    return response;
  });
  return routes;
}
