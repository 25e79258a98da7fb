import { describe, expect, it } from 'vitest';
import { randomizedSvd } from '../../../../ingest/embed/lsa/randomized-svd.js';
import { seededUniform } from '../../../../ingest/embed/lsa/seeded-random.js';
import { sparseFromRows } from '../../../../ingest/embed/lsa/sparse-matrix.js';
import { symmetricEigen } from '../../../../ingest/embed/lsa/symmetric-eigen.js';

describe('symmetricEigen', () => {
  const n = 30;
  const random = seededUniform(3);
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) matrix[i * n + j] = matrix[j * n + i] = random() - 0.5;
  }
  const { values, vectors } = symmetricEigen(matrix, n);

  it('finds eigenpairs: A·v = λ·v', () => {
    for (let c = 0; c < n; c++) {
      for (let r = 0; r < n; r++) {
        let product = 0;
        for (let t = 0; t < n; t++) product += matrix[r * n + t]! * vectors[t * n + c]!;
        expect(product).toBeCloseTo(values[c]! * vectors[r * n + c]!, 10);
      }
    }
  });

  it('returns eigenvalues in descending order with orthonormal eigenvectors', () => {
    for (let c = 1; c < n; c++) expect(values[c]!).toBeLessThanOrEqual(values[c - 1]!);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let dot = 0;
        for (let t = 0; t < n; t++) dot += vectors[t * n + a]! * vectors[t * n + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
  });
});

/** A sparse row with one entry. */
const single = (column: number, value: number) => ({ columns: Int32Array.of(column), values: Float64Array.of(value) });

describe('randomizedSvd', () => {
  // Rows are scaled, shuffled unit vectors, so the singular values are the scales and V holds unit vectors.
  const scales = Array.from({ length: 40 }, (_, i) => 2 ** -i);
  const columnOf = (row: number): number => (row * 7) % 60;
  const matrix = sparseFromRows(scales.map((scale, row) => single(columnOf(row), scale)), 60);

  it('recovers the largest singular values', () => {
    const { singularValues } = randomizedSvd(matrix, { rank: 5 });
    expect(Array.from(singularValues)).toHaveLength(5);
    singularValues.forEach((value, i) => expect(value).toBeCloseTo(scales[i]!, 8));
  });

  it('recovers the right singular vectors up to sign', () => {
    const rows = new Map<number, number[]>();
    randomizedSvd(matrix, { rank: 3 }).forEachRightVectorRow((feature, row) => rows.set(feature, Array.from(row)));
    for (let k = 0; k < 3; k++) {
      for (let feature = 0; feature < 60; feature++) {
        expect(Math.abs(rows.get(feature)![k]!)).toBeCloseTo(feature === columnOf(k) ? 1 : 0, 8);
      }
    }
  });

  it('returns fewer values than asked when the matrix has lower rank', () => {
    const lowRank = sparseFromRows([single(0, 1), single(0, 2), single(1, 3)], 4);
    expect(randomizedSvd(lowRank, { rank: 3 }).singularValues).toHaveLength(2);
  });
});
