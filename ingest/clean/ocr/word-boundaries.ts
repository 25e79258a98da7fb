/**
 * Fixing word boundaries OCR got wrong, where the lexicon can decide: a word that is not Dutch as written is
 * re-segmented together with its neighbours (joined by single spaces) into the fewest Dutch words. Guards
 * keep it from "fixing" what was right:
 * - known words are never split, and words in capitals ("ISK") count as known;
 * - a merge must contain a fragment of two to four letters ("wi j", "ui tde", "part ic ipat ie") and may
 *   absorb known words of at most four letters only ("o de" is a bullet and a word, not "ode";
 *   "Langetermijn agenda" and "specialismes en" stay);
 * - a new boundary must sit next to a function word ("notiesin" → "noties in", but "rolverdeling" stays).
 */
import type { StepResult } from '../clean-types.js';
import { applyEdits, type Edit, type OffsetText } from '../offset-text.js';
import { isLeader, segmentLetters } from './segment-words.js';
import type { DutchLexicon } from '../../text/dutch-lexicon.js';

interface Token {
  start: number;
  end: number;
  text: string;
  known: boolean;
}

/** A fix of the tokens `first..last` of a window: the new boundaries inside their concatenated letters. */
interface WindowFix {
  first: number;
  last: number;
  boundaries: number[];
}

// A run of letters not glued to digits ("in2018" is handled elsewhere).
const LETTERS = /(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu;
const MAX_WINDOW = 6;
const MAX_LETTERS = 40;
const MAX_FRAGMENT = 4;
// Two-letter words common enough to trust; the dictionary also lists rare ones ("wi", "ti") that are far more
// often OCR fragments.
const TWO_LETTER_WORDS = new Set(['de', 'en', 'in', 'op', 'te', 'is', 'om', 'af', 'al', 'ik', 'je', 'we', 'ze', 'zo', 'nu', 'na', 'er', 'of', 'uw', 'ja', 'ga', 'ge', 'hé', 'ok']);

function isKnownToken(word: string, lexicon: DutchLexicon): boolean {
  if (word.length >= 2 && word === word.toUpperCase()) return true;
  if (word.length === 1) return /^[uU]$/.test(word);
  if (word.length === 2) return TWO_LETTER_WORDS.has(word.toLowerCase());
  return lexicon.isKnown(word);
}

/** Tokens grouped into windows of words separated by exactly one space. */
function windows(text: string, lexicon: DutchLexicon, memo: Map<string, boolean>): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  LETTERS.lastIndex = 0;
  for (let match = LETTERS.exec(text); match !== null; match = LETTERS.exec(text)) {
    const word = match[0];
    if (!memo.has(word)) memo.set(word, isKnownToken(word, lexicon));
    const token = { start: match.index, end: match.index + word.length, text: word, known: memo.get(word) === true };
    const previous = current.at(-1);
    if (previous && !(token.start === previous.end + 1 && text[previous.end] === ' ')) {
      groups.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function boundariesOf(tokens: readonly Token[]): number[] {
  const found: number[] = [];
  let offset = 0;
  for (const token of tokens.slice(0, -1)) found.push((offset += token.text.length));
  return found;
}

/** Index of the token (within `tokens`) that holds letter offset `at` of their concatenation. */
function tokenAt(tokens: readonly Token[], at: number): number {
  let offset = 0;
  for (let i = 0; i < tokens.length; i++) {
    offset += (tokens[i] as Token).text.length;
    if (at < offset) return i;
  }
  return tokens.length - 1;
}

function tokenOffset(tokens: readonly Token[], index: number): number {
  return tokens.slice(0, index).reduce((total, token) => total + token.text.length, 0);
}

/** A merge repairs a fragment and absorbs no real word; single letters only merge with each other ("W I J"). */
function mergeIsSafe(covered: readonly Token[], part: string): boolean {
  if (covered.every((token) => token.text.length === 1)) return part.length >= 3;
  const fragment = covered.some((token) => !token.known && token.text.length >= 2 && token.text.length <= MAX_FRAGMENT);
  return fragment && covered.every((token) => !token.known || token.text.length <= MAX_FRAGMENT);
}

/** Checks the guards of the module comment for a proposed segmentation of `tokens`. */
function fixIsSafe(tokens: readonly Token[], original: ReadonlySet<number>, boundaries: readonly number[], lexicon: DutchLexicon): boolean {
  const letters = tokens.map((token) => token.text).join('');
  const starts = [0, ...boundaries];
  const ends = [...boundaries, letters.length];
  return starts.every((start, k) => {
    const end = ends[k] as number;
    const part = letters.slice(start, end);
    const covered = tokens.slice(tokenAt(tokens, start), tokenAt(tokens, end - 1) + 1);
    // A merge must give a dictionary word, not merely a compound ("heer prof." is no "heerprof").
    if (covered.length > 1 && !(mergeIsSafe(covered, part) && lexicon.has(part))) return false;
    if (start === 0 || original.has(start)) return true;
    const index = tokenAt(tokens, start);
    const split = tokens[index] as Token;
    if (split.known) return false;
    // "X|en" inside a whole word is far more often an unknown plural or verb ("teruggeleiden") than a lost space.
    if (part.toLowerCase() === 'en' && split.text.length > MAX_FRAGMENT) return false;
    // A capitalised word is split only after a leading function word ("Het|inrichten"): names such as
    // "Stadadviseert" or "Paterswoldseweg" are unknown too.
    if (!/^\p{Lu}\p{Ll}/u.test(split.text)) return true;
    const tokenStart = tokenOffset(tokens, index);
    const firstEnd = ends[starts.indexOf(tokenStart)];
    return firstEnd !== undefined && isLeader(letters.slice(tokenStart, firstEnd));
  });
}

function tryWindow(tokens: readonly Token[], lexicon: DutchLexicon): number[] | null {
  const letters = tokens.map((token) => token.text).join('');
  if (letters.length > MAX_LETTERS) return null;
  const original = boundariesOf(tokens);
  const originalSet = new Set(original);
  const boundaries = segmentLetters(letters, originalSet, lexicon);
  if (boundaries === null || boundaries.join() === original.join()) return null;
  return fixIsSafe(tokens, originalSet, boundaries, lexicon) ? boundaries : null;
}

/**
 * Whether a window of several tokens can hold a merge at all: without a fragment, or with a known word too
 * long to be absorbed, it can only keep its spaces and is no better than the single tokens. Saves most of
 * the work on clean documents.
 */
function mayMerge(window: readonly Token[]): boolean {
  const fragment = window.some((token) => !token.known && token.text.length >= 2 && token.text.length <= MAX_FRAGMENT);
  const letters = window.every((token) => token.text.length === 1);
  return (fragment || letters) && window.every((token) => !token.known || token.text.length <= MAX_FRAGMENT);
}

/** The smallest window around unknown token `i` that segments into known words, fewest parts first. */
function fixAround(tokens: readonly Token[], i: number, lexicon: DutchLexicon): WindowFix | null {
  for (let size = 1; size <= Math.min(MAX_WINDOW, tokens.length); size++) {
    let best: WindowFix | null = null;
    for (let first = Math.max(0, i - size + 1); first <= i && first + size <= tokens.length; first++) {
      const window = tokens.slice(first, first + size);
      if (size > 1 && !mayMerge(window)) continue;
      const boundaries = tryWindow(window, lexicon);
      if (boundaries !== null && (best === null || boundaries.length < best.boundaries.length)) best = { first, last: first + size - 1, boundaries };
    }
    if (best !== null) return best;
  }
  return null;
}

/** The edits that turn the window's spaces into the fix's boundaries. */
function fixEdits(tokens: readonly Token[], fix: WindowFix): Edit[] {
  const covered = tokens.slice(fix.first, fix.last + 1);
  const wanted = new Set(fix.boundaries);
  const original = boundariesOf(covered);
  const edits: Edit[] = [];
  original.forEach((boundary, k) => {
    const space = (covered[k] as Token).end;
    if (!wanted.has(boundary)) edits.push({ start: space, end: space + 1, text: '' });
  });
  const originalSet = new Set(original);
  for (const boundary of fix.boundaries) {
    if (originalSet.has(boundary)) continue;
    const k = tokenAt(covered, boundary);
    const before = original.slice(0, k).at(-1) ?? 0;
    const at = (covered[k] as Token).start + boundary - before;
    edits.push({ start: at, end: at, text: ' ' });
  }
  return edits;
}

/** Fixes word boundaries; see the module comment. */
export function fixOcrWordBoundaries(source: OffsetText, lexicon: DutchLexicon): StepResult {
  const edits: Edit[] = [];
  let count = 0;
  for (const tokens of windows(source.text, lexicon, new Map())) {
    // Tokens before `free` belong to an earlier fix and are not looked at again.
    let free = 0;
    for (let i = 0; i < tokens.length; i++) {
      if ((tokens[i] as Token).known) continue;
      const fix = fixAround(tokens.slice(free), i - free, lexicon);
      if (fix === null) continue;
      const shifted = { first: fix.first + free, last: fix.last + free, boundaries: fix.boundaries };
      edits.push(...fixEdits(tokens, shifted));
      count++;
      free = shifted.last + 1;
      i = shifted.last;
    }
  }
  return { text: applyEdits(source, edits), count };
}
