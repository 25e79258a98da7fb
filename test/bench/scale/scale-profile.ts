/**
 * `npx tsx test/bench/scale/scale-profile.ts <index> <corpus> [questions]`: one engine in this process over an
 * index the scale bench built, and the time of each step of an answer (searches, embedding, rerank, answer), per
 * question, to see which of them grow with the corpus. A tool for looking, not a benchmark with targets.
 */
import { LanceStore, parseSettings, type PassageFilter } from '../../../ingest/index.js';
import { finishAnswer, draftAnswer } from '../../../server/answer/compose.js';
import { retrieveFor } from '../../../server/answer/ask.js';
import { loadEngine, readGlossary } from '../../../server/bootstrap.js';
import { median, percentile, timed } from '../measure.js';
import { rawQuery } from '../search-bench.js';
import { scaleQuestions } from './scale-questions.js';

const steps = new Map<string, number[]>();
function record(step: string, ms: number): void {
  const list = steps.get(step) ?? [];
  list.push(ms);
  steps.set(step, list);
}

async function main(): Promise<void> {
  const [indexDir, corpus, count] = process.argv.slice(2) as [string, string, string?];
  const settings = parseSettings({ INDEX_DIR: indexDir, CORPUS_DIR: corpus, LOG_LEVEL: 'silent' });
  const store = await LanceStore.open(indexDir);
  const loading = await timed(() => loadEngine(settings, store, readGlossary()));
  const engine = loading.result;
  if (!engine) throw new Error('no index');
  const memory = process.memoryUsage();
  console.log(`engine load ${loading.ms.toFixed(0)} ms, rss ${(memory.rss / 1e6).toFixed(0)} MB, heap ${(memory.heapUsed / 1e6).toFixed(0)} MB`);
  const snapshot = engine.snapshot;
  const fullTextIds = snapshot.fullTextIds.bind(snapshot);
  const nearestIds = snapshot.nearestIds.bind(snapshot);
  snapshot.fullTextIds = async (query: string, limit: number, filter?: PassageFilter) => {
    const { ms, result } = await timed(() => fullTextIds(query, limit, filter));
    record('fullTextIds', ms);
    return result;
  };
  snapshot.nearestIds = async (vector: number[], limit: number, filter?: PassageFilter) => {
    const { ms, result } = await timed(() => nearestIds(vector, limit, filter));
    record('nearestIds', ms);
    return result;
  };
  const search = await store.search();
  const questions = await scaleQuestions(corpus, Number(count ?? 40));
  for (let round = 0; round < 3; round++) {
    for (const question of questions) {
      const retrieval = await timed(() => retrieveFor(engine, { question }));
      const draft = await timed(async () => draftAnswer(retrieval.result, engine.answer, false));
      const finish = await timed(async () => finishAnswer(draft.result, engine.gate));
      const raw = await timed(() => search!.fullText(rawQuery(question), 10));
      if (round === 0) continue;
      record('retrieve', retrieval.ms);
      record('draft', draft.ms);
      record('finish', finish.ms);
      record('total', retrieval.ms + draft.ms + finish.ms);
      record('raw fullText 10', raw.ms);
    }
  }
  for (const [step, samples] of steps) console.log(`${step.padEnd(18)} p50 ${median(samples).toFixed(1).padStart(7)}  p95 ${percentile(samples, 0.95).toFixed(1).padStart(7)}  n ${samples.length}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
