/**
 * De-hyphenation of words broken across a line end ("ega-" / "lisatiereserve"). A hyphen at a line end is
 * either a break inside one word, a real hyphen ("WIJ-teams", "sociaal-emotionele") or the elision hyphen of
 * Dutch coordination ("buurt- en opbouwwerkers", "Noord-" / "Nederlandse"). The lexicon decides: only a
 * joined form that is a Dutch word is joined. Other line breaks stay: structure detection reads lines.
 */
import type { StepResult } from './clean-types.js';
import { applyEdits, type Edit, type OffsetText } from './offset-text.js';
import type { DutchLexicon } from '../text/dutch-lexicon.js';

/** What to do with a hyphen at a line end. */
export type HyphenDecision = 'join' | 'join-keep-hyphen' | 'keep';

// Words that follow an elision hyphen: "kas- en bankmiddelen", "verkrijgings- of vervaardigingsprijs".
const ELISION_FOLLOWERS = new Set(['en', 'of', 'tot', 'noch', 'als', 'dan', 'zowel', 'maar', 'and', 'or']);
const LINE_END_HYPHEN = /-\n\n?/g;
const URL_LIKE = /\/|www\.|@|:\/\//;

function isAbbreviation(letters: string): boolean {
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper >= 2 && upper >= letters.length - 1;
}

/**
 * Decides for a hyphen at a line end, given the text before it back to the last space (`left`, without the
 * hyphen) and the text after the line break up to the next space (`right`).
 */
export function decideLineEndHyphen(left: string, right: string, lexicon: DutchLexicon): HyphenDecision {
  const letters = /\p{L}+$/u.exec(left)?.[0];
  const next = /^\p{L}+/u.exec(right)?.[0];
  if (letters === undefined || next === undefined) return 'keep';
  if (URL_LIKE.test(left)) return 'join-keep-hyphen';
  if (ELISION_FOLLOWERS.has(next.toLowerCase()) || /^t\/m\b/.test(right) || /^\p{Lu}/u.test(next)) return 'keep';
  if (isAbbreviation(letters)) return 'join-keep-hyphen';
  // In a chain such as "gemeente-instellingen-" the hyphen is a real one.
  const chained = left.length > letters.length && left[left.length - letters.length - 1] === '-';
  // "OverigAfhankelijk-": a word glued to the one before it by extraction; only the last word is broken.
  const word = /\p{Lu}?\p{Ll}+$/u.exec(letters)?.[0] ?? letters;
  if (!chained && lexicon.isKnown(word + next)) return 'join';
  if (word.length >= 2 && lexicon.has(word) && lexicon.isKnown(next)) return 'join-keep-hyphen';
  return 'keep';
}

function tokenBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
  return text.slice(start, end);
}

function tokenAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && !/\s/.test(text[end] as string)) end++;
  return text.slice(start, end);
}

/** Joins words broken at line ends; see the module comment. */
export function dehyphenate(source: OffsetText, lexicon: DutchLexicon): StepResult {
  const text = source.text;
  const edits: Edit[] = [];
  LINE_END_HYPHEN.lastIndex = 0;
  for (let match = LINE_END_HYPHEN.exec(text); match !== null; match = LINE_END_HYPHEN.exec(text)) {
    const end = match.index + match[0].length;
    const decision = decideLineEndHyphen(tokenBefore(text, match.index), tokenAfter(text, end), lexicon);
    if (decision === 'join') edits.push({ start: match.index, end, text: '' });
    if (decision === 'join-keep-hyphen') edits.push({ start: match.index + 1, end, text: '' });
  }
  return { text: applyEdits(source, edits), count: edits.length };
}
