/**
 * Dutch separable verbs and present-tense forms. A separable verb puts its particle at the end of the clause
 * ("Wat draagt de gemeente daaraan bij?" is "bijdragen"), so neither half is the word the documents use
 * ("bijdrage", "bijdragen"). And the stemmer leaves a present-tense "-t" standing ("draagt", "neemt"), so such a
 * form never meets its infinitive ("dragen" → "drag"). Both are rules of the language, not of a corpus: the
 * particles are a word list (data/answer-words.json, `separableParticles`); which joined word is a real one the
 * corpus decides.
 */
import { tokenize, type Token } from '../../ingest/index.js';

/** A verb whose particle stands apart from it: the joined word and the verb's own form in the text. */
export interface JoinedVerb {
  /** Particle and verb written as one word ("bijdraagt"). */
  word: string;
  /** The verb as it stands in the clause ("draagt"). */
  verb: string;
}

const CLAUSE_END = /[?.!,;:()\n]/;
/** Endings of a finite verb form or infinitive: present "-t", plural and infinitive "-en", past "-de", "-te", "-den", "-ten". */
const VERB_ENDING = /(?:t|en|de|te)$/;
const MIN_VERB = 3;
const LONG_VOWEL = /([aeou])\1([^aeiou])$/;

/** A word that may be the verb of a particle: long enough, with a verb's ending, no particle itself. */
function isVerbLike(word: string, particles: ReadonlySet<string>): boolean {
  return word.length >= MIN_VERB && VERB_ENDING.test(word) && !particles.has(word);
}

/**
 * Each particle that ends a clause, joined to every earlier word of its clause with a verb's ending ("wat draagt de
 * provincie daar aan bij" gives "bijdraagt"; a plural noun such as "kosten" passes too): which join is the verb is
 * not known here, so the caller keeps the joins its corpus knows. `text` is folded.
 */
export function joinedVerbs(text: string, particles: ReadonlySet<string>): JoinedVerb[] {
  const joined: JoinedVerb[] = [];
  for (const clause of text.split(CLAUSE_END)) {
    const words = tokenize(clause).filter((t) => t.kind === 'word').map((t) => t.normal);
    const last = words.at(-1);
    if (last === undefined || !particles.has(last)) continue;
    for (const verb of words.slice(0, -1)) if (isVerbLike(verb, particles)) joined.push({ word: `${last}${verb}`, verb });
  }
  return joined;
}

/**
 * The infinitives a present-tense form in "-t" may belong to: the "-t" taken off, a long vowel written single again
 * in the open syllable ("draagt" → "dragen", "neemt" → "nemen") and a final f or s voiced ("leeft" → "leven",
 * "reist" → "reizen"), then "-en". Empty for a word that does not end in "t". The caller keeps the forms its corpus knows.
 */
export function infinitivesOf(word: string): string[] {
  if (word.length < 4 || !word.endsWith('t') || !/^\p{L}+$/u.test(word)) return [];
  const base = word.slice(0, -1);
  const bases = new Set([base, base.replace(LONG_VOWEL, '$1$2')]);
  for (const b of [...bases]) {
    if (b.endsWith('f')) bases.add(`${b.slice(0, -1)}v`);
    if (b.endsWith('s')) bases.add(`${b.slice(0, -1)}z`);
  }
  return [...bases].map((b) => `${b}en`);
}

/**
 * The separable verbs of a passage: each particle that ends a clause (or a line) joined to each earlier word of the
 * clause with a verb's ending, with that word's token index ("draagt hier aan bij." gives "bijdraagt" at "draagt").
 * `tokens` are `text`'s tokens. Joins that are no verb are words no question asks for.
 */
export function passageVerbJoins(text: string, tokens: readonly Token[], particles: ReadonlySet<string>): { word: string; token: number }[] {
  const joins: { word: string; token: number }[] = [];
  let clauseStart = 0;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (next !== undefined && !CLAUSE_END.test(text.slice(token.end, next.start))) return;
    if (token.kind === 'word' && particles.has(token.normal)) {
      for (let j = clauseStart; j < i; j++) {
        const verb = tokens[j];
        if (verb?.kind === 'word' && isVerbLike(verb.normal, particles)) joins.push({ word: `${token.normal}${verb.normal}`, token: j });
      }
    }
    clauseStart = i + 1;
  });
  return joins;
}
