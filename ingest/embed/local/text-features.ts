/**
 * What the local embedder sees of a text: stemmed words (what the text is about) and character n-grams of
 * the surface words (compounds, inflection and OCR damage that whole words miss: "geldmiddelen" ↔ "geld").
 * Features are hashed to integers: no n-gram strings are built, which keeps fitting fast, and the model
 * stores ids instead of a vocabulary of strings. The rare collisions only add a little noise.
 */
import { contentWords, numberTokens } from '../../text/analyze.js';

/** Which features to extract; recorded in the model so queries are featurised like the corpus was. */
export interface FeatureOptions {
  /** Shortest character n-gram (with word-boundary markers "<" and ">"). */
  ngramMin: number;
  /** Longest character n-gram (with word-boundary markers). */
  ngramMax: number;
  /** Whether quantities ("4.470.460" → "4470460") are features of the word block. */
  numbers: boolean;
}

/** Ids of word (and number) features lie below this; ids of n-gram features from it up to twice it. */
export const NGRAM_BLOCK_START = 1 << 20;
const BLOCK_MASK = NGRAM_BLOCK_START - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SALT = 0x77;
const NUMBER_SALT = 0x6e;
const LEFT_MARKER = 0x3c;
const RIGHT_MARKER = 0x3e;

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function hashString(salt: number, text: string): number {
  let hash = fnvStep(FNV_OFFSET, salt);
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash & BLOCK_MASK;
}

/** True for ids of the n-gram block. */
export function isNgramFeature(id: number): boolean {
  return id >= NGRAM_BLOCK_START;
}

/** Counts of each feature id in `text`. */
export function textFeatures(text: string, options: FeatureOptions): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (id: number): void => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const word of contentWords(text)) {
    add(hashString(WORD_SALT, word.term));
    addNgrams(word.folded, options, add);
  }
  if (options.numbers) for (const number of numberTokens(text)) add(hashString(NUMBER_SALT, number));
  return counts;
}

/** Hashes every n-gram of "<word>" incrementally: one FNV pass per start position covers all lengths. */
function addNgrams(word: string, options: FeatureOptions, add: (id: number) => void): void {
  const length = word.length + 2;
  const codeAt = (i: number): number => (i === 0 ? LEFT_MARKER : i === length - 1 ? RIGHT_MARKER : word.charCodeAt(i - 1));
  if (length <= options.ngramMin) {
    let hash = FNV_OFFSET;
    for (let i = 0; i < length; i++) hash = fnvStep(hash, codeAt(i));
    add(NGRAM_BLOCK_START + (hash & BLOCK_MASK));
    return;
  }
  for (let start = 0; start + options.ngramMin <= length; start++) {
    let hash = FNV_OFFSET;
    for (let end = start; end < Math.min(length, start + options.ngramMax); end++) {
      hash = fnvStep(hash, codeAt(end));
      if (end - start + 1 >= options.ngramMin) add(NGRAM_BLOCK_START + (hash & BLOCK_MASK));
    }
  }
}
