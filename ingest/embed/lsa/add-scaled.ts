/**
 * The one inner loop of the LSA fit. Every dense product of the fit runs through this small function, so V8
 * optimises it within the first few calls; the same loop written inline in a function that is called once
 * runs unoptimised until on-stack replacement kicks in, which in a fresh `npm run ingest` costs more than the
 * arithmetic itself.
 */

/** target[to … to+width) += scale · source[from … from+width); unrolled by four. */
export function addScaled(target: Float64Array, to: number, source: Float64Array, from: number, scale: number, width: number): void {
  let j = 0;
  for (; j + 3 < width; j += 4) {
    target[to + j]! += scale * source[from + j]!;
    target[to + j + 1]! += scale * source[from + j + 1]!;
    target[to + j + 2]! += scale * source[from + j + 2]!;
    target[to + j + 3]! += scale * source[from + j + 3]!;
  }
  for (; j < width; j++) target[to + j]! += scale * source[from + j]!;
}
