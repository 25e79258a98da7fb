/**
 * Dutch compound splitting against the corpus's own vocabulary. Dutch glues words together ("geldmiddelen",
 * "kilometervergoeding", "basisjeugdhulp"), so a question and its evidence often share a part, not a word.
 * A split counts when both parts are words the corpus uses on their own (optionally with a linking s/e/en),
 * which keeps splits meaningful without a language model.
 */

/** Compound knowledge of one corpus. */
export interface CompoundIndex {
  /** The best split of a word into known parts, or undefined. */
  split(word: string): string[] | undefined;
  /**
   * Corpus compounds whose head (last part) is `head`, most frequent first: "kosten" → "frictiekosten",
   * "zorgkosten". In Dutch the head names what a compound is, so these are kinds of the word asked about;
   * compounds that merely start with it ("gemeenteraad" for "gemeente") are not.
   */
  compoundsWith(head: string): string[];
}

const MIN_PART = 3;
const MIN_WORD = 7;
const LINKS = ['', 's', 'e', 'en'];

function bestSplit(word: string, known: (w: string) => number): string[] | undefined {
  let best: { parts: string[]; score: number } | undefined;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const right = word.slice(i);
    const rightCount = known(right);
    if (rightCount === 0) continue;
    for (const link of LINKS) {
      const head = word.slice(0, i);
      if (link && !head.endsWith(link)) continue;
      const left = link ? head.slice(0, head.length - link.length) : head;
      const leftCount = left.length >= MIN_PART ? known(left) : 0;
      if (leftCount === 0) continue;
      // Geometric mean of part frequencies (Koehn & Knight): prefers common, longer parts.
      const score = Math.sqrt(leftCount * rightCount) * Math.min(left.length, right.length);
      if (!best || score > best.score) best = { parts: [left, right], score };
    }
  }
  return best?.parts;
}

/**
 * Builds the compound index from folded corpus words and their frequencies. `isWord`, when given (a Dutch
 * dictionary), must also accept each part, which keeps out splits like "ra|bobank".
 */
export function buildCompoundIndex(words: Map<string, number>, isWord: (w: string) => boolean = () => true): CompoundIndex {
  const known = (w: string) => (isWord(w) ? words.get(w) ?? 0 : 0);
  const byPart = new Map<string, string[]>();
  const cache = new Map<string, string[] | undefined>();
  for (const word of words.keys()) {
    if (word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) continue;
    const parts = bestSplit(word, known);
    cache.set(word, parts);
    const head = parts?.[parts.length - 1];
    if (head) byPart.set(head, [...(byPart.get(head) ?? []), word]);
  }
  return {
    split(word) {
      if (word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) return undefined;
      if (!cache.has(word)) cache.set(word, bestSplit(word, known));
      return cache.get(word);
    },
    compoundsWith: (head) => [...(byPart.get(head) ?? [])].sort((a, b) => (words.get(b) ?? 0) - (words.get(a) ?? 0)),
  };
}
