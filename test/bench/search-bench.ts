/**
 * Search latency over the development and extra questions, four ways: LanceDB full-text search alone (the raw
 * reference), full retrieval in-process, and POST /api/search and POST /api/ask through a real server on
 * 127.0.0.1, each question through all four in turn so load on the machine touches every way alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import { retrieveFor } from '../../server/answer/ask.js';
import { loadEngine, readGlossary } from '../../server/bootstrap.js';
import type { Engine } from '../../server/engine.js';
import { parseQuestions, type EvalQuestion } from '../eval/questions.js';
import { startGripServer } from '../support/grip-server.js';
import { median, percentile, timed } from './measure.js';

/** The question files: the development set (a copy of the shared one) and the extra set. */
export const QUESTION_FILES = [
  fileURLToPath(new URL('../eval/dev.jsonl', import.meta.url)),
  fileURLToPath(new URL('../eval/extra.jsonl', import.meta.url)),
];

/** The ways a search is measured. */
export const SEARCH_WAYS = ['fullText', 'retrieve', 'apiSearch', 'apiAsk'] as const;
export type SearchWay = (typeof SEARCH_WAYS)[number];

/** Latency of one way, in ms. */
export interface Latency {
  p50: number;
  p95: number;
  samples: number;
}

/** Latencies per way and the ratios the issue asks about. */
export interface SearchBench {
  questions: number;
  repetitions: number;
  latency: Record<SearchWay, Latency>;
  /** /api/ask p50 ÷ p50 of each reference; `fullText` is the one the target is measured against. */
  askOver: Record<Exclude<SearchWay, 'apiAsk'>, number>;
}

/** How many full-text results the raw reference asks for: a page of results, as a user sees it. */
const RAW_LIMIT = 10;

/** The question's words as a full-text query, as the retriever builds its own (no query syntax reaches LanceDB). */
export function rawQuery(question: string): string {
  return [...new Set(question.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1))].join(' ');
}

function ways(engine: Engine, url: string): Record<SearchWay, (q: EvalQuestion) => Promise<unknown>> {
  const post = async (path: string, q: EvalQuestion) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q.question, history: q.context ?? [] }),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  };
  return {
    fullText: (q) => engine.snapshot.fullText(rawQuery(q.question), RAW_LIMIT),
    retrieve: (q) => retrieveFor(engine, { question: q.question, history: q.context ?? [] }),
    apiSearch: (q) => post('/api/search', q),
    apiAsk: (q) => post('/api/ask', q),
  };
}

/** Runs every question through every way once untimed, then `repetitions` timed rounds. */
export async function benchSearch(repetitions: number): Promise<SearchBench> {
  const questions = QUESTION_FILES.flatMap((file) => parseQuestions(readFileSync(file, 'utf8')));
  const server = await startGripServer();
  try {
    const settings = parseSettings({ INDEX_DIR: server.indexDir, LOG_LEVEL: 'silent' });
    const engine = await loadEngine(settings, await LanceStore.open(settings.INDEX_DIR), readGlossary());
    if (!engine) throw new Error('The benchmark server has no index.');
    const run = ways(engine, server.url);
    const samples = Object.fromEntries(SEARCH_WAYS.map((way) => [way, [] as number[]])) as Record<SearchWay, number[]>;
    for (let round = 0; round <= repetitions; round++) {
      for (const question of questions) {
        for (const way of SEARCH_WAYS) {
          const { ms } = await timed(() => run[way](question));
          if (round > 0) samples[way].push(ms);
        }
      }
    }
    const latency = Object.fromEntries(
      SEARCH_WAYS.map((way) => [way, { p50: median(samples[way]), p95: percentile(samples[way], 0.95), samples: samples[way].length }]),
    ) as Record<SearchWay, Latency>;
    const ask = latency.apiAsk.p50;
    return {
      questions: questions.length,
      repetitions,
      latency,
      askOver: { fullText: ask / latency.fullText.p50, retrieve: ask / latency.retrieve.p50, apiSearch: ask / latency.apiSearch.p50 },
    };
  } finally {
    await server.close();
  }
}
