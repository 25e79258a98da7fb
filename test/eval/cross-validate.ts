/**
 * k-fold cross-validation of the support gate. Every question is drafted once (answer and refusal both, with the
 * gate's features); for each fold the gate is fitted on the other folds and decides the held-out questions. The
 * held-out decisions are the figures the evaluation reports — never those of a model that saw the question.
 */
import { createHash } from 'node:crypto';
import { fitGate, refusalProbability, type GateModel, type GateExample } from '../../server/answer/gate-model.js';
import type { GateInput } from '../../server/answer/gate.js';
import type { QuestionOutcome } from './evaluate.js';

/** One drafted question: its outcome if answered, if refused, and what the gate reads. */
export interface DraftedQuestion {
  key: string;
  refuse: boolean;
  gate: GateInput;
  answered: QuestionOutcome;
  refused: QuestionOutcome;
}

/** The fold of a question: a stable hash of its set and id. */
export function foldOf(key: string, folds: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % folds;
}

/** The gate's decision on a drafted question, with its probability of refusing. */
export function decideWith(model: GateModel, item: DraftedQuestion): { outcome: QuestionOutcome; probability: number } {
  if (item.gate.rule) return { outcome: item.refused, probability: 1 };
  if (item.gate.accept) return { outcome: item.answered, probability: 0 };
  const probability = refusalProbability(model, item.gate.x);
  return { outcome: probability >= model.threshold ? item.refused : item.answered, probability };
}

/** Training examples: questions a hard rule does not already decide. */
export function examplesOf(items: DraftedQuestion[]): GateExample[] {
  return items.filter((item) => !item.gate.rule && !item.gate.accept).map((item) => ({ x: item.gate.x, refuse: item.refuse }));
}

/** Held-out outcomes of a k-fold cross-validation, in the order of `items`. */
export function crossValidate(items: DraftedQuestion[], folds: number, fit: (examples: GateExample[]) => GateModel = fitGate): { outcome: QuestionOutcome; probability: number }[] {
  const results = new Array<{ outcome: QuestionOutcome; probability: number }>(items.length);
  for (let fold = 0; fold < folds; fold++) {
    const model = fit(examplesOf(items.filter((item) => foldOf(item.key, folds) !== fold)));
    items.forEach((item, index) => {
      if (foldOf(item.key, folds) === fold) results[index] = decideWith(model, item);
    });
  }
  return results;
}
