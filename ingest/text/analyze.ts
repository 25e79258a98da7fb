/**
 * Text analysis shared by the local embedder, the reranker and query analysis: the one place that decides
 * what a "term" and a "number" are, so ingest and search can never disagree.
 */
import { foldText } from './fold-text.js';
import { isDutchStopWord } from './dutch-stop-words.js';
import { stemDutch } from './stem-dutch.js';
import { tokenize } from './tokenize.js';
import type { Token, WordToken } from './tokenize.js';

export { foldText } from './fold-text.js';
export { tokenize } from './tokenize.js';
export type { Token, WordToken, NumberToken } from './tokenize.js';
export { parseNumber } from './parse-number.js';
export type { ParsedNumber } from './parse-number.js';
export { stemDutch } from './stem-dutch.js';
export { DUTCH_STOP_WORDS, isDutchStopWord } from './dutch-stop-words.js';
export { charNgrams } from './char-ngrams.js';
export type { CharNgramOptions } from './char-ngrams.js';

const PART_SEPARATORS = /[\-\u2010\u2011]/;
const APOSTROPHES = /['\u2019]/;
/** Endings Dutch writes after an apostrophe: plurals ("auto's"), persons ("mbo'ers", "zzp'er"), diminutives. */
const APOSTROPHE_SUFFIXES = new Set(['s', 'er', 'ers', 'tje', 'tjes', 'je', 'jes']);

/**
 * The parts of a word token that are words of their own, lower-cased but not yet folded: "WIJ-teams" gives
 * "wij" and "teams"; the ending after an apostrophe is dropped ("auto's" gives "auto", "mbo'ers" gives "mbo").
 */
export function wordParts(token: WordToken): string[] {
  const parts: string[] = [];
  for (const part of token.text.replace(/\u00AD/g, '').normalize('NFC').toLowerCase().split(PART_SEPARATORS)) {
    const pieces = part.split(APOSTROPHES);
    if (pieces.length > 1 && APOSTROPHE_SUFFIXES.has(pieces[pieces.length - 1] as string)) pieces.pop();
    parts.push(pieces.join(''));
  }
  return parts.filter((part) => part !== '');
}

/** A content word of a text: its folded surface form and its stemmed term. */
export interface ContentWord {
  /** Folded surface form ("geldmiddelen"), for character n-grams. */
  folded: string;
  /** Folded stem ("geldmiddel"), as {@link analyzeTerms} returns it. */
  term: string;
}

/**
 * The content words of `text`, in order: stop words removed, each word stemmed with {@link stemDutch} and
 * then folded. Stemming happens before folding, as in LanceDB's analyzer (lower-case → stem → stop words →
 * ASCII folding), so both produce the same terms; one difference: stop words are judged on the word, not
 * on its stem. Single letters are dropped as noise.
 */
export function contentWords(text: string): ContentWord[] {
  return contentWordsOf(tokenize(text));
}

/** The content words of tokens already cut from a text (see {@link contentWords}): a text tokenized once serves every analysis. */
export function contentWordsOf(tokens: readonly Token[]): ContentWord[] {
  const words: ContentWord[] = [];
  for (const token of tokens) {
    if (token.kind === 'word') words.push(...analyzeWordToken(token));
  }
  return words;
}

// Word forms repeat heavily (a corpus of 150,000 words has ~5,000 forms), and stemming dominates the cost
// of fitting the local embedder, so each form is analysed once. Bounded so a long-running server cannot grow it
// without limit; the results are immutable, so sharing them is safe.
const analysedForms = new Map<string, readonly ContentWord[]>();
const MAX_CACHED_FORMS = 100_000;

function analyzeWordToken(token: WordToken): readonly ContentWord[] {
  const cached = analysedForms.get(token.text);
  if (cached !== undefined) return cached;
  const words: ContentWord[] = [];
  for (const part of wordParts(token)) {
    const folded = foldText(part);
    if (isDutchStopWord(folded)) continue;
    const term = foldText(stemDutch(part.replace(/ĳ/g, 'ij')));
    if (term.length > 1) words.push(Object.freeze({ folded, term }));
  }
  if (analysedForms.size >= MAX_CACHED_FORMS) analysedForms.clear();
  analysedForms.set(token.text, Object.freeze(words));
  return words;
}

/** The stemmed content terms of `text`, in order (see {@link contentWords}): "klachten" → "klacht". */
export function analyzeTerms(text: string): string[] {
  return contentWords(text).map((word) => word.term);
}

/**
 * The numbers in `text` as canonical strings, in order: "€ 4.470.460", "4.470.460€" and "4470460" all
 * give "4470460"; "0,19" gives "0.19". Equality of these strings is equality of the numbers, so "82" never
 * matches "821". Section numbers and dotted dates keep their literal form ("3.3.4").
 */
export function numberTokens(text: string): string[] {
  return numbersOf(tokenize(text));
}

/** The canonical numbers of tokens already cut from a text (see {@link numberTokens}). */
export function numbersOf(tokens: readonly Token[]): string[] {
  const numbers: string[] = [];
  for (const token of tokens) if (token.kind === 'number') numbers.push(token.normal);
  return numbers;
}
