/**
 * Regular-expression pieces built from the word lists of data/: a word or phrase as a literal, and one of several
 * phrases as a group. Pure.
 */

/** `text` as a literal in a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One of `phrases` as a non-capturing group: each a literal, with any run of whitespace between its words. */
export function anyPhrase(phrases: readonly string[]): string {
  return `(?:${phrases.map((phrase) => escapeRegExp(phrase).replace(/\s+/g, String.raw`\s+`)).join('|')})`;
}
