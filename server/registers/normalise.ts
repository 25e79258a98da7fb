/**
 * Comparing what different documents print for the same thing: names that differ in case, accents, punctuation
 * or a filler word ("Buurtkracht-Noord" and "buurtkracht noord"), numbers with a prefix ("DO-12" and "12"), and
 * amounts in different units ("4.898" x € 1.000 and € 4.897.657).
 */

// Words that carry no identity in a name: articles, conjunctions, prepositions.
const FILLER = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'in', 'op', 'met', 'te', 'der', 'den', 'of', 'the', 'and', 'of']);

/** Lower-case, accents and punctuation stripped, whitespace single: the form two spellings share. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The identifying words of a name, as a set. */
export function nameTokens(name: string): Set<string> {
  return new Set(normaliseName(name).split(' ').filter((word) => word !== '' && !FILLER.has(word)));
}

/**
 * Token-set similarity of two names: the Dice coefficient of their identifying words, 2·|A∩B| / (|A|+|B|), in
 * [0, 1]. Word order, case, accents, punctuation and filler words do not count; a missing or extra word does.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.size === 0 || right.size === 0) return normaliseName(a) === normaliseName(b) ? 1 : 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/**
 * Names at or above this similarity are one name: "Aanpak laaggeletterdheid Noord" and "Aanpak laaggeletterdheid"
 * (0.8) merge; names sharing half their words (0.5) do not.
 */
export const NAME_THRESHOLD = 0.8;

/** A number as its digits and letters only ("DO-12" → "12", "3a" → "3a"), or null. */
export function normaliseNumber(number: string | null): string | null {
  if (number === null) return null;
  const core = /\d+[a-z]?/iu.exec(number)?.[0] ?? normaliseName(number);
  return core === '' ? null : core.toLowerCase().replace(/^0+(?=\d)/u, '');
}

/** How many euros one unit of a figure is: "x € 1.000" → 1000, "x € 1 mln" → 1e6, otherwise 1. */
export function unitFactor(unit: string | null): number {
  const text = (unit ?? '').toLowerCase().replace(/\s+/gu, ' ');
  if (/1\.000\.000|mln|miljoen/u.test(text)) return 1_000_000;
  if (/1\.000|k€|duizend/u.test(text)) return 1000;
  return 1;
}

/**
 * True when two amounts are the same figure printed in different units: equal once both are in euros, allowing
 * the rounding of the coarser unit (4.898 × € 1.000 is € 4.897.657).
 */
export function sameAmount(a: { value: number; unit: string | null }, b: { value: number; unit: string | null }): boolean {
  const factorA = unitFactor(a.unit);
  const factorB = unitFactor(b.unit);
  const tolerance = Math.max(factorA, factorB) / 2;
  return Math.abs(a.value * factorA - b.value * factorB) <= Math.max(tolerance, 0.005);
}
