/**
 * Judging product answers as test/eval/README.md defines it, one question at a time, and aggregating the
 * judgements per question type and overall. Pure: the product's answers come in as data, so the same code scores
 * an in-process run, a run over HTTP, or the held-out folds of a cross-validation.
 */
import type { EvalQuestion } from './questions.js';
import { answerOk, citationPrecision, citationsValid, figureRecall, firstHitRank, retrievalMetrics, type RetrievalMetrics, type ScoredCitation } from './score.js';

/** What the evaluation asks of the product for one question. */
export interface ProductAnswer {
  /** Passage texts of the ranking, best first. */
  ranking: string[];
  status: 'answered' | 'not_found';
  answer: string;
  citations: ScoredCitation[];
}

/** Per-question outcome. */
export interface QuestionOutcome {
  id: string;
  set: string;
  type: string;
  answerable: boolean;
  rank: number | null;
  status: ProductAnswer['status'];
  figureRecall: number | null;
  citationPrecision: number | null;
  citationsValid: boolean;
  answerOk: boolean;
}

/** Metrics over a group of outcomes. */
export interface EvalSummary {
  questions: number;
  answerOk: number;
  retrieval: RetrievalMetrics;
  /** Share of unanswerable questions refused (null without any). */
  refusalAccuracy: number | null;
  /** Share of answerable questions refused. */
  falseRefusalRate: number | null;
  figureRecall: number | null;
  citationPrecision: number | null;
  citationValidity: number;
}

/** The whole report: overall, per set and per question type. */
export interface EvalReport {
  overall: EvalSummary;
  bySet: Record<string, EvalSummary>;
  byType: Record<string, EvalSummary>;
  outcomes: QuestionOutcome[];
}

const mean = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
};

/** Judges one answer. */
export function scoreQuestion(question: EvalQuestion & { set?: string }, product: ProductAnswer): QuestionOutcome {
  const quotes = question.evidence.map((e) => e.quote);
  const answerable = question.type !== 'unanswerable';
  const figures = answerable ? figureRecall(question.answer, product.status === 'answered' ? product.answer : '') : null;
  return {
    id: question.id,
    set: question.set ?? '',
    type: question.type,
    answerable,
    rank: answerable ? firstHitRank(product.ranking, quotes) : null,
    status: product.status,
    figureRecall: figures,
    citationPrecision: answerable && product.status === 'answered' ? citationPrecision(product.citations, quotes) : null,
    citationsValid: citationsValid(product.answer, product.citations),
    answerOk: answerOk(answerable, product.status, product.citations, quotes, figures),
  };
}

/** Aggregates outcomes. */
export function summarize(outcomes: QuestionOutcome[]): EvalSummary {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  return {
    questions: outcomes.length,
    answerOk: outcomes.filter((o) => o.answerOk).length / Math.max(1, outcomes.length),
    retrieval: retrievalMetrics(answerable.map((o) => o.rank)),
    refusalAccuracy: unanswerable.length ? unanswerable.filter((o) => o.status === 'not_found').length / unanswerable.length : null,
    falseRefusalRate: answerable.length ? answerable.filter((o) => o.status === 'not_found').length / answerable.length : null,
    figureRecall: mean(answerable.map((o) => o.figureRecall)),
    citationPrecision: mean(answerable.map((o) => o.citationPrecision)),
    citationValidity: outcomes.filter((o) => o.citationsValid).length / Math.max(1, outcomes.length),
  };
}

function groupBy(outcomes: QuestionOutcome[], key: (o: QuestionOutcome) => string): Record<string, EvalSummary> {
  const groups = new Map<string, QuestionOutcome[]>();
  for (const outcome of outcomes) groups.set(key(outcome), [...(groups.get(key(outcome)) ?? []), outcome]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => [name, summarize(group)]));
}

/** The report over a list of outcomes. */
export function report(outcomes: QuestionOutcome[]): EvalReport {
  return { overall: summarize(outcomes), bySet: groupBy(outcomes, (o) => o.set), byType: groupBy(outcomes, (o) => o.type), outcomes };
}
