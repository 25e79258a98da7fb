/**
 * Character n-grams let the local embedder see that "geldmiddelen" and "geld", or an OCR-damaged
 * "ondersteunlng" and "ondersteuning", share most of their material, which whole-word features cannot.
 */

/** Options for {@link charNgrams}. */
export interface CharNgramOptions {
  /** Shortest n-gram, counting the boundary markers. Default 3. */
  min?: number;
  /** Longest n-gram, counting the boundary markers. Default 5. */
  max?: number;
}

/**
 * The character n-grams of one folded word, fastText style: the word is wrapped in "<" and ">" so prefixes
 * and suffixes ("<ge", "en>") differ from the same letters inside a word. A word shorter than `min`
 * (with its markers) yields itself wrapped, so it is never lost.
 */
export function charNgrams(word: string, options: CharNgramOptions = {}): string[] {
  const min = options.min ?? 3;
  const max = options.max ?? 5;
  const padded = `<${word}>`;
  if (padded.length <= min) return [padded];
  const grams: string[] = [];
  for (let size = min; size <= max; size++) {
    for (let start = 0; start + size <= padded.length; start++) grams.push(padded.slice(start, start + size));
  }
  return grams;
}
