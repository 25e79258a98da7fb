/**
 * Dev tool, not a test: calibrates the rerank weights (server/retrieve/rerank.ts) by coordinate search on MRR@10 and
 * reports them honestly — k-fold cross-validated over every question set in test/eval: the weights are searched on
 * the other folds and scored on the held-out one, and the held-out MRR is what counts. The weights printed last are
 * searched on all questions (the ones to ship). Retrieves each question once with a wide ranking and its features,
 * then re-scores offline.
 * Run: npx tsx test/eval/tune-weights.ts [--folds 5]
 */
import { openEngine } from '../../server/cli/open-engine.js';
import { FEATURE_WEIGHTS, scoreOf, type Features } from '../../server/retrieve/rerank.js';
import { foldOf } from './cross-validate.js';
import { firstHitRank } from './score.js';
import { readSets, repositorySets } from './sets.js';

const FACTORS = [0, 0.5, 0.75, 1.25, 1.5, 2, 3];
/** A change must gain at least this much MRR to count, so noise does not move a weight. */
const MIN_GAIN = 0.003;
const folds = Number(process.argv[process.argv.indexOf('--folds') + 1] ?? 5) || 5;

interface Item { key: string; quotes: string[]; candidates: { features: Features; text: string }[] }

const { engine } = await openEngine();
const items: Item[] = [];
for (const q of readSets(repositorySets())) {
  if (!q.evidence.length) continue;
  const result = await engine.retriever.retrieve({ question: q.question, history: q.context ?? [], filters: {}, k: 200 });
  items.push({ key: `${q.set}:${q.id}`, quotes: q.evidence.map((e) => e.quote), candidates: result.passages.map((p) => ({ features: p.features, text: p.passage.text })) });
}

function mrr(weights: Features, chosen: Item[]): number {
  let sum = 0;
  for (const item of chosen) {
    const ranked = item.candidates.map((c) => ({ text: c.text, score: scoreOf(c.features, weights) })).sort((a, b) => b.score - a.score).slice(0, 10);
    const rank = firstHitRank(ranked.map((r) => r.text), item.quotes);
    sum += rank ? 1 / rank : 0;
  }
  return sum / Math.max(1, chosen.length);
}

function search(train: Item[]): Features {
  let weights = { ...FEATURE_WEIGHTS };
  for (let round = 0; round < 3; round++) {
    for (const key of Object.keys(weights) as (keyof Features)[]) {
      let best = weights[key];
      let bestScore = mrr(weights, train);
      for (const factor of FACTORS) {
        const trial = { ...weights, [key]: Number((FEATURE_WEIGHTS[key] * factor).toFixed(3)) };
        const score = mrr(trial, train);
        if (score > bestScore + MIN_GAIN) [best, bestScore] = [trial[key], score];
      }
      weights = { ...weights, [key]: best };
    }
  }
  return weights;
}

let current = 0;
let tuned = 0;
for (let fold = 0; fold < folds; fold++) {
  const test = items.filter((i) => foldOf(i.key, folds) === fold);
  const weights = search(items.filter((i) => foldOf(i.key, folds) !== fold));
  current += mrr(FEATURE_WEIGHTS, test) * test.length;
  tuned += mrr(weights, test) * test.length;
}
console.log(`held-out MRR@10 over ${folds} folds (${items.length} questions): current weights ${(current / items.length).toFixed(3)}, weights searched on the other folds ${(tuned / items.length).toFixed(3)}`);
console.log(`searched on all questions: ${JSON.stringify(search(items))}`);
