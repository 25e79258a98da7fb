/**
 * POST /api/locate: where a quote or claim stands in the documents. Passages that contain the text word for word
 * (with the exact span), then the passages retrieval finds for it, with how many of its words each contains.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { analyzeTerms, type Passage } from '../../ingest/index.js';
import { retrieveFor } from '../answer/ask.js';
import { toHit } from '../answer/render.js';
import { createLocator, wordCoverage, type ExactMatch, type Locator } from '../answer/locate.js';
import type { Engine } from '../engine.js';
import type { AppEnv } from './app-env.js';
import { MAX_QUESTION } from './schemas.js';
import { readJson } from './validate.js';

/** Longest text accepted: a pasted paragraph or two, not a whole document. */
export const MAX_LOCATE_TEXT = 10_000;

/** Body of /api/locate. */
export const locateSchema = z
  .object({
    text: z.string().trim().min(1, 'de tekst is leeg').max(MAX_LOCATE_TEXT, `de tekst is langer dan ${MAX_LOCATE_TEXT} tekens`),
    k: z.number().int().min(1).max(50).optional(),
  })
  .strict();

// One locator per engine: folding every passage once per index generation, not once per request. It reads every
// passage from the store on the first locate and holds their folded text: the one part of the server that still
// grows with the index (a full-text phrase query to find the candidates first would bound it).
const locators = new WeakMap<Engine, Promise<Locator>>();

async function buildLocator(engine: Engine): Promise<Locator> {
  const passages: Passage[] = [];
  for await (const batch of engine.snapshot.scanPassages()) passages.push(...batch);
  return createLocator(passages.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.ordinal - b.ordinal));
}

function locatorOf(engine: Engine): Promise<Locator> {
  let locator = locators.get(engine);
  if (!locator) {
    locator = buildLocator(engine);
    locators.set(engine, locator);
    locator.catch(() => locators.delete(engine));
  }
  return locator;
}

function exactHit(match: ExactMatch) {
  const { score: _unused, ...hit } = toHit(match.passage, 1);
  return { ...hit, spans: match.spans, complete: match.complete };
}

/** A validated locate request. */
export type LocateRequest = z.infer<typeof locateSchema>;

/** The body of /api/locate (and the MCP `locate_quote` tool): exact matches with their spans, then related passages. */
export async function locateResponse(engine: Engine, body: LocateRequest) {
  const exact = (await locatorOf(engine)).locate(body.text);
  const found = new Set(exact.map((match) => match.passage.id));
  // A pasted passage is a text to find, not a question: the document types it mentions must not filter.
  const retrieval = await retrieveFor(engine, { question: body.text.slice(0, MAX_QUESTION), detectFilters: false, k: body.k ?? 10 });
  const terms = analyzeTerms(body.text);
  const related = retrieval.passages
    .filter((ranked) => !found.has(ranked.passage.id))
    .slice(0, body.k ?? 10)
    .map((ranked) => ({ ...toHit(ranked.passage, ranked.score), coverage: wordCoverage(terms, engine.stats.byId.get(ranked.passage.id)?.termSet ?? new Set()) }));
  return { text: body.text, exact: exact.map(exactHit), related };
}

/** The locate route. */
export function locateRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/locate', async (c) => c.json(await locateResponse(c.get('deps').engines.current(), await readJson(c, locateSchema))));
  return routes;
}
