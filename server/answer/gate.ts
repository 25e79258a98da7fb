/**
 * Stage 4 of the answer pipeline: the support gate. Hard rules refuse what cannot be answered at all (nothing
 * retrieved, a name no document uses, a subject no document mentions, a year the documents never speak of); otherwise the calibrated model
 * (gate-model.ts) reads the features of the best candidate together with its expansion and decides. Pure.
 */
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import { VALUE_TYPES } from '../retrieve/answer-type.js';
import type { RankedPassage } from '../retrieve/retriever.js';
import type { ScoredSentence, SentenceFeatures } from './features.js';
import { refusalProbability, type GateModel, type GateVector } from './gate-model.js';
import type { RuleName } from './rules.js';

/** What the gate decides on. */
export interface GateInput {
  /** A hard rule that refuses whatever the model says. */
  rule?: Extract<RuleName, 'no-passages' | 'unknown-name' | 'unknown-subject' | 'year-not-covered'>;
  /** The answer rests on evidence beside the sentences (a register's cited lines): answered unless a hard rule refuses. */
  accept?: Extract<RuleName, 'register-list'>;
  x: GateVector;
}

/** The gate's verdict. */
export interface GateVerdict {
  refuse: boolean;
  /** Probability that the documents do not answer (1 for a hard rule). */
  probability: number;
  rule: Extract<RuleName, 'no-passages' | 'unknown-name' | 'unknown-subject' | 'year-not-covered' | 'support-model' | 'register-list'>;
}

/** The features of an answer unit (a sentence with the evidence attached to it): the best of each, the least missing. */
export function unitFeatures(unit: ScoredSentence[]): SentenceFeatures {
  const [first] = unit;
  if (!first) throw new Error('An answer unit needs a sentence.');
  const best = (key: keyof SentenceFeatures) => Math.max(...unit.map((s) => s.features[key]));
  return {
    coverage: best('coverage'),
    context: best('context'),
    subject: best('subject'),
    typed: best('typed'),
    anchored: best('anchored'),
    years: best('years'),
    names: best('names'),
    numbers: best('numbers'),
    rank: first.features.rank,
    relevance: first.features.relevance,
  };
}

const EMPTY: GateVector = { coverage: 0, context: 0, typed: 0, anchored: 0, years: 0, names: 0, passage: 0, valueType: 0, slot: 0 };

/** The gate's input for a question: hard rules first, then the feature vector of its best answer unit. */
export function gateInput(analysis: QueryAnalysis, unit: ScoredSentence[], scored: ScoredSentence[], passages: RankedPassage[], coveredYears: ReadonlySet<number>, subjectKnown = true): GateInput {
  if (unit.length === 0 || passages.length === 0) return { rule: 'no-passages', x: EMPTY };
  if (analysis.unknownNames.length > 0) return { rule: 'unknown-name', x: EMPTY };
  if (!subjectKnown) return { rule: 'unknown-subject', x: EMPTY };
  const features = unitFeatures(unit);
  const x: GateVector = {
    coverage: features.coverage,
    context: features.context,
    typed: features.typed,
    anchored: features.anchored,
    years: features.years,
    names: features.names,
    passage: Math.max(...passages.slice(0, 3).map((p) => p.features.coverage)),
    valueType: VALUE_TYPES.has(analysis.answerType) ? 1 : 0,
    slot: slotFill(scored),
  };
  if (!yearsCovered(analysis.years, coveredYears)) return { rule: 'year-not-covered', x };
  return { x };
}

/**
 * Whether the documents can speak of the asked years: false only when every asked year is one no passage states
 * and no document is of — later than the documents, earlier, or a year between that they skip. A year the
 * documents never write cannot be the year of a figure they give.
 */
export function yearsCovered(asked: readonly number[], covered: ReadonlySet<number>): boolean {
  return covered.size === 0 || asked.length === 0 || asked.some((year) => covered.has(year));
}

/** How many of the best candidates are searched for one that fills the asked slot. */
const SLOT_WINDOW = 20;

/**
 * Whether any of the best candidates fills the slot the question asks about: a value of the asked kind, next to
 * the question's words, for the asked years, in a sentence about its subject. Near-miss questions find the subject
 * and find values, but never both in one sentence.
 */
export function slotFill(scored: ScoredSentence[]): number {
  let best = 0;
  for (const s of scored.slice(0, SLOT_WINDOW)) best = Math.max(best, s.features.typed * s.features.anchored * s.features.years * s.features.subject);
  return best;
}

/** Decides with the model. */
export function decide(input: GateInput, model: GateModel): GateVerdict {
  if (input.rule) return { refuse: true, probability: 1, rule: input.rule };
  if (input.accept) return { refuse: false, probability: 0, rule: input.accept };
  const probability = refusalProbability(model, input.x);
  return { refuse: probability >= model.threshold, probability, rule: 'support-model' };
}
