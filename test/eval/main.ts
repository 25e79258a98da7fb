/**
 * `npm run eval [-- --questions FILE[,FILE…]] [--corpus default|big] [--folds K] [--list] [--json] [--fit]`: runs the
 * question sets (default: every test/eval/*.jsonl in the repository) through retrieval and the answer pipeline and
 * prints the metrics of test/eval/README.md plus `answer_ok`, overall, per set and per question type. The
 * support gate is cross-validated: each question is decided by a gate fitted on the other folds, and those held-out
 * figures are the ones reported. `--fit` fits the gate on every question and writes data/support-gate.json (the
 * shipped model). `--corpus big` uses an index that also holds unrelated real documents (../shared/pdfs, beside the repository).
 * With CHAT_BASE_URL and CHAT_MODEL set, the shipped gate's answers are also run through generation.
 */
import { writeFileSync } from 'node:fs';
import { errorMessage } from '../../ingest/errors.js';
import { draftFor } from '../../server/answer/ask.js';
import type { AskResponse } from '../../server/answer/types.js';
import { fitGate } from '../../server/answer/gate-model.js';
import { DATA_DIR } from '../../server/bootstrap.js';
import { cliArguments, openEngine } from '../../server/cli/open-engine.js';
import type { Engine } from '../../server/engine.js';
import { bigCorpusEngine } from './big-corpus.js';
import { crossValidate, decideWith, examplesOf, type DraftedQuestion } from './cross-validate.js';
import { report, scoreQuestion, type ProductAnswer } from './evaluate.js';
import { reportLines } from './print-report.js';
import { readSets, repositorySets, type SetQuestion } from './sets.js';

const product = (response: AskResponse): ProductAnswer => ({ ranking: response.passages.map((p) => p.text), status: response.status, answer: response.answer, citations: response.citations });

async function draftAll(engine: Engine, questions: SetQuestion[]): Promise<DraftedQuestion[]> {
  const items: DraftedQuestion[] = [];
  for (const question of questions) {
    const draft = await draftFor(engine, { question: question.question, history: question.context ?? [] });
    items.push({
      key: `${question.set}:${question.id}`,
      refuse: question.type === 'unanswerable',
      gate: draft.gate,
      answered: scoreQuestion(question, product(draft.answered)),
      refused: scoreQuestion(question, product(draft.refused)),
    });
  }
  return items;
}

async function main(): Promise<void> {
  const { flags, options } = cliArguments();
  const files = options.get('questions')?.split(',') ?? repositorySets();
  const questions = readSets(files);
  const corpus = options.get('corpus') ?? 'default';
  if (corpus !== 'default' && corpus !== 'big') throw new Error('--corpus is "default" or "big".');
  const folds = Number(options.get('folds') ?? 5);
  const engine: Engine = corpus === 'big' ? await bigCorpusEngine(process.env, (line) => console.error(line)) : (await openEngine()).engine;
  console.error(`Index: ${corpus} (${engine.snapshot.passageCount} passages); gate cross-validated over ${folds} folds.`);
  const items = await draftAll(engine, questions);
  if (flags.has('fit')) {
    const model = fitGate(examplesOf(items));
    writeFileSync(`${DATA_DIR}support-gate.json`, `${JSON.stringify(model, null, 2)}\n`);
    console.error(`Gate fitted on ${items.length} questions, written to data/support-gate.json (threshold ${model.threshold}).`);
  }
  const heldOut = crossValidate(items, folds);
  const result = report(heldOut.map((r) => r.outcome));
  const shipped = report(items.map((item) => decideWith(engine.gate, item).outcome));
  if (flags.has('json')) {
    console.log(JSON.stringify({ crossValidated: result, shippedModel: shipped.overall }, null, 2));
    return;
  }
  console.log(reportLines(result, `Vragen: ${questions.length} uit ${files.length} bestand(en), index ${corpus}; held-out figures of ${folds}-fold cross-validation`, flags.has('list')).join('\n'));
  if (flags.has('list')) heldOut.forEach((r, i) => console.log(`  ${items[i]?.key.padEnd(18)} p(refuse)=${r.probability.toFixed(2)} ${JSON.stringify(items[i]?.gate.rule ?? Object.fromEntries(Object.entries(items[i]?.gate.x ?? {}).map(([k, v]) => [k, Number(v.toFixed(2))])))}`));
  console.log(`\nShipped gate (data/support-gate.json, fitted on all sets — a fit figure, not a measure): answer_ok ${(shipped.overall.answerOk * 100).toFixed(1)}%`);
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exitCode = 1;
});
