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

/**
 * The identifying words of a name in order: parenthesised asides ("(SAW)", "(nieuw)") and filler words left out,
 * as documents add or drop them freely.
 */
export function nameWords(name: string): string[] {
  return normaliseName(name.replace(/\([^)]*\)/gu, ' ')).split(' ').filter((word) => word !== '' && !FILLER.has(word));
}

/**
 * True when one name is the start of the other, word for word ("School als Wijk" and "School als Wijk op
 * mbo-scholen in de gemeente Groningen"): a table's short label and a description's full title. The shorter must
 * be at least two words or ten letters, so one common word never swallows a longer name.
 */
export function isNamePrefix(a: string, b: string): boolean {
  return nameMemo().isPrefix(a, b);
}

/**
 * Token-set similarity of two names: the Dice coefficient of their identifying words, 2·|A∩B| / (|A|+|B|), in
 * [0, 1]. Word order, case, accents, punctuation and filler words do not count; a missing or extra word does.
 */
export function nameSimilarity(a: string, b: string): number {
  return nameMemo().similarity(a, b);
}

/**
 * The names of one comparing pass, each analysed once: a pass that compares every row with many others (the
 * merge of a register) asks for the same name's words thousands of times. Same answers as the functions above.
 */
export function nameMemo() {
  const words = new Map<string, { words: string[]; tokens: Set<string>; normalised: string }>();
  const of = (name: string) => {
    let entry = words.get(name);
    if (!entry) {
      const list = nameWords(name);
      entry = { words: list, tokens: new Set(list), normalised: normaliseName(name) };
      words.set(name, entry);
    }
    return entry;
  };
  return {
    normalised: (name: string) => of(name).normalised,
    similarity(a: string, b: string): number {
      const [left, right] = [of(a), of(b)];
      if (left.tokens.size === 0 || right.tokens.size === 0) return left.normalised === right.normalised ? 1 : 0;
      let shared = 0;
      for (const word of left.tokens) if (right.tokens.has(word)) shared += 1;
      return (2 * shared) / (left.tokens.size + right.tokens.size);
    },
    isPrefix(a: string, b: string): boolean {
      const [short, long] = [of(a).words, of(b).words].sort((x, y) => x.length - y.length) as [string[], string[]];
      if (short.length === 0 || (short.length < 2 && short.join('').length < 10)) return false;
      return short.every((word, i) => long[i] === word);
    },
    /**
     * Keys two names share whenever they can be alike at all — similar (a shared word, or the same normalised form
     * when one has no identifying words) or one the start of the other (a shared first word): a pass looks up the
     * names that share a key instead of comparing with every name.
     */
    keys(name: string): string[] {
      const entry = of(name);
      return [`=${entry.normalised}`, ...[...entry.tokens].map((token) => `w:${token}`)];
    },
  };
}

/** A pass's name analysis (see {@link nameMemo}). */
export type NameMemo = ReturnType<typeof nameMemo>;

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
