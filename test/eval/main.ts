/**
 * `npm run eval [-- --questions FILE] [--json]`: runs a question file (default ../shared/eval/dev.jsonl)
 * through retrieval and the answer composer and prints the metrics of ../shared/eval/README.md. It measures the
 * extractive default unless CHAT_BASE_URL and CHAT_MODEL are set; then it measures generation (with fallback).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../../ingest/errors.js';
import { ask } from '../../server/answer/ask.js';
import { createAnswerer } from '../../server/answer/generate/create-answerer.js';
import { EXTRACTIVE } from '../../server/answer/generate/generate-answer.js';
import { cliArguments, openEngine } from '../../server/cli/open-engine.js';
import { createLogger } from '../../server/log.js';
import { evaluate, type EvalReport } from './evaluate.js';
import { parseQuestions } from './questions.js';

const DEFAULT_QUESTIONS = fileURLToPath(new URL('../../../shared/eval/dev.jsonl', import.meta.url));

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function printReport(report: EvalReport, file: string): void {
  const { retrieval } = report;
  console.log(`Vragen: ${report.outcomes.length} (${file})`);
  console.log(`Retrieval (${retrieval.questions} beantwoordbaar): hit@1 ${percent(retrieval.hitAt[1])}  hit@3 ${percent(retrieval.hitAt[3])}  hit@5 ${percent(retrieval.hitAt[5])}  hit@10 ${percent(retrieval.hitAt[10])}  MRR@10 ${retrieval.mrrAt10.toFixed(3)}`);
  console.log(`Weigeringen correct: ${percent(report.refusalAccuracy)}   onterecht geweigerd: ${percent(report.falseRefusalRate)}`);
  console.log(`Cijfers teruggevonden: ${percent(report.figureRecall)}   citatieprecisie: ${percent(report.citationPrecision)}   geldige citaties: ${percent(report.citationValidity)}`);
  console.log('\nid     type            rang  status      cijfers');
  for (const o of report.outcomes) {
    console.log(`${o.id.padEnd(6)} ${o.type.padEnd(15)} ${String(o.rank ?? '-').padStart(4)}  ${o.status.padEnd(10)}  ${o.figureRecall === null ? '' : percent(o.figureRecall)}`);
  }
}

async function main(): Promise<void> {
  const { flags, options } = cliArguments();
  const file = options.get('questions') ?? DEFAULT_QUESTIONS;
  const questions = parseQuestions(readFileSync(file, 'utf8'));
  const { engine, settings } = await openEngine();
  const answerer = createAnswerer(settings, createLogger(settings.LOG_LEVEL));
  console.error(`Antwoorden: ${answerer?.name ?? EXTRACTIVE}`);
  const report = await evaluate(questions, async (q) => {
    const response = await ask(engine, { question: q.question, history: q.context ?? [] }, answerer);
    return { ranking: response.passages.map((p) => p.text), status: response.status, answer: response.answer, citations: response.citations };
  });
  if (flags.has('json')) console.log(JSON.stringify(report, null, 2));
  else printReport(report, file);
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exitCode = 1;
});
