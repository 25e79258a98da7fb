/**
 * How Dutch is a text? The OCR repairs decide by the Dutch lexicon; on an English or French document every
 * word is "unknown" to it, so they would only waste time (and could "repair" foreign words). A sample of longer
 * words tells.
 */
import type { DutchLexicon } from '../text/dutch-lexicon.js';

const WORD = /\p{L}{4,}/gu;
const SAMPLE = 1500;

/** Share of sampled words (four letters or more) the lexicon knows; 1 for a text without such words. */
export function dutchShare(text: string, lexicon: DutchLexicon): number {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return 1;
  const step = Math.max(1, Math.floor(words.length / SAMPLE));
  let sampled = 0;
  let known = 0;
  for (let i = 0; i < words.length; i += step) {
    sampled += 1;
    if (lexicon.isKnown(words[i] as string)) known += 1;
  }
  return known / sampled;
}
