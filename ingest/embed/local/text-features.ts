/**
 * What the local embedder sees of a text: stemmed words (what the text is about) and character n-grams of
 * the surface words (compounds, inflection and OCR damage that whole words miss: "geldmiddelen" ↔ "geld").
 * Features are hashed to integers: no n-gram strings are built, which keeps fitting fast, and the model
 * stores ids instead of a vocabulary of strings. The rare collisions only add a little noise.
 */
import { contentWords, numberTokens, type ContentWord } from '../../text/analyze.js';

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

/** Character `i` of "<word>" (`length` counts the markers). */
function markedCodeAt(word: string, length: number, i: number): number {
  return i === 0 ? LEFT_MARKER : i === length - 1 ? RIGHT_MARKER : word.charCodeAt(i - 1);
}

/** The ids of every n-gram of "<word>", in order: one FNV pass per start position covers all lengths. */
function ngramIds(word: string, options: FeatureOptions): number[] {
  const ids: number[] = [];
  const length = word.length + 2;
  if (length <= options.ngramMin) {
    let hash = FNV_OFFSET;
    for (let i = 0; i < length; i++) hash = fnvStep(hash, markedCodeAt(word, length, i));
    ids.push(NGRAM_BLOCK_START + (hash & BLOCK_MASK));
    return ids;
  }
  for (let start = 0; start + options.ngramMin <= length; start++) {
    let hash = FNV_OFFSET;
    for (let end = start; end < Math.min(length, start + options.ngramMax); end++) {
      hash = fnvStep(hash, markedCodeAt(word, length, end));
      if (end - start + 1 >= options.ngramMin) ids.push(NGRAM_BLOCK_START + (hash & BLOCK_MASK));
    }
  }
  return ids;
}

// A corpus repeats its word forms many times over (100,000 words of a book, a few thousand forms), so each
// analysed word's feature ids (its stem, then its n-grams) are hashed once per n-gram setting. Keyed weakly by
// the shared ContentWord objects of `analyze.ts`, so the ids go when that bounded cache lets a word go.
const wordIdsBySetting = new Map<string, WeakMap<ContentWord, Int32Array>>();

function wordFeatureIds(word: ContentWord, options: FeatureOptions, cache: WeakMap<ContentWord, Int32Array>): Int32Array {
  let ids = cache.get(word);
  if (!ids) {
    ids = Int32Array.from([hashString(WORD_SALT, word.term), ...ngramIds(word.folded, options)]);
    cache.set(word, ids);
  }
  return ids;
}

/** A text's features: each id once, in the order it first occurs, and how often it occurs. */
export interface FeatureCounts {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * Counts ids in first-seen order. A count per possible id (2²¹ of them, 8 MB, allocated once) instead of a
 * Map update per occurrence: a passage has about a thousand distinct features but several times as many
 * occurrences. Only used synchronously, so one table serves every call.
 */
class FeatureCounter {
  private readonly counts = new Int32Array(2 * NGRAM_BLOCK_START);
  private order = new Int32Array(1024);
  private size = 0;

  add(id: number): void {
    if (this.counts[id]!++ !== 0) return;
    if (this.size === this.order.length) {
      const grown = new Int32Array(this.order.length * 2);
      grown.set(this.order);
      this.order = grown;
    }
    this.order[this.size++] = id;
  }

  /** The counts so far; resets the counter. */
  drain(): FeatureCounts {
    const ids = this.order.slice(0, this.size);
    const counts = new Int32Array(this.size);
    for (let i = 0; i < ids.length; i++) {
      counts[i] = this.counts[ids[i]!]!;
      this.counts[ids[i]!] = 0;
    }
    this.size = 0;
    return { ids, counts };
  }
}

let counter: FeatureCounter | undefined;

/** The features of `text` with their counts, in the order they first occur. */
export function countFeatures(text: string, options: FeatureOptions): FeatureCounts {
  const setting = `${options.ngramMin}-${options.ngramMax}`;
  let cache = wordIdsBySetting.get(setting);
  if (!cache) wordIdsBySetting.set(setting, (cache = new WeakMap()));
  counter ??= new FeatureCounter();
  for (const word of contentWords(text)) {
    const ids = wordFeatureIds(word, options, cache);
    for (let i = 0; i < ids.length; i++) counter.add(ids[i]!);
  }
  if (options.numbers) for (const number of numberTokens(text)) counter.add(hashString(NUMBER_SALT, number));
  return counter.drain();
}
