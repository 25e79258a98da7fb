/**
 * The domain glossary (data/glossary.json): Dutch synonym groups, one-way hints from question words to the
 * documents' vocabulary, English→Dutch words and phrases, English stop words. Kept as data
 * so the domain can grow without code changes.
 */
import { z } from 'zod';
import { AppError, foldText } from '../../ingest/index.js';

const wordList = z.array(z.string().min(1)).min(1);
const glossarySchema = z.object({
  synonyms: z.array(wordList).default([]),
  related: z.record(z.string(), wordList).default({}),
  english: z.record(z.string(), wordList).default({}),
  englishPhrases: z.record(z.string(), wordList).default({}),
  englishStopWords: z.array(z.string()).default([]),
});

/** The glossary, with lookups keyed by folded words and phrases. */
export interface Glossary {
  /** Dutch words/phrases interchangeable with `word` (excluding itself). */
  synonymsOf(word: string): string[];
  /** Document vocabulary a question word points at. */
  relatedTo(word: string): string[];
  /** Dutch translations of an English word (trying simple inflections), or undefined. */
  translateWord(word: string): string[] | undefined;
  /** English phrases, longest first, with their Dutch translations. */
  phrases: [string, string[]][];
  englishStopWords: Set<string>;
}

const byLengthDescending = <T>(entries: [string, T][]) => entries.sort((a, b) => b[0].length - a[0].length);

function englishVariants(word: string): string[] {
  const variants = [word];
  if (word.endsWith('ies')) variants.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) variants.push(word.slice(0, -2));
  if (word.endsWith('s')) variants.push(word.slice(0, -1));
  if (word.endsWith('ed')) variants.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) variants.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  // An adverb asks what its adjective asks: "financially" → "financial", "easily" → "easy".
  if (word.endsWith('ily')) variants.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ly')) variants.push(word.slice(0, -2));
  // A comparative or superlative asks what its adjective asks: "stronger" → "strong", "larger" → "large",
  // "bigger" → "big", "easier" → "easy".
  for (const ending of ['er', 'est']) {
    if (!word.endsWith(ending) || word.length < ending.length + 3) continue;
    const stem = word.slice(0, -ending.length);
    variants.push(stem, `${stem}e`);
    if (stem.endsWith('i')) variants.push(`${stem.slice(0, -1)}y`);
    if (/(\p{L})\1$/u.test(stem)) variants.push(stem.slice(0, -1));
  }
  return variants;
}

/** Parses glossary JSON text into lookups. */
export function parseGlossary(json: string): Glossary {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AppError('bad_request', 'data/glossary.json is geen geldige JSON.', { cause: error });
  }
  const parsed = glossarySchema.parse(data);
  const synonyms = new Map<string, Set<string>>();
  for (const group of parsed.synonyms) {
    const folded = group.map(foldText);
    for (const word of folded) synonyms.set(word, new Set([...(synonyms.get(word) ?? []), ...folded.filter((w) => w !== word)]));
  }
  const fold = (record: Record<string, string[]>) => new Map(Object.entries(record).map(([k, v]) => [foldText(k), v.map(foldText)]));
  const related = fold(parsed.related);
  const english = fold(parsed.english);
  return {
    synonymsOf: (word) => [...(synonyms.get(foldText(word)) ?? [])],
    relatedTo: (word) => related.get(foldText(word)) ?? [],
    translateWord: (word) => {
      for (const variant of englishVariants(foldText(word))) {
        const found = english.get(variant);
        if (found) return found;
      }
      return undefined;
    },
    phrases: byLengthDescending([...fold(parsed.englishPhrases).entries()]),
    englishStopWords: new Set(parsed.englishStopWords.map(foldText)),
  };
}
