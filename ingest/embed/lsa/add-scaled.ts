/**
 * The one inner loop of the LSA fit, and the storage it runs over. Every dense product of the fit runs through
 * this small function, so V8 optimises it within the first few calls; the same loop written inline in a function
 * that is called once runs unoptimised until on-stack replacement kicks in, which in a fresh `npm run ingest`
 * costs more than the arithmetic itself.
 *
 * Dense data are plain arrays of doubles, not Float64Arrays: once any ArrayBuffer in the thread has been detached
 * (apache-arrow does so when it loads, pdf.js whenever it transfers a buffer), V8 checks a typed array's buffer
 * on every element access, which made these loops a third slower in a real ingest than in isolation. Plain arrays
 * hold the same doubles, so the arithmetic and its results are unchanged.
 */

/** `length` zeros as a packed array of doubles (one transition from small integers, here, not in the hot loops). */
export function zeros(length: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < length; i++) values.push(0.5);
  values.fill(0);
  return values;
}

/** target[to … to+width) += scale · source[from … from+width); unrolled by four. */
export function addScaled(target: number[], to: number, source: number[], from: number, scale: number, width: number): void {
  let j = 0;
  for (; j + 3 < width; j += 4) {
    target[to + j]! += scale * source[from + j]!;
    target[to + j + 1]! += scale * source[from + j + 1]!;
    target[to + j + 2]! += scale * source[from + j + 2]!;
    target[to + j + 3]! += scale * source[from + j + 3]!;
  }
  for (; j < width; j++) target[to + j]! += scale * source[from + j]!;
}
