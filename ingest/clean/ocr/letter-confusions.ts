/**
 * OCR letter confusions inside single words: "bi]" → "bij", "weIke" → "welke", "bijiage" → "bijlage",
 * "hoofdiijnen" → "hoofdlijnen", "specialist!sche" → "specialistische", "continuTteit" → "continuïteit",
 * "gemtegreerd" → "geïntegreerd", "WlJ" → "WIJ". A word is only changed when it is not Dutch as written and
 * exactly one candidate from the confusion table is; words with digits, and names the lexicon does not know
 * in any spelling, stay as they are.
 */
import type { StepResult } from '../clean-types.js';
import { replaceMatches, type OffsetText } from '../offset-text.js';
import type { DutchLexicon } from '../../text/dutch-lexicon.js';

/** One kind of confusion: what OCR wrote and what was printed. Earlier entries are more telling. */
interface Confusion {
  read: RegExp;
  printed: string;
}

// Groups of confusions, most distinctive first: a stray "]" or "!" inside a word is surely OCR, an "i"
// for an "l" only probably. Within a group every candidate must agree.
const CONFUSION_GROUPS: Confusion[][] = [
  [
    { read: /\]/g, printed: 'j' },
    { read: /!/g, printed: 'i' },
    { read: /\|/g, printed: 'l' },
    { read: /(?<=\p{Ll})I/gu, printed: 'l' },
  ],
  [{ read: /ii/g, printed: 'ij' }],
  [
    { read: /i/g, printed: 'l' },
    { read: /l/g, printed: 'i' },
    { read: /(?<=\p{Ll})T(?=\p{Ll})/gu, printed: 'ï' },
    { read: /m/g, printed: 'ïn' },
  ],
];

// A word as OCR may have written it: letters with the stand-ins above inside or at the end.
const WORD = /(?<![\p{L}\p{N}\]!|])\p{L}[\p{L}\]!|]*(?![\p{L}\p{N}\]!|])/gu;
const MIN_LENGTH = 3;
// "i" for "l" and the like are common enough in short words ("heid" → "held") to need a longer word.
const MIN_LENGTH_LIKELY = 5;

/** Every word made by replacing one occurrence of `confusion.read`, plus all occurrences at once. */
function candidates(word: string, confusion: Confusion): string[] {
  const found = new Set<string>();
  for (const match of word.matchAll(confusion.read)) {
    found.add(word.slice(0, match.index) + confusion.printed + word.slice(match.index + match[0].length));
  }
  if (found.size > 1) found.add(word.replace(confusion.read, confusion.printed));
  return [...found];
}

/** "WlJ" → "WIJ": an upper-case word with a lower-case "l" among its capitals. */
function capitalL(word: string, lexicon: DutchLexicon): string | null {
  if (!/^[\p{Lu}l]+$/u.test(word) || !word.includes('l') || word.replace(/l/g, '').length < 2) return null;
  const candidate = word.replace(/l/g, 'I');
  return lexicon.has(candidate) ? candidate : null;
}

/** The correction of one word, or null when it is fine or cannot be decided. */
export function correctOcrWord(word: string, lexicon: DutchLexicon): string | null {
  if (word.length < MIN_LENGTH) return null;
  const plain = /^\p{L}+$/u.test(word);
  if (plain && lexicon.isKnown(word)) return null;
  const caps = capitalL(word, lexicon);
  if (caps !== null || /^\p{Lu}+$/u.test(word)) return caps;
  // A capitalised unknown word is often a name: only a plain dictionary word may replace it.
  const capitalised = /^\p{Lu}/u.test(word);
  const accept = capitalised ? (candidate: string) => lexicon.has(candidate) : (candidate: string) => lexicon.isKnown(candidate);
  for (const [index, group] of CONFUSION_GROUPS.entries()) {
    if (index === CONFUSION_GROUPS.length - 1 && word.length < MIN_LENGTH_LIKELY) break;
    // In a capitalised word, often a name, only the most common confusion ("Aigemene") is tried.
    const confusions = capitalised && index === CONFUSION_GROUPS.length - 1 ? group.slice(0, 1) : group;
    const accepted = new Set(confusions.flatMap((confusion) => candidates(word, confusion)).filter((candidate) => /^\p{L}+$/u.test(candidate) && accept(candidate)));
    if (accepted.size === 1) return [...accepted][0] as string;
    if (accepted.size > 1) return null;
  }
  return null;
}

/** Corrects OCR letter confusions word by word; see the module comment. */
export function correctOcrLetters(source: OffsetText, lexicon: DutchLexicon): StepResult {
  const memo = new Map<string, string | null>();
  let count = 0;
  const text = replaceMatches(source, WORD, (match) => {
    const word = match[0];
    if (!memo.has(word)) memo.set(word, correctOcrWord(word, lexicon));
    const corrected = memo.get(word) ?? null;
    if (corrected !== null) count++;
    return corrected;
  });
  return { text, count };
}
