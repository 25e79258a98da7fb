/**
 * The rerank step: every candidate from the search lists is scored on its features (see passage-features.ts)
 * with one weighted sum. BM25 is normalised by the best candidate so it is comparable across questions.
 */
import type { QueryAnalysis } from './analyze-query.js';
import { conceptsOf } from './concepts.js';
import type { CorpusStats } from './corpus-stats.js';
import { passageFeatures, questionFeatures, type Features, type Signals } from './passage-features.js';

export type { Features } from './passage-features.js';

/**
 * Weights of the features in the final score, calibrated by coordinate search on the development questions and
 * the 70 extra questions together (test/eval), so that neither set alone decides them.
 */
export const FEATURE_WEIGHTS: Features = {
  lists: 0.024,
  bm25: 0.313,
  coverage: 0.06,
  heading: 0.02,
  document: 0.05,
  proximity: 0.3,
  numbers: 0.04,
  years: 0.225,
  intent: 0.3,
};

/** The weighted sum of features. */
export function scoreOf(features: Features, weights: Features = FEATURE_WEIGHTS): number {
  let score = 0;
  for (const key of Object.keys(weights) as (keyof Features)[]) score += weights[key] * features[key];
  return score;
}

/** What the rerank reads besides the question and the corpus. */
export interface RerankOptions {
  weights?: Features;
  /** The written numbers ("twee", "elf") of data/answer-words.json. */
  numberWords?: Iterable<string>;
}

/** Features of every candidate, with BM25 normalised to the best candidate. */
export function candidateFeatures(analysis: QueryAnalysis, stats: CorpusStats, candidates: Map<string, Signals>, numberWords: Iterable<string> = []): { id: string; features: Features }[] {
  const question = questionFeatures(analysis, conceptsOf(analysis, stats), stats, numberWords);
  const scored: { id: string; features: Features }[] = [];
  for (const [id, signals] of candidates) {
    const item = stats.byId.get(id);
    if (!item) continue;
    const context = { averageLength: stats.averageLength, documentTerms: stats.documentTerms(item.passage.documentId) };
    scored.push({ id, features: passageFeatures(question, item, signals, context) });
  }
  const best = Math.max(1e-9, ...scored.map((s) => s.features.bm25));
  for (const s of scored) s.features.bm25 /= best;
  return scored;
}

/** Reranks candidates and returns them best first. */
export function rerank(analysis: QueryAnalysis, stats: CorpusStats, candidates: Map<string, Signals>, options: RerankOptions = {}): { id: string; score: number; features: Features }[] {
  const weights = options.weights ?? FEATURE_WEIGHTS;
  return candidateFeatures(analysis, stats, candidates, options.numberWords)
    .map((c) => ({ ...c, score: scoreOf(c.features, weights) }))
    .sort((a, b) => b.score - a.score);
}
