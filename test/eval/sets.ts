/**
 * The question sets `npm run eval` runs: every `*.jsonl` in test/eval (the shipped copies of the shared
 * development sets, the independent sets written for this repository), or the files named on the command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuestions, type EvalQuestion } from './questions.js';

/** The folder holding the repository's question sets. */
export const EVAL_DIR = fileURLToPath(new URL('./', import.meta.url));

/** A question with the set it comes from. */
export interface SetQuestion extends EvalQuestion {
  set: string;
}

/** The set name of a question file: its base name without extension. */
export function setName(file: string): string {
  return basename(file).replace(/\.jsonl$/, '');
}

/** The question files of the repository, sorted by name. */
export function repositorySets(dir: string = EVAL_DIR): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(dir, name));
}

/** Reads question files; ids are prefixed with nothing, so sets must keep their ids distinct (checked). */
export function readSets(files: string[]): SetQuestion[] {
  const questions = files.flatMap((file) => parseQuestions(readFileSync(file, 'utf8')).map((q) => ({ ...q, set: setName(file) })));
  const seen = new Set<string>();
  for (const question of questions) {
    const key = `${question.set}:${question.id}`;
    if (seen.has(key)) throw new Error(`Question id ${question.id} occurs twice in set ${question.set}.`);
    seen.add(key);
  }
  return questions;
}
