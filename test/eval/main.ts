/**
 * `npm run eval [-- --questions FILE[,FILE…]] [--corpus default|big] [--list] [--json]`: runs the question sets
 * (default: every test/eval/*.jsonl in the repository) through retrieval and the answer pipeline and prints the
 * metrics of ../shared/eval/README.md plus `answer_ok`, overall, per set and per question type. `--corpus big`
 * uses an index that also holds unrelated real documents (../shared/pdfs). It measures the extractive default
 * unless CHAT_BASE_URL and CHAT_MODEL are set; then it measures generation (with fallback).
 */
import { errorMessage } from '../../ingest/errors.js';
import { ask } from '../../server/answer/ask.js';
import { createAnswerer } from '../../server/answer/generate/create-answerer.js';
import { EXTRACTIVE } from '../../server/answer/generate/generate-answer.js';
import { cliArguments, openEngine } from '../../server/cli/open-engine.js';
import type { Engine } from '../../server/engine.js';
import { createLogger } from '../../server/log.js';
import { bigCorpusEngine } from './big-corpus.js';
import { report, scoreQuestion } from './evaluate.js';
import { reportLines } from './print-report.js';
import { readSets, repositorySets } from './sets.js';

async function main(): Promise<void> {
  const { flags, options } = cliArguments();
  const files = options.get('questions')?.split(',') ?? repositorySets();
  const questions = readSets(files);
  const corpus = options.get('corpus') ?? 'default';
  if (corpus !== 'default' && corpus !== 'big') throw new Error('--corpus is "default" or "big".');
  const { engine: defaultEngine, settings } = await openEngine();
  const engine: Engine = corpus === 'big' ? await bigCorpusEngine(process.env, (line) => console.error(line)) : defaultEngine;
  const answerer = createAnswerer(settings, createLogger(settings.LOG_LEVEL));
  console.error(`Antwoorden: ${answerer?.name ?? EXTRACTIVE}; index: ${corpus} (${engine.snapshot.passages.length} passages)`);
  const outcomes = [];
  for (const question of questions) {
    const response = await ask(engine, { question: question.question, history: question.context ?? [] }, answerer);
    outcomes.push(scoreQuestion(question, { ranking: response.passages.map((p) => p.text), status: response.status, answer: response.answer, citations: response.citations }));
  }
  const result = report(outcomes);
  if (flags.has('json')) console.log(JSON.stringify(result, null, 2));
  else console.log(reportLines(result, `Vragen: ${questions.length} uit ${files.length} bestand(en), index ${corpus}`, flags.has('list')).join('\n'));
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exitCode = 1;
});
