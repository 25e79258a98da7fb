/**
 * The support gate's model: a logistic regression over general features of the best candidate, giving the
 * probability that the documents do not answer the question. Fitted by `npm run eval -- --fit` on every question set
 * (the evaluation reports k-fold held-out figures, never the fit), shipped as data/support-gate.json. Pure.
 */
import { z } from 'zod';

/** The features the gate reads, each in [0, 1]. */
export const GATE_FEATURES = ['coverage', 'context', 'typed', 'anchored', 'years', 'names', 'passage', 'valueType', 'slot'] as const;

/** A gate feature name. */
export type GateFeature = (typeof GATE_FEATURES)[number];

/** A feature vector. */
export type GateVector = Record<GateFeature, number>;

/** The fitted model. */
export interface GateModel {
  bias: number;
  weights: GateVector;
  /** Refuse when the probability of "not answerable" is at least this. */
  threshold: number;
}

const modelSchema = z.object({
  bias: z.number(),
  weights: z.object(Object.fromEntries(GATE_FEATURES.map((f) => [f, z.number()])) as Record<GateFeature, z.ZodNumber>),
  threshold: z.number().min(0).max(1),
});

/** Parses a model file's JSON text. */
export function parseGateModel(json: string): GateModel {
  return modelSchema.parse(JSON.parse(json)) as GateModel;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The probability that the question is not answered by the documents. */
export function refusalProbability(model: GateModel, x: GateVector): number {
  let z = model.bias;
  for (const feature of GATE_FEATURES) z += model.weights[feature] * x[feature];
  return sigmoid(z);
}

/** A training example: the features of a question's best candidate and whether the question is unanswerable. */
export interface GateExample {
  x: GateVector;
  refuse: boolean;
}

/** Fitting options: L2 strength, iterations, how much a false refusal costs against a missed one, and resamples. */
export interface FitOptions {
  l2: number;
  iterations: number;
  /** Weight of the false-refusal rate against the missed-refusal rate when the threshold is chosen. */
  falseRefusalCost: number;
  /** Bootstrap resamples of the training examples whose best thresholds are averaged. */
  thresholdResamples: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.05, iterations: 4000, falseRefusalCost: 2, thresholdResamples: 100 };

/**
 * Fits the model by gradient descent on the class-balanced, L2-regularised log loss, then picks the threshold that
 * minimises the weighted count of errors on the training examples, averaged over bootstrap resamples of them.
 */
export function fitGate(examples: GateExample[], options: FitOptions = DEFAULT_FIT): GateModel {
  const positives = examples.filter((e) => e.refuse).length;
  const negatives = examples.length - positives;
  const weightOf = (e: GateExample) => (e.refuse ? examples.length / (2 * Math.max(1, positives)) : examples.length / (2 * Math.max(1, negatives)));
  const w: GateVector = Object.fromEntries(GATE_FEATURES.map((f) => [f, 0])) as GateVector;
  let bias = 0;
  const rate = 0.5;
  for (let step = 0; step < options.iterations; step++) {
    const grad: GateVector = Object.fromEntries(GATE_FEATURES.map((f) => [f, 0])) as GateVector;
    let gradBias = 0;
    for (const example of examples) {
      const error = (refusalProbability({ bias, weights: w, threshold: 0.5 }, example.x) - (example.refuse ? 1 : 0)) * weightOf(example);
      gradBias += error;
      for (const f of GATE_FEATURES) grad[f] += error * example.x[f];
    }
    const n = Math.max(1, examples.length);
    bias -= (rate * gradBias) / n;
    for (const f of GATE_FEATURES) w[f] -= rate * (grad[f] / n + options.l2 * w[f]);
  }
  const model = { bias, weights: w, threshold: 0.5 };
  const scored = examples.map((e) => ({ p: refusalProbability(model, e.x), refuse: e.refuse }));
  return { ...model, threshold: bootstrapThreshold(scored, options.falseRefusalCost, options.thresholdResamples) };
}

/** A training example as the threshold sees it: its probability of refusing and whether it is unanswerable. */
export interface ScoredExample {
  p: number;
  refuse: boolean;
}

/** Thresholds tried, on a 0.01 grid. */
const GRID = Array.from({ length: 91 }, (_, i) => (5 + i) / 100);

/**
 * The threshold that minimises the class-balanced error on `scored`: the share of unanswerable questions answered
 * plus `falseRefusalCost` times the share of answerable ones refused. The error is flat between two neighbouring
 * probabilities, so the middle of the first run of tied minima is taken, not its edge: a threshold at the edge sits
 * on a training example, and the next fold's examples near it fall either way.
 */
export function minimumCostThreshold(scored: readonly ScoredExample[], falseRefusalCost: number): number {
  const positives = Math.max(1, scored.filter((e) => e.refuse).length);
  const negatives = Math.max(1, scored.length - positives);
  const costs = GRID.map((t) => {
    let missed = 0;
    let falseRefusals = 0;
    for (const e of scored) {
      if (e.refuse && e.p < t) missed++;
      else if (!e.refuse && e.p >= t) falseRefusals++;
    }
    return missed / positives + (falseRefusalCost * falseRefusals) / negatives;
  });
  const least = Math.min(...costs);
  const first = costs.findIndex((c) => c < least + 1e-9);
  let last = first;
  while (last + 1 < costs.length && (costs[last + 1] as number) < least + 1e-9) last++;
  return ((GRID[first] as number) + (GRID[last] as number)) / 2;
}

/** A small deterministic generator (mulberry32), so a refit of the same examples gives the same threshold. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The minimum-cost threshold averaged over bootstrap resamples of the examples. With some forty unanswerable
 * examples the minimum of one sample moves with every example near it; the average over resamples is the
 * bagged estimate, which moves far less from fold to fold.
 */
export function bootstrapThreshold(scored: readonly ScoredExample[], falseRefusalCost: number, resamples: number): number {
  if (scored.length === 0 || resamples < 1) return minimumCostThreshold(scored, falseRefusalCost);
  const random = seededRandom(scored.length);
  let sum = 0;
  for (let b = 0; b < resamples; b++) {
    const sample = scored.map(() => scored[Math.floor(random() * scored.length)] as ScoredExample);
    sum += minimumCostThreshold(sample, falseRefusalCost);
  }
  return sum / resamples;
}

/** The model used before one is fitted (and when data/support-gate.json is absent): refuse weakly supported answers. */
export const DEFAULT_GATE: GateModel = {
  bias: 4,
  weights: { coverage: -3, context: -1, typed: -1.5, anchored: -1.5, years: -2, names: -2, passage: -1, valueType: 0.5, slot: -2 },
  threshold: 0.5,
};
