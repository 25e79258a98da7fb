/**
 * A sentence that names one deelopdracht and says what amount it got or spent: "Voor de deelopdracht Taalcafé
 * Noord is € 12.500 toegekend." The name is the run of capitalised words after the mention word; the amount counts
 * only with a word that says which amount it is (data/register-words.json).
 */
import { findPhrases } from './folded-phrases.js';
import { grantAmountOf } from './grant-columns.js';
import { findAmounts, type ProseAmount } from './prose-amounts.js';
import type { GrantAmount } from './register-words.js';

/** A deelopdracht named in a sentence with an amount; offsets into the sentence. */
export interface NamedMention {
  name: string;
  amount: GrantAmount;
  figure: ProseAmount;
}

const MAX_NAME_WORDS = 6;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\d'’-]*|\d+)$/u;

/** The capitalised words right after `offset` ("Taalcafé Noord"), or "". */
function nameAfter(sentence: string, offset: number): string {
  const words: string[] = [];
  for (const match of sentence.slice(offset).matchAll(/\S+/g)) {
    const word = match[0].replace(/[,.;:)]+$/, '');
    if (!NAME_WORD.test(word) || words.length === MAX_NAME_WORDS) break;
    words.push(word);
    if (word !== match[0]) break;
  }
  return words.join(' ');
}

/** The deelopdracht a sentence names with an amount it says is granted, spent, to receive or to settle. */
export function namedMention(sentence: string, mentions: readonly string[]): NamedMention | undefined {
  const named = findPhrases(sentence, mentions).map((match) => nameAfter(sentence, match.end)).find((name) => name !== '');
  if (!named) return undefined;
  const amount = grantAmountOf(sentence);
  const figure = findAmounts(sentence, false)[0];
  return amount && figure ? { name: named, amount, figure } : undefined;
}
