/**
 * The five real corpus documents of data/corpus, loaded the way ingest loads them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadText } from '../../../ingest/load/load-text.js';
import type { LoadedDocument } from '../../../ingest/types.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The corpus folder. */
export const corpusDir = path.resolve(repoRoot, 'data', 'corpus');

/** The development questions (test/eval/dev.jsonl, a copy of the shared eval/dev.jsonl). */
export const devQuestionsPath = path.resolve(repoRoot, 'test', 'eval', 'dev.jsonl');

/** The corpus files, by their number. */
export const CORPUS_FILES = {
  '000': '000_c2dbb4c22b6881a5.txt',
  '001': '001_9e23d01a41b8f33e.txt',
  '002': '002_d22ba786302d140d.txt',
  '003': '003_61411eb285946e64.txt',
  '004': '004_27f37c8f34aada63.txt',
} as const;

export type CorpusNumber = keyof typeof CORPUS_FILES;

/** A corpus file loaded as ingest loads it. */
export function loadCorpus(number: CorpusNumber): LoadedDocument {
  const file = CORPUS_FILES[number];
  return loadText(readFileSync(path.join(corpusDir, file)), file);
}

/** The first line of a corpus file that contains `needle`, exactly as the file has it. */
export function corpusLine(number: CorpusNumber, needle: string): string {
  const line = loadCorpus(number).text.split('\n').find((candidate) => candidate.includes(needle));
  if (line === undefined) throw new Error(`No line with "${needle}" in corpus/${number}.`);
  return line;
}

/** `count` consecutive lines of a corpus file starting at the line that contains `needle`. */
export function corpusLines(number: CorpusNumber, needle: string, count: number): string {
  const lines = loadCorpus(number).text.split('\n');
  const first = lines.findIndex((candidate) => candidate.includes(needle));
  if (first === -1) throw new Error(`No line with "${needle}" in corpus/${number}.`);
  return lines.slice(first, first + count).join('\n');
}
