/**
 * Dev tool, not a test: calibrates the rerank weights (server/retrieve/rerank.ts) by coordinate search on
 * MRR@10 over the development questions and test/eval/extra.jsonl together, so that neither set alone decides
 * them. Retrieves each question once with a wide ranking and its features, then re-scores offline.
 * Run: INDEX_DIR=… npx tsx test/eval/tune-weights.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openEngine } from '../../server/cli/open-engine.js';
import { FEATURE_WEIGHTS, scoreOf, type Features } from '../../server/retrieve/rerank.js';
import { firstHitRank } from './score.js';
import { parseQuestions } from './questions.js';

const SETS: [string, string][] = [
  ['dev', fileURLToPath(new URL('../../../shared/eval/dev.jsonl', import.meta.url))],
  ['extra', fileURLToPath(new URL('./extra.jsonl', import.meta.url))],
];
const FACTORS = [0, 0.5, 0.75, 1.25, 1.5, 2, 3];
/** A change must gain at least this much MRR to count, so noise does not move a weight. */
const MIN_GAIN = 0.003;

interface Item { set: string; quotes: string[]; candidates: { features: Features; text: string }[] }

const { engine } = await openEngine();
const items: Item[] = [];
for (const [set, file] of SETS) {
  for (const q of parseQuestions(readFileSync(file, 'utf8'))) {
    if (!q.evidence?.length) continue;
    const result = await engine.retriever.retrieve({ question: q.question, history: q.context ?? [], filters: {}, k: 200 });
    items.push({ set, quotes: q.evidence.map((e) => e.quote), candidates: result.passages.map((p) => ({ features: p.features, text: p.passage.text })) });
  }
}

function mrr(weights: Features, set?: string): number {
  const chosen = items.filter((item) => !set || item.set === set);
  let sum = 0;
  for (const item of chosen) {
    const ranked = item.candidates.map((c) => ({ text: c.text, score: scoreOf(c.features, weights) })).sort((a, b) => b.score - a.score).slice(0, 10);
    const rank = firstHitRank(ranked.map((r) => r.text), item.quotes);
    sum += rank ? 1 / rank : 0;
  }
  return sum / Math.max(1, chosen.length);
}

const line = (label: string, weights: Features) => console.log(`${label}: dev ${mrr(weights, 'dev').toFixed(3)}  extra ${mrr(weights, 'extra').toFixed(3)}  both ${mrr(weights).toFixed(3)}\n  ${JSON.stringify(weights)}`);
let weights = { ...FEATURE_WEIGHTS };
line('current', weights);
for (let round = 0; round < 3; round++) {
  for (const key of Object.keys(weights) as (keyof Features)[]) {
    let best = weights[key];
    let bestScore = mrr(weights);
    for (const factor of FACTORS) {
      const trial = { ...weights, [key]: Number((FEATURE_WEIGHTS[key] * factor).toFixed(3)) };
      const score = mrr(trial);
      if (score > bestScore + MIN_GAIN) [best, bestScore] = [trial[key], score];
    }
    weights = { ...weights, [key]: best };
  }
  line(`round ${round + 1}`, weights);
}
