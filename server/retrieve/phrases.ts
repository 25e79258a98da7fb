/**
 * Whole-word phrase matching on folded text, shared by question classification and value recognition.
 */

/** True when `phrase` (folded) occurs in `text` (folded) as whole words. */
export function hasPhrase(text: string, phrase: string): boolean {
  return phraseIndex(text, phrase) >= 0;
}

/** Where `phrase` occurs in `text` as whole words, or -1. */
export function phraseIndex(text: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return -1;
    const before = at === 0 ? '' : text[at - 1] ?? '';
    const after = text[at + phrase.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
    from = at + 1;
  }
}
