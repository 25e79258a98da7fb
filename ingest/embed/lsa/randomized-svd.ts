/**
 * Truncated SVD of a sparse documents × features matrix by randomized range finding with optional power
 * iterations (Halko, Martinsson & Tropp 2011). Only the right singular vectors are kept: they map any text's feature
 * vector into the latent space, which is all the embedder needs.
 */
import { addScaled, zeros } from './add-scaled.js';
import { seededUniform } from './seeded-random.js';
import { orthonormalizeColumns } from './orthonormalize.js';
import { denseMatrix, forEachTransposeRow, multiplyGram, multiplySparseSigns } from './sparse-matrix.js';
import type { DenseMatrix, SparseMatrix } from './sparse-matrix.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Options for {@link randomizedSvd}. */
export interface RandomizedSvdOptions {
  /** Number of singular triplets wanted; fewer come back when the matrix has lower rank. */
  rank: number;
  /** Extra random directions that make the top `rank` accurate. Default 16. */
  oversampling?: number;
  /** Passes of X·Xᵀ that sharpen the spectrum before the final projection. Default 0. */
  powerIterations?: number;
  /** Seed of the random test matrix. Default 1. */
  seed?: number;
}

/** The top singular values (descending) and a way to read the right singular vectors. */
export interface TruncatedSvd {
  singularValues: Float64Array;
  /** Visits row f of V (features × rank), i.e. feature f's coordinates; the buffer is reused between calls. */
  forEachRightVectorRow(visit: (feature: number, row: number[]) => void): void;
}

/** Computes the top singular values and right singular vectors of `x` (documents × features). */
export function randomizedSvd(x: SparseMatrix, options: RandomizedSvdOptions): TruncatedSvd {
  const width = Math.max(1, Math.min(options.rank + (options.oversampling ?? 16), x.rows, x.columns));
  let basis = multiplySparseSigns(x, width, Math.min(8, width), seededUniform(options.seed ?? 1));
  orthonormalizeColumns(basis);
  for (let pass = 0; pass < (options.powerIterations ?? 0); pass++) {
    basis = multiplyGram(x, basis);
    orthonormalizeColumns(basis);
  }
  // Rayleigh–Ritz on span(basis): Qᵀ X Xᵀ Q = B Bᵀ with B = Qᵀ X, whose eigenpairs give Σ² and B's left vectors.
  const image = multiplyGram(x, basis);
  const gram = symmetricProduct(basis, image);
  const { values, vectors } = symmetricEigen(gram, width);
  const singularValues = keptSingularValues(values, options.rank);
  // V = Xᵀ Q U_B Σ⁻¹, computed through the sparse X rather than the dense features × width matrix Xᵀ Q.
  const coefficients = ritzCoefficients(basis, vectors, singularValues);
  return { singularValues, forEachRightVectorRow: (visit) => forEachTransposeRow(x, coefficients, visit) };
}

/** Q · U_B[:, :rank] · Σ⁻¹ (documents × rank), row by row so every inner loop runs over contiguous memory. */
function ritzCoefficients(basis: DenseMatrix, vectors: number[], singularValues: Float64Array): DenseMatrix {
  const width = basis.columns;
  const rank = singularValues.length;
  const sigma = Array.from(singularValues);
  const result = denseMatrix(basis.rows, rank);
  for (let row = 0; row < basis.rows; row++) {
    const out = row * rank;
    for (let t = 0; t < width; t++) {
      const weight = basis.data[row * width + t]!;
      if (weight === 0) continue;
      addScaled(result.data, out, vectors, t * width, weight, rank);
    }
    for (let j = 0; j < rank; j++) result.data[out + j]! /= sigma[j]!;
  }
  return result;
}

/** Aᵀ · B for two n × w matrices whose product is known to be symmetric (Qᵀ · X·Xᵀ·Q). */
function symmetricProduct(a: DenseMatrix, b: DenseMatrix): number[] {
  const w = a.columns;
  const result = zeros(w * w);
  for (let row = 0; row < a.rows; row++) {
    const offset = row * w;
    for (let i = 0; i < w; i++) {
      const left = a.data[offset + i]!;
      if (left === 0) continue;
      addScaled(result, i * w + i, b.data, offset + i, left, w - i);
    }
  }
  // Only the upper triangle was summed; mirror it (the exact product is symmetric anyway).
  for (let i = 0; i < w; i++) for (let j = i + 1; j < w; j++) result[j * w + i] = result[i * w + j]!;
  return result;
}

/** Singular values from the eigenvalues, dropping directions the data does not really have. */
function keptSingularValues(eigenvalues: Float64Array, rank: number): Float64Array {
  const largest = Math.sqrt(Math.max(eigenvalues[0] ?? 0, 0));
  const kept: number[] = [];
  for (const value of eigenvalues.subarray(0, rank)) {
    const singular = Math.sqrt(Math.max(value, 0));
    if (singular <= largest * 1e-6 || singular === 0) break;
    kept.push(singular);
  }
  return Float64Array.from(kept);
}
