/**
 * A sparse documents × features matrix stored by feature (CSC), and the products the randomized SVD
 * needs. Working one feature at a time keeps the touched data (an l-vector plus the documents × l
 * matrices, a few MB) in cache; materialising the features × l matrix Xᵀ·Q instead is memory-bound
 * and several times slower.
 */
import { addScaled, zeros } from './add-scaled.js';

/** Documents × features sparse matrix, stored by column (feature). */
export interface SparseMatrix {
  rows: number;
  columns: number;
  /** Column c's entries are at indices columnStart[c] … columnStart[c + 1] - 1 of `rowIndex` and `values`. */
  columnStart: Int32Array;
  rowIndex: Int32Array;
  values: Float64Array;
}

/** One sparse row: `values[i]` is at column `columns[i]`; each column at most once. */
export interface SparseRow {
  columns: Int32Array;
  values: Float64Array;
}

/** A dense row-major matrix (a plain array of doubles: see `add-scaled.ts`). */
export interface DenseMatrix {
  rows: number;
  columns: number;
  data: number[];
}

/** A zero-filled dense matrix. */
export function denseMatrix(rows: number, columns: number): DenseMatrix {
  return { rows, columns, data: zeros(rows * columns) };
}

/** Builds the matrix from one sparse row per document. */
export function sparseFromRows(rows: ReadonlyArray<SparseRow>, columns: number): SparseMatrix {
  const columnStart = new Int32Array(columns + 1);
  for (const row of rows) for (const column of row.columns) columnStart[column + 1]!++;
  for (let column = 0; column < columns; column++) columnStart[column + 1]! += columnStart[column]!;
  const next = columnStart.slice(0, columns);
  const rowIndex = new Int32Array(columnStart[columns]!);
  const values = new Float64Array(columnStart[columns]!);
  rows.forEach((row, index) => {
    for (let i = 0; i < row.columns.length; i++) {
      const at = next[row.columns[i]!]!++;
      rowIndex[at] = index;
      values[at] = row.values[i]!;
    }
  });
  return { rows: rows.length, columns, columnStart, rowIndex, values };
}

/** X · Xᵀ · D for dense D (documents × l), feature by feature, without forming Xᵀ · D. */
export function multiplyGram(x: SparseMatrix, d: DenseMatrix): DenseMatrix {
  const width = d.columns;
  const result = denseMatrix(x.rows, width);
  const feature = zeros(width);
  for (let column = 0; column < x.columns; column++) {
    const start = x.columnStart[column]!;
    const end = x.columnStart[column + 1]!;
    feature.fill(0);
    for (let entry = start; entry < end; entry++) addScaled(feature, 0, d.data, x.rowIndex[entry]! * width, x.values[entry]!, width);
    for (let entry = start; entry < end; entry++) addScaled(result.data, x.rowIndex[entry]! * width, feature, 0, x.values[entry]!, width);
  }
  return result;
}

/**
 * Visits the rows of Xᵀ · D (one per feature) for dense D (documents × l) without storing the product:
 * with tens of thousands of features it would be tens of MB that the caller only reads once. The row
 * buffer is reused between calls.
 */
export function forEachTransposeRow(x: SparseMatrix, d: DenseMatrix, visit: (column: number, row: number[]) => void): void {
  const width = d.columns;
  const row = zeros(width);
  for (let column = 0; column < x.columns; column++) {
    row.fill(0);
    for (let entry = x.columnStart[column]!; entry < x.columnStart[column + 1]!; entry++) {
      addScaled(row, 0, d.data, x.rowIndex[entry]! * width, x.values[entry]!, width);
    }
    visit(column, row);
  }
}

/**
 * X · Ω for a sparse random sign matrix Ω (features × width) with `perFeature` nonzeros per row, drawn from
 * `random` and never stored. Such sparse sketches capture a range almost as well as Gaussian ones
 * (Clarkson & Woodruff 2013; Nelson & Nguyen 2013) at `perFeature` instead of `width` operations per entry.
 */
export function multiplySparseSigns(x: SparseMatrix, width: number, perFeature: number, random: () => number): DenseMatrix {
  const result = denseMatrix(x.rows, width);
  const targets = zeros(perFeature);
  const signs = zeros(perFeature);
  for (let column = 0; column < x.columns; column++) {
    for (let t = 0; t < perFeature; t++) {
      targets[t] = Math.floor(random() * width);
      signs[t] = random() < 0.5 ? -1 : 1;
    }
    for (let entry = x.columnStart[column]!; entry < x.columnStart[column + 1]!; entry++) {
      const offset = x.rowIndex[entry]! * width;
      const value = x.values[entry]!;
      for (let t = 0; t < perFeature; t++) result.data[offset + targets[t]!]! += signs[t]! * value;
    }
  }
  return result;
}
