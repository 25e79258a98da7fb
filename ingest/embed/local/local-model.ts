/**
 * The local embedding model: latent semantic analysis fitted on the corpus at ingest. TF-IDF over stemmed
 * words and character n-grams, reduced by a truncated SVD, so passages that share vocabulary *patterns*
 * (not only exact words) end up close. Needs no download and no key; fitting is deterministic.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import { zeros } from '../lsa/add-scaled.js';
import { randomizedSvd } from '../lsa/randomized-svd.js';
import type { TruncatedSvd } from '../lsa/randomized-svd.js';
import { sparseFromRows, type SparseRow } from '../lsa/sparse-matrix.js';
import { fitFeatureSpace, weighFeatures } from './feature-space.js';
import type { FeatureSpace, FeatureSpaceOptions } from './feature-space.js';
import { countFeatures } from './text-features.js';
import type { FeatureOptions } from './text-features.js';

/** A fitted model: everything needed to embed any text, and to persist with the index. */
export interface LocalModel {
  features: FeatureOptions;
  space: FeatureSpace;
  /** Length of the vectors the model produces. */
  dimensions: number;
  /** Features × dimensions projection, int8 per row; row c is `projection[c·d …] × projectionScale[c]`. */
  projection: Int8Array;
  projectionScale: Float32Array;
  /** First 8 hex digits of a SHA-256 over the model's content: equal fingerprints embed alike. */
  fingerprint: string;
}

/** Options for {@link fitLocalModel}; the defaults are what Grip ships. */
export interface LocalModelOptions extends Partial<FeatureOptions>, Partial<FeatureSpaceOptions> {
  /** Upper bound on the vector length. Default 256; a small corpus gets fewer (see `documentsPerDimension`). */
  dimensions?: number;
  /** At most one dimension per this many texts, so a small corpus is still smoothed. Default 2. */
  documentsPerDimension?: number;
  /** Exponent on the singular values when projecting: 1 = classic LSA (U·Σ), 0 = whitened. Default 1. */
  singularValuePower?: number;
  powerIterations?: number;
  oversampling?: number;
  seed?: number;
}

// Chosen with test/embed-probe.ts (see there for the alternatives measured): n-gram-heavy features find the
// evidence more often than word-heavy ones, 3–4-grams match 3–5-grams at half the model size and fit time,
// and one power iteration bought nothing measurable.
const DEFAULTS = {
  dimensions: 256, documentsPerDimension: 2, singularValuePower: 1, powerIterations: 0, oversampling: 16,
  seed: 20240601, ngramMin: 3, ngramMax: 4, numbers: false, wordShare: 0.3,
  minDocumentFrequency: 2, maxDocumentShare: 0.2, maxFeatures: 40_000,
} satisfies Required<LocalModelOptions>;

/** Fits the model on the corpus passages `texts` (pure and deterministic: same texts, same model). */
export function fitLocalModel(texts: readonly string[], options: LocalModelOptions = {}): LocalModel {
  return fitOnRows(texts, options).model;
}

/**
 * Fits the model and embeds the very texts it was fitted on, exactly as {@link embedWithModel} would (same
 * vectors, bit for bit), without extracting and weighing their features a second time: an ingest needs both,
 * and featurising the corpus is a good part of the fit.
 */
export function fitLocalModelWithVectors(texts: readonly string[], options: LocalModelOptions = {}): { model: LocalModel; vectors: number[][] } {
  const { model, rows } = fitOnRows(texts, options);
  return { model, vectors: rows.map((row) => embedWeights(model, row)) };
}

function fitOnRows(texts: readonly string[], options: LocalModelOptions): { model: LocalModel; rows: SparseRow[] } {
  const settings = { ...DEFAULTS, ...options };
  const features: FeatureOptions = { ngramMin: settings.ngramMin, ngramMax: settings.ngramMax, numbers: settings.numbers };
  const counts = texts.map((text) => countFeatures(text, features));
  const space = fitFeatureSpace(counts, settings);
  if (texts.length === 0 || space.vocabulary.size === 0) {
    throw new AppError('model_failed', 'The local embedding model cannot be fitted: the corpus has no words that occur in more than one passage.');
  }
  const rows = counts.map((count) => weighFeatures(space, count));
  const matrix = sparseFromRows(rows, space.vocabulary.size);
  const rank = Math.max(1, Math.min(settings.dimensions, Math.floor(texts.length / settings.documentsPerDimension)));
  const svd = randomizedSvd(matrix, { rank, oversampling: settings.oversampling, powerIterations: settings.powerIterations, seed: settings.seed });
  const dimensions = svd.singularValues.length;
  const weights = svd.singularValues.map((value) => value ** (settings.singularValuePower - 1));
  const { projection, projectionScale } = quantizedProjection(svd, space.vocabulary.size, weights);
  const model = { features, space, dimensions, projection, projectionScale, fingerprint: fingerprintOf(features, space, projection, projectionScale) };
  return { model, rows };
}

/**
 * The projection, quantised per row to int8 as the SVD produces it: a quarter of float32's size, and
 * rankings do not notice the rounding. Row f is feature f's coordinates, weighted by σ^(power - 1).
 */
function quantizedProjection(svd: TruncatedSvd, features: number, singularWeights: Float64Array): Pick<LocalModel, 'projection' | 'projectionScale'> {
  const dimensions = singularWeights.length;
  const weights = Array.from(singularWeights);
  const projection = new Int8Array(features * dimensions);
  const projectionScale = new Float32Array(features);
  svd.forEachRightVectorRow((feature, row) => {
    let largest = 0;
    for (let j = 0; j < dimensions; j++) {
      row[j]! *= weights[j]!;
      largest = Math.max(largest, Math.abs(row[j]!));
    }
    const scale = largest / 127 || 1;
    projectionScale[feature] = scale;
    const offset = feature * dimensions;
    for (let j = 0; j < dimensions; j++) projection[offset + j] = Math.round(row[j]! / scale);
  });
  return { projection, projectionScale };
}

/** The fingerprint of a model's content (options, vocabulary, weights, projection). */
export function fingerprintOf(features: FeatureOptions, space: FeatureSpace, projection: Int8Array, scale: Float32Array): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ features, wordShare: space.wordShare }));
  for (const array of [Int32Array.from(space.vocabulary.keys()), space.idf, projection, scale]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return hash.digest('hex').slice(0, 8);
}

/** Embeds one text with `model`: its weighted features projected into the latent space, L2-normalised. */
export function embedWithModel(model: LocalModel, text: string): number[] {
  return embedWeights(model, weighFeatures(model.space, countFeatures(text, model.features)));
}

/** sum += scale · projection[from … from + sum.length), unrolled by four: the loop that embedding is made of. */
function addScaledRow(sum: number[], projection: Int8Array, from: number, scale: number): void {
  const width = sum.length;
  let j = 0;
  for (; j + 3 < width; j += 4) {
    sum[j]! += scale * projection[from + j]!;
    sum[j + 1]! += scale * projection[from + j + 1]!;
    sum[j + 2]! += scale * projection[from + j + 2]!;
    sum[j + 3]! += scale * projection[from + j + 3]!;
  }
  for (; j < width; j++) sum[j]! += scale * projection[from + j]!;
}

/** Projects weighted features (as {@link weighFeatures} gives them) and L2-normalises. */
function embedWeights(model: LocalModel, { columns, values }: SparseRow): number[] {
  const { dimensions, projection, projectionScale } = model;
  const sum = zeros(dimensions);
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    addScaledRow(sum, projection, column * dimensions, values[i]! * projectionScale[column]!);
  }
  let norm = 0;
  for (const value of sum) norm += value * value;
  // A text with no known feature has no direction; a zero vector is honest and matches nothing.
  const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Array.from(sum, (value) => value * inverse);
}
