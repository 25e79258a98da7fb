import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import type { CleanDocument } from '../../../ingest/clean/clean-types.js';
import { CORPUS_FILES, devQuestionsPath, loadCorpus, type CorpusNumber } from './corpus.js';

const NUMBERS = Object.keys(CORPUS_FILES) as CorpusNumber[];
const documents = new Map(NUMBERS.map((number) => [number, { original: loadCorpus(number).text, clean: cleanDocument(loadCorpus(number)) }]));

function documentOf(number: CorpusNumber): { original: string; clean: CleanDocument } {
  const found = documents.get(number);
  if (!found) throw new Error(`corpus/${number} was not cleaned`);
  return found;
}

/** Letters only, lower case, no diacritics; OCR look-alikes collapsed so a fix compares equal to its source. */
function letterSkeleton(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\]!|]/g, '')
    .replace(/[ilj\]!|t]/g, 'i')
    .replace(/in/g, 'm');
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    at = haystack.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/** A small seeded generator, so a failure names spans that can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function removedLetters(clean: CleanDocument, original: string, start: number, end: number): number {
  return clean.removed
    .filter((removal) => removal.start < end && removal.end > start)
    .reduce((total, removal) => total + letterSkeleton(original.slice(Math.max(start, removal.start), Math.min(end, removal.end))).length, 0);
}

function digitRuns(text: string): string[] {
  return (text.match(/\d+/g) ?? []).sort();
}

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

describe('cleanDocument', () => {
  it.each(NUMBERS)('maps random spans of corpus/%s back onto the same letters in the original', (number) => {
    const { original, clean } = documentOf(number);
    const next = random(Number(number) + 7);
    for (let trial = 0; trial < 300; trial++) {
      const start = Math.floor(next() * clean.text.length);
      const end = Math.min(clean.text.length, start + 1 + Math.floor(next() * 400));
      const from = clean.toOriginal[start] as number;
      const to = clean.toOriginal[end] as number;
      const cleanLetters = letterSkeleton(clean.text.slice(start, end));
      const originalLetters = letterSkeleton(original.slice(from, to));
      const context = `clean [${start}, ${end}) → original [${from}, ${to})`;
      expect(isSubsequence(cleanLetters, originalLetters), context).toBe(true);
      // Whatever the original span has beyond the clean letters was removed on purpose, or is markup.
      const extra = originalLetters.length - cleanLetters.length - removedLetters(clean, original, from, to);
      expect(extra, context).toBeLessThanOrEqual(40);
    }
  });

  it.each(NUMBERS)('keeps the offset map of corpus/%s complete and never decreasing', (number) => {
    const { original, clean } = documentOf(number);
    expect(clean.toOriginal).toHaveLength(clean.text.length + 1);
    expect(clean.toOriginal[clean.text.length]).toBeLessThanOrEqual(original.length);
    expect(clean.toOriginal.every((offset, i) => i === 0 || offset >= (clean.toOriginal[i - 1] as number))).toBe(true);
  });

  it.each(NUMBERS)('changes no figure of corpus/%s: every digit run survives unless it was removed as a footer, contents line or footnote marker', (number) => {
    const { original, clean } = documentOf(number);
    const kept = [...original.matchAll(/\d+/g)].filter(
      (match) => !clean.removed.some((removal) => match.index >= removal.start && match.index + match[0].length <= removal.end),
    );
    expect(digitRuns(clean.text)).toEqual(kept.map((match) => match[0]).sort());
  });

  it.each(NUMBERS)('leaves corpus/%s without page separators, odd characters, double spaces or runs of blank lines', (number) => {
    const { clean } = documentOf(number);
    expect(clean.text).not.toMatch(/[\f\uFFFD\uFFFE\uFFFF\u00A0\t]/);
    expect(clean.text).not.toMatch(/ {2}| $|^ |\n{3}/m);
  });

  it('keeps every evidence quote of the development questions findable: 80% of its words occur in the clean text', () => {
    const questions = readFileSync(devQuestionsPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; evidence: { file: string; quote: string }[] });
    const evidence = questions.flatMap((question) => question.evidence.map((item) => ({ id: question.id, ...item })));
    expect(evidence.length).toBeGreaterThan(20);
    for (const item of evidence) {
      const number = NUMBERS.find((candidate) => CORPUS_FILES[candidate] === item.file);
      if (number === undefined) throw new Error(`Unknown evidence file ${item.file}`);
      const present = new Set(words(documentOf(number).clean.text));
      const quote = words(item.quote);
      const coverage = quote.filter((word) => present.has(word)).length / quote.length;
      expect(coverage, `${item.id}: "${item.quote}"`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('counts what it changed per kind', () => {
    const { clean } = documentOf('002');
    const kinds = new Map(clean.changes.map((change) => [change.kind, change.count]));
    expect(kinds.get('ocr-characters')).toBeGreaterThan(100);
    expect(kinds.get('footnote-marker')).toBe(clean.removed.filter((removal) => removal.kind === 'footnote-marker').length);
  });
});
