/**
 * Orthonormal bases for the range finder of the randomized SVD (modified Gram–Schmidt).
 */
import { addScaled, zeros } from './add-scaled.js';
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
    const vector = i * length;
    const originalNorm = Math.sqrt(dot(vectors, vector, vector, length));
    for (let j = 0; j < i; j++) {
      const basis = j * length;
      addScaled(vectors, vector, vectors, basis, -dot(vectors, vector, basis, length), length);
    }
    const remaining = Math.sqrt(dot(vectors, vector, vector, length));
    const scale = remaining > 1e-10 * Math.max(originalNorm, 1e-300) ? 1 / remaining : 0;
    for (let t = 0; t < length; t++) vectors[vector + t]! *= scale;
  }
  writeTransposed(vectors, matrix);
}

function transpose(matrix: DenseMatrix): number[] {
  const { rows, columns, data } = matrix;
  const result = zeros(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) result[c * rows + r] = data[r * columns + c]!;
  return result;
}

function writeTransposed(vectors: number[], matrix: DenseMatrix): void {
  const { rows, columns, data } = matrix;
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) data[r * columns + c] = vectors[c * rows + r]!;
}

/** The dot product of values[a … a+length) and values[b … b+length). */
function dot(values: number[], a: number, b: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[a + i]! * values[b + i]!;
  return sum;
}
