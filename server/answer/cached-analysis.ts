/**
 * The text analysis of ingest/text/analyze.ts, remembered per text. The answer composer analyses every sentence
 * of the top passages for every question, and the same passages come back question after question, so their
 * sentences were tokenised, stemmed and scanned for numbers again and again. The analysis is a pure function of
 * the text, so a remembered result can never be stale, whatever the index does; results are frozen, so a
 * caller that tried to change a shared one would fail loudly instead of corrupting the next answer.
 */
import * as analyze from '../../ingest/index.js';
import type { Token } from '../../ingest/index.js';

/** How many texts each function remembers: the sentences of a large corpus's busiest passages, a few MB. */
export const MAX_REMEMBERED_TEXTS = 20_000;

/** `run` remembered per text; forgets everything when full, which costs one re-analysis per text. */
export function rememberPerText<T>(run: (text: string) => T): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text) => {
    const known = remembered.get(text);
    if (known !== undefined) return known;
    const result = run(text);
    if (remembered.size >= MAX_REMEMBERED_TEXTS) remembered.clear();
    remembered.set(text, result);
    return result;
  };
}

/** {@link analyze.analyzeTerms}, remembered. */
export const analyzeTerms: (text: string) => readonly string[] = rememberPerText((text) => Object.freeze(analyze.analyzeTerms(text)));

/** {@link analyze.numberTokens}, remembered. */
export const numberTokens: (text: string) => readonly string[] = rememberPerText((text) => Object.freeze(analyze.numberTokens(text)));

/** {@link analyze.tokenize}, remembered. */
export const tokenize: (text: string) => readonly Readonly<Token>[] = rememberPerText((text) => Object.freeze(analyze.tokenize(text).map((token) => Object.freeze(token))));
