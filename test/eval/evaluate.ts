/**
 * Running a question set through retrieval and the answerer and aggregating the metrics of
 * ../shared/eval/README.md. The product is injected, so the same code measures it in-process or over HTTP.
 */
import type { EvalQuestion } from './questions.js';
import { citationPrecision, citationsValid, figureRecall, firstHitRank, retrievalMetrics, type RetrievalMetrics, type ScoredCitation } from './score.js';

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
  type: string;
  rank: number | null;
  status: ProductAnswer['status'];
  figureRecall: number | null;
  citationPrecision: number | null;
  citationsValid: boolean;
}

/** All metrics of a run. */
export interface EvalReport {
  retrieval: RetrievalMetrics;
  refusalAccuracy: number | null;
  falseRefusalRate: number | null;
  figureRecall: number | null;
  citationPrecision: number | null;
  citationValidity: number;
  outcomes: QuestionOutcome[];
}

const mean = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
};

/** Evaluates every question with `ask`. */
export async function evaluate(questions: EvalQuestion[], ask: (q: EvalQuestion) => Promise<ProductAnswer>): Promise<EvalReport> {
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const product = await ask(question);
    const quotes = question.evidence.map((e) => e.quote);
    const answerable = question.type !== 'unanswerable';
    outcomes.push({
      id: question.id,
      type: question.type,
      rank: answerable ? firstHitRank(product.ranking, quotes) : null,
      status: product.status,
      figureRecall: answerable ? figureRecall(question.answer, product.status === 'answered' ? product.answer : '') : null,
      citationPrecision: answerable && product.status === 'answered' ? citationPrecision(product.citations, quotes) : null,
      citationsValid: citationsValid(product.answer, product.citations),
    });
  }
  const answerable = outcomes.filter((o) => o.type !== 'unanswerable');
  const unanswerable = outcomes.filter((o) => o.type === 'unanswerable');
  return {
    retrieval: retrievalMetrics(answerable.map((o) => o.rank)),
    refusalAccuracy: unanswerable.length ? unanswerable.filter((o) => o.status === 'not_found').length / unanswerable.length : null,
    falseRefusalRate: answerable.length ? answerable.filter((o) => o.status === 'not_found').length / answerable.length : null,
    figureRecall: mean(answerable.map((o) => o.figureRecall)),
    citationPrecision: mean(answerable.map((o) => o.citationPrecision)),
    citationValidity: outcomes.filter((o) => o.citationsValid).length / Math.max(1, outcomes.length),
    outcomes,
  };
}
