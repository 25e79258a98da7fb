/**
 * Finding word-list phrases in text, compared folded (case and accents ignored) word by word, with their offsets
 * in the text as printed.
 */
import { foldText } from '../text/fold-text.js';

/** A phrase found in a text. */
export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
}

interface Word {
  folded: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}€]+/gu)].map((match) => ({ folded: foldText(match[0]), start: match.index, end: match.index + match[0].length }));
}

interface Parsed {
  phrase: string;
  parts: string[];
}

// Word lists are read once and searched for every sentence: split and order each list once.
const parsedLists = new WeakMap<readonly string[], Parsed[]>();

function parse(phrases: readonly string[]): Parsed[] {
  let parsed = parsedLists.get(phrases);
  if (!parsed) {
    parsed = phrases.map((phrase) => ({ phrase, parts: phrase.split(' ') })).sort((a, b) => b.parts.length - a.parts.length);
    parsedLists.set(phrases, parsed);
  }
  return parsed;
}

/** Every occurrence of the phrases in `text`, longest phrase first where two start at one word, in text order. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const list = words(text);
  const parsed = parse(phrases);
  const found: PhraseMatch[] = [];
  for (let i = 0; i < list.length; i++) {
    const hit = parsed.find(({ parts }) => parts.every((part, k) => list[i + k]?.folded === part));
    if (!hit) continue;
    const last = list[i + hit.parts.length - 1] as Word;
    found.push({ phrase: hit.phrase, start: (list[i] as Word).start, end: last.end });
    i += hit.parts.length - 1;
  }
  return found;
}

/** True when `text` contains one of the phrases. */
export function hasPhrase(text: string, phrases: readonly string[]): boolean {
  return findPhrases(text, phrases).length > 0;
}
