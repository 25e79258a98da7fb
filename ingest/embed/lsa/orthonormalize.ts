/**
 * Orthonormal bases for the range finder of the randomized SVD (modified Gram–Schmidt).
 */
import { addScaled } from './add-scaled.js';
import type { DenseMatrix } from './sparse-matrix.js';

/**
 * Replaces the columns of `matrix` (n × l, row-major) by an orthonormal basis of their span, in place.
 * A column that is (numerically) inside the span of the earlier ones becomes zero: the corpus may have
 * fewer independent directions than requested, and a zero column then yields a zero singular value.
 */
export function orthonormalizeColumns(matrix: DenseMatrix): void {
  const vectors = transpose(matrix);
  const length = matrix.rows;
  for (let i = 0; i < matrix.columns; i++) {
    const vector = vectors.subarray(i * length, (i + 1) * length);
    const originalNorm = norm(vector);
    for (let j = 0; j < i; j++) {
      const basis = vectors.subarray(j * length, (j + 1) * length);
      const projection = dot(vector, basis);
      addScaled(vector, 0, basis, 0, -projection, length);
    }
    const remaining = norm(vector);
    const scale = remaining > 1e-10 * Math.max(originalNorm, 1e-300) ? 1 / remaining : 0;
    for (let t = 0; t < length; t++) vector[t]! *= scale;
  }
  writeTransposed(vectors, matrix);
}

function transpose(matrix: DenseMatrix): Float64Array {
  const { rows, columns, data } = matrix;
  const result = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) result[c * rows + r] = data[r * columns + c]!;
  return result;
}

function writeTransposed(vectors: Float64Array, matrix: DenseMatrix): void {
  const { rows, columns, data } = matrix;
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) data[r * columns + c] = vectors[c * rows + r]!;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}
