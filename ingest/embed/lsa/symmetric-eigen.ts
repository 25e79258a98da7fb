/**
 * Eigen-decomposition of a small dense symmetric matrix: Householder reduction to tridiagonal form, then
 * the implicit QL algorithm (the classic tred2/tql2 pair, as in EISPACK and JAMA). The randomized SVD
 * needs this for an l × l matrix (l ≈ 270), where O(l³) costs a few tens of milliseconds. The transform is kept
 * transposed (row k holds what JAMA keeps in column k), so the hot loops run over contiguous memory; the
 * arithmetic is JAMA's, operation for operation, so results are bit-identical to the textbook layout.
 */
import { zeros } from './add-scaled.js';

/** Eigenvalues in descending order and, as columns of a row-major n × n matrix, their eigenvectors. */
export interface SymmetricEigen {
  values: Float64Array;
  vectors: number[];
}

/**
 * Decomposes the symmetric n × n row-major matrix `matrix` (which is not modified). The work arrays are plain
 * arrays of doubles, for the reason given in `add-scaled.ts`.
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): SymmetricEigen {
  const v = zeros(n * n);
  for (let i = 0; i < n * n; i++) v[i] = matrix[i]!;
  const d = zeros(n);
  const e = zeros(n);
  tridiagonalize(v, d, e, n);
  diagonalize(v, d, e, n);
  return sortDescending(v, d, n);
}

/** Householder reduction: leaves the diagonal in d, the sub-diagonal in e and the transform in v. */
function tridiagonalize(v: number[], d: number[], e: number[], n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[j * n + n - 1]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[j * n + i - 1]!;
        v[j * n + i] = 0;
        v[i * n + j] = 0;
      }
      d[i] = 0;
      continue;
    }
    d[i] = householderStep(v, d, e, n, i, scale);
  }
  accumulateHouseholder(v, d, n);
  e[0] = 0;
}

function householderStep(v: number[], d: number[], e: number[], n: number, i: number, scale: number): number {
  let h = 0;
  for (let k = 0; k < i; k++) {
    d[k]! /= scale;
    h += d[k]! * d[k]!;
  }
  let f = d[i - 1]!;
  let g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
  e[i] = scale * g;
  h -= f * g;
  d[i - 1] = f - g;
  for (let j = 0; j < i; j++) e[j] = 0;
  for (let j = 0; j < i; j++) {
    f = d[j]!;
    v[i * n + j] = f;
    g = e[j]! + v[j * n + j]! * f;
    const row = j * n;
    for (let k = j + 1; k <= i - 1; k++) {
      g += v[row + k]! * d[k]!;
      e[k]! += v[row + k]! * f;
    }
    e[j] = g;
  }
  f = 0;
  for (let j = 0; j < i; j++) {
    e[j]! /= h;
    f += e[j]! * d[j]!;
  }
  const hh = f / (h + h);
  for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
  for (let j = 0; j < i; j++) {
    f = d[j]!;
    g = e[j]!;
    const row = j * n;
    for (let k = j; k <= i - 1; k++) v[row + k]! -= f * e[k]! + g * d[k]!;
    d[j] = v[row + i - 1]!;
    v[row + i] = 0;
  }
  return h;
}

function accumulateHouseholder(v: number[], d: number[], n: number): void {
  for (let i = 0; i < n - 1; i++) {
    v[i * n + n - 1] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    const next = (i + 1) * n;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[next + k]! / h;
      for (let j = 0; j <= i; j++) {
        const row = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[next + k]! * v[row + k]!;
        for (let k = 0; k <= i; k++) v[row + k]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[next + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[j * n + n - 1]!;
    v[j * n + n - 1] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
}

/** Implicit QL with Wilkinson-style shifts on the tridiagonal (d, e); rotations are accumulated in v. */
function diagonalize(v: number[], d: number[], e: number[], n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let shift = 0;
  let largest = 0;
  const epsilon = 2 ** -52;
  for (let l = 0; l < n; l++) {
    largest = Math.max(largest, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > epsilon * largest) m++;
    if (m > l) {
      do shift += qlSweep(v, d, e, n, l, m);
      while (Math.abs(e[l]!) > epsilon * largest);
    }
    d[l]! += shift;
    e[l] = 0;
  }
}

function qlSweep(v: number[], d: number[], e: number[], n: number, l: number, m: number): number {
  const g0 = d[l]!;
  let p = (d[l + 1]! - g0) / (2 * e[l]!);
  let r = Math.hypot(p, 1) * (p < 0 ? -1 : 1);
  d[l] = e[l]! / (p + r);
  d[l + 1] = e[l]! * (p + r);
  const dl1 = d[l + 1]!;
  let h = g0 - d[l]!;
  for (let i = l + 2; i < n; i++) d[i]! -= h;
  const shift = h;
  p = d[m]!;
  let c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
  const el1 = e[l + 1]!;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    const g = c * e[i]!;
    h = c * p;
    r = Math.hypot(p, e[i]!);
    e[i + 1] = s * r;
    s = e[i]! / r;
    c = p / r;
    p = c * d[i]! - s * g;
    d[i + 1] = h + s * (c * g + s * d[i]!);
    rotateRows(v, i * n, (i + 1) * n, n, c, s);
  }
  p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}

/** Rotates rows `lower` and `upper` (offsets into v) of the transform: the hot loop of QL, over contiguous memory. */
function rotateRows(v: number[], lower: number, upper: number, n: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const above = v[upper + k]!;
    v[upper + k] = s * v[lower + k]! + c * above;
    v[lower + k] = c * v[lower + k]! - s * above;
  }
}

function sortDescending(v: number[], d: number[], n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[b]! - d[a]!);
  const values = Float64Array.from(order, (i) => d[i]!);
  const vectors = zeros(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[from * n + k]!;
  });
  return { values, vectors };
}
