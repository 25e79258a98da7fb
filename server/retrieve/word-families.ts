/**
 * Word families: "stijgen" and "stijging", "besparen" and "besparing", "groeit" and "groei" share a stem that
 * Snowball does not reduce to one term. A question word is linked to corpus words whose stem starts with its
 * stem (or is the start of it), when the shared part is long enough to mean something and the corpus word is
 * not much longer (longer ones are compounds, handled separately).
 */
import { stemDutch } from '../../ingest/index.js';

/** Word families of one corpus vocabulary. */
export interface WordFamilies {
  /** Corpus words of the same family as `word` (folded), most frequent first, without the word itself. */
  of(word: string): string[];
}

const MIN_WORD = 6;
const MIN_SHARED = 5;
const MAX_EXTRA_LETTERS = 4;
const MAX_MEMBERS = 5;

/** Indexes folded corpus words (with frequencies) by the first letters of their stem. */
export function buildWordFamilies(words: Map<string, number>): WordFamilies {
  const byPrefix = new Map<string, { word: string; stem: string }[]>();
  for (const word of words.keys()) {
    if (word.length < MIN_SHARED || !/^\p{L}+$/u.test(word)) continue;
    const stem = stemDutch(word);
    if (stem.length < MIN_SHARED) continue;
    const key = stem.slice(0, MIN_SHARED);
    const family = byPrefix.get(key);
    // Pushed, not spread: copying the list for every word was quadratic in a prefix's words on a large vocabulary.
    if (family) family.push({ word, stem });
    else byPrefix.set(key, [{ word, stem }]);
  }
  return {
    of(word) {
      if (word.length < MIN_WORD) return [];
      const stem = stemDutch(word);
      if (stem.length < MIN_SHARED) return [];
      return (byPrefix.get(stem.slice(0, MIN_SHARED)) ?? [])
        .filter((c) => c.word !== word && c.word.length <= word.length + MAX_EXTRA_LETTERS && (c.stem.startsWith(stem) || stem.startsWith(c.stem)))
        .map((c) => c.word)
        .sort((a, b) => (words.get(b) ?? 0) - (words.get(a) ?? 0))
        .slice(0, MAX_MEMBERS);
    },
  };
}
