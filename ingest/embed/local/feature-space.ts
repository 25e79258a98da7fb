/**
 * The fitted feature space: which features count (the vocabulary), how rare each is (IDF), and how a
 * text's counts become one weighted, normalised sparse vector.
 */
import { isNgramFeature, type FeatureCounts } from './text-features.js';
import type { SparseRow } from '../lsa/sparse-matrix.js';

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
function documentFrequencies(documents: ReadonlyArray<FeatureCounts>): Int32Array {
  let frequency = new Int32Array(1 << 16);
  for (const { ids } of documents) {
    for (const key of ids) {
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
export function fitFeatureSpace(documents: ReadonlyArray<FeatureCounts>, options: FeatureSpaceOptions): FeatureSpace {
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
 * n-grams of a text do not drown its few words. Unknown features are ignored; the rest keep their order.
 */
export function weighFeatures(space: FeatureSpace, { ids, counts }: FeatureCounts): SparseRow {
  const lookup = columnLookup(space);
  const columns = new Int32Array(ids.length);
  const values = new Float64Array(ids.length);
  let known = 0;
  let wordNorm = 0;
  let ngramNorm = 0;
  for (let i = 0; i < ids.length; i++) {
    const column = (lookup[ids[i]!] ?? 0) - 1;
    if (column < 0) continue;
    const weight = (1 + Math.log(counts[i]!)) * space.idf[column]!;
    columns[known] = column;
    values[known++] = weight;
    if (space.isNgram[column]) ngramNorm += weight * weight;
    else wordNorm += weight * weight;
  }
  const wordScale = Math.sqrt(space.wordShare / (wordNorm || 1));
  const ngramScale = Math.sqrt((1 - space.wordShare) / (ngramNorm || 1));
  for (let i = 0; i < known; i++) values[i]! *= space.isNgram[columns[i]!] ? ngramScale : wordScale;
  return { columns: columns.subarray(0, known), values: values.subarray(0, known) };
}
