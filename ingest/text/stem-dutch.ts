/**
 * The Snowball Dutch stemmer (the original Porter-style algorithm, as shipped by rust-stemmers 1.x and so
 * by tantivy and LanceDB for `language: "Dutch"`), written from the Snowball specification. Keeping the
 * same stems as LanceDB's full-text index lets the reranker and the index agree on what a term is.
 *
 * Positions below are string offsets; the word only ever shrinks from the end, so R1 and R2 stay valid.
 */

const VOWELS = 'aeiouyè';
const PRELUDE_FOLDS: Readonly<Record<string, string>> = {
  ä: 'a', á: 'a', ë: 'e', é: 'e', ï: 'i', í: 'i', ö: 'o', ó: 'o', ü: 'u', ú: 'u',
};

function isVowel(char: string | undefined): boolean {
  return char !== undefined && VOWELS.includes(char);
}

/** Does a non-vowel stand just before `at`? (Snowball `non-v` in backward mode.) */
function nonVowelBefore(word: string, at: number): boolean {
  return at > 0 && !isVowel(word[at - 1]);
}

/**
 * Stems one lower-case Dutch word: "klachten" → "klacht", "gemeenten" → "gemeent",
 * "lichamelijkheden" → "licham". Words that are not Dutch pass through mostly unchanged.
 */
export function stemDutch(word: string): string {
  const marked = prelude(word);
  const [r1, r2] = markRegions(marked);
  const stemmed = standardSuffix(marked, r1, r2);
  return stemmed.replace(/Y/g, 'y').replace(/I/g, 'i');
}

/** Folds the accents Snowball folds, and marks consonantal i and y as I and Y so they are not vowels. */
function prelude(word: string): string {
  const chars = Array.from(word, (char) => PRELUDE_FOLDS[char] ?? char);
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let i = 0; i < chars.length; i++) {
    if (!isVowel(chars[i])) continue;
    if (chars[i + 1] === 'i' && isVowel(chars[i + 2])) chars[i + 1] = 'I';
    else if (chars[i + 1] === 'y') chars[i + 1] = 'Y';
  }
  return chars.join('');
}

/** R1 starts after the first non-vowel following a vowel (but not before offset 3); R2 likewise after R1. */
function markRegions(word: string): [number, number] {
  const afterFirst = pastVowelThenNonVowel(word, 0);
  if (afterFirst === null) return [word.length, word.length];
  const r1 = Math.max(afterFirst, 3);
  return [r1, pastVowelThenNonVowel(word, afterFirst) ?? word.length];
}

function pastVowelThenNonVowel(word: string, from: number): number | null {
  let at = from;
  while (at < word.length && !isVowel(word[at])) at++;
  at++;
  while (at < word.length && isVowel(word[at])) at++;
  return at < word.length ? at + 1 : null;
}

function undouble(word: string): string {
  return /(?:kk|dd|tt)$/.test(word) ? word.slice(0, -1) : word;
}

/** Removes a final -en (or -ene) in R1 after a non-vowel, except after "gem" ("geheimen" stays whole-ish). */
function enEnding(word: string, suffixLength: number, r1: number): string | null {
  const at = word.length - suffixLength;
  if (at < r1 || !nonVowelBefore(word, at) || word.slice(0, at).endsWith('gem')) return null;
  return undouble(word.slice(0, at));
}

/** Removes a final -e in R1 after a non-vowel; reports whether it did (step 3b's -bar needs it). */
function eEnding(word: string, r1: number): { word: string; removed: boolean } {
  const at = word.length - 1;
  if (!word.endsWith('e') || at < r1 || !nonVowelBefore(word, at)) return { word, removed: false };
  return { word: undouble(word.slice(0, at)), removed: true };
}

/** Step 1: -heden → -heid; -en/-ene; -s/-se after a non-vowel other than j. */
function step1(word: string, r1: number): string {
  if (word.endsWith('heden')) return word.length - 5 >= r1 ? `${word.slice(0, -5)}heid` : word;
  if (word.endsWith('ene')) return enEnding(word, 3, r1) ?? word;
  if (word.endsWith('en')) return enEnding(word, 2, r1) ?? word;
  const sLength = word.endsWith('se') ? 2 : word.endsWith('s') ? 1 : 0;
  if (sLength === 0) return word;
  const at = word.length - sLength;
  const before = word[at - 1];
  return at >= r1 && before !== undefined && !isVowel(before) && before !== 'j' ? word.slice(0, at) : word;
}

/** Step 3a: -heid in R2, not after c, then an -en ending left in front of it. */
function step3a(word: string, r1: number, r2: number): string {
  const at = word.length - 4;
  if (!word.endsWith('heid') || at < r2 || word[at - 1] === 'c') return word;
  const stripped = word.slice(0, at);
  return stripped.endsWith('en') ? (enEnding(stripped, 2, r1) ?? stripped) : stripped;
}

/** Step 3b: derivational suffixes in R2 (-end, -ing, -ig, -lijk, -baar, -bar). */
function step3b(word: string, r1: number, r2: number, eRemoved: boolean): string {
  const suffix = /(?:end|ing|ig|lijk|baar|bar)$/.exec(word)?.[0];
  if (suffix === undefined) return word;
  const at = word.length - suffix.length;
  if (at < r2) return word;
  const stripped = word.slice(0, at);
  switch (suffix) {
    case 'end':
    case 'ing': {
      const igAt = stripped.length - 2;
      if (stripped.endsWith('ig') && igAt >= r2 && stripped[igAt - 1] !== 'e') return stripped.slice(0, igAt);
      return undouble(stripped);
    }
    case 'ig':
      return word[at - 1] === 'e' ? word : stripped;
    case 'lijk':
      return eEnding(stripped, r1).word;
    case 'bar':
      return eRemoved ? stripped : word;
    default:
      return stripped;
  }
}

/** Step 4: undoubles a vowel before a final consonant ("maan" → "man") when a consonant precedes it. */
function undoubleVowel(word: string): string {
  const n = word.length;
  const last = word[n - 1];
  if (last === undefined || isVowel(last) || last === 'I') return word;
  if (!/^(?:aa|ee|oo|uu)$/.test(word.slice(n - 3, n - 1)) || !nonVowelBefore(word, n - 3)) return word;
  return word.slice(0, n - 2) + last;
}

function standardSuffix(word: string, r1: number, r2: number): string {
  const afterStep1 = step1(word, r1);
  const { word: afterE, removed } = eEnding(afterStep1, r1);
  return undoubleVowel(step3b(step3a(afterE, r1, r2), r1, r2, removed));
}
