/**
 * The fitted feature space: which features count (the vocabulary), how rare each is (IDF), and how a
 * text's counts become one weighted, normalised sparse vector.
 */
import { isNgramFeature } from './text-features.js';

/** Vocabulary and weights of the features a model knows. */
export interface FeatureSpace {
  /** Feature id → column. */
  vocabulary: ReadonlyMap<number, number>;
  /** Inverse document frequency per column. */
  idf: Float32Array;
  /** Whether each column belongs to the n-gram block. */
  isNgram: Uint8Array;
  /** Share of the vector's squared norm given to stemmed words (the rest goes to n-grams). */
  wordShare: number;
}

/** Options for {@link fitFeatureSpace}. */
export interface FeatureSpaceOptions {
  /** Features in fewer documents carry no co-occurrence signal for LSA (and full-text search finds them). */
  minDocumentFrequency: number;
  /** Features in more than this share of documents say nothing about any one of them. */
  maxDocumentShare: number;
  /** Upper bound on the vocabulary, which bounds the model's size; the most frequent features win. */
  maxFeatures: number;
  wordShare: number;
}

/**
 * How many documents each feature id occurs in, indexed by id. Feature ids are small non-negative integers
 * (hashes below 2²¹, see `text-features.ts`); counting into an array instead of a Map is many times faster on a
 * corpus with hundreds of thousands of (document, feature) pairs.
 */
function documentFrequencies(documents: ReadonlyArray<ReadonlyMap<number, number>>): Int32Array {
  let frequency = new Int32Array(1 << 16);
  for (const counts of documents) {
    for (const key of counts.keys()) {
      if (key >= frequency.length) {
        const grown = new Int32Array(Math.max(key + 1, frequency.length * 2));
        grown.set(frequency);
        frequency = grown;
      }
      frequency[key]!++;
    }
  }
  return frequency;
}

/** Chooses the vocabulary from per-document feature counts (ids are non-negative integers) and computes smoothed IDF. */
export function fitFeatureSpace(documents: ReadonlyArray<ReadonlyMap<number, number>>, options: FeatureSpaceOptions): FeatureSpace {
  const documentFrequency = documentFrequencies(documents);
  const maxFrequency = Math.max(options.minDocumentFrequency, Math.floor(options.maxDocumentShare * documents.length));
  const kept: number[] = [];
  for (let key = 0; key < documentFrequency.length; key++) {
    const frequency = documentFrequency[key]!;
    if (frequency >= options.minDocumentFrequency && frequency <= maxFrequency) kept.push(key);
  }
  // Ties broken by id so the vocabulary, and so the model, does not depend on Map insertion order.
  kept.sort((a, b) => documentFrequency[b]! - documentFrequency[a]! || a - b);
  kept.length = Math.min(kept.length, options.maxFeatures);
  const vocabulary = new Map<number, number>();
  const idf = new Float32Array(kept.length);
  const isNgram = new Uint8Array(kept.length);
  kept.forEach((key, column) => {
    vocabulary.set(key, column);
    idf[column] = Math.log((documents.length + 1) / (documentFrequency[key]! + 1)) + 1;
    isNgram[column] = isNgramFeature(key) ? 1 : 0;
  });
  return { vocabulary, idf, isNgram, wordShare: options.wordShare };
}

// Column + 1 by feature id (0: unknown), built once per space: a typed-array lookup instead of a Map lookup for
// every feature of every text. Weak, so a model that is no longer used takes its lookup with it.
const columnLookups = new WeakMap<FeatureSpace, Int32Array>();

function columnLookup(space: FeatureSpace): Int32Array {
  let lookup = columnLookups.get(space);
  if (!lookup) {
    let largest = 0;
    for (const key of space.vocabulary.keys()) largest = Math.max(largest, key);
    lookup = new Int32Array(largest + 1);
    for (const [key, column] of space.vocabulary) lookup[key] = column + 1;
    columnLookups.set(space, lookup);
  }
  return lookup;
}

/**
 * Sublinear TF-IDF over the known features, each block scaled to its share of a unit norm, so the many
 * n-grams of a text do not drown its few words. Unknown features are ignored.
 */
export function weighFeatures(space: FeatureSpace, counts: ReadonlyMap<number, number>): Map<number, number> {
  const lookup = columnLookup(space);
  const columns: number[] = [];
  const raw: number[] = [];
  const blockNorm = [0, 0];
  for (const [key, count] of counts) {
    const column = (lookup[key] ?? 0) - 1;
    if (column < 0) continue;
    const weight = (1 + Math.log(count)) * space.idf[column]!;
    columns.push(column);
    raw.push(weight);
    blockNorm[space.isNgram[column]!]! += weight * weight;
  }
  const scale = [Math.sqrt(space.wordShare / (blockNorm[0]! || 1)), Math.sqrt((1 - space.wordShare) / (blockNorm[1]! || 1))];
  const weights = new Map<number, number>();
  columns.forEach((column, i) => weights.set(column, raw[i]! * scale[space.isNgram[column]!]!));
  return weights;
}
