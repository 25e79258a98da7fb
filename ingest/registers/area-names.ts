/**
 * Area names (wijken, buurten, dorpen) as a text itself gives them, learned rather than listed: the capitalised
 * names after an area noun ("de wijk Noordhoek", "in de wijken Oosthaven, De Weide en Ten Brink", "stadsdeel
 * Zuid"), a list split on ", ", " en ", "/" and "&"; and capitalised compounds that end in an area noun
 * ("Molenwijk", "Vogelbuurt") and never occur in lower case (then they are a common noun: "woonwijk"). The
 * nouns, endings and name particles are in data/register-words.json. Pure.
 */
import { registerWords } from '../figures/register-words.js';
import { isDutchStopWord } from '../text/dutch-stop-words.js';
import { foldText } from '../text/fold-text.js';

/** Most words one area name has ("Ten Boer", "Groningen Noord-West"). */
const MAX_NAME_WORDS = 4;
/** How far after an area noun a list of names may run. */
const MAX_LIST_CHARS = 240;

// A word, a list separator, or anything else (which ends the list); leading whitespace kept to see blank lines.
const TOKEN = /(\s*)(,|\/|&|[\p{L}][\p{L}'’-]*|\S)/uy;

const isCapitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);

/** A word that can be part of a name: capitalised and not a function word starting a sentence ("Met", "In"). */
function isNameWord(word: string): boolean {
  return isCapitalised(word) && !isDutchStopWord(foldText(word));
}

const isParticle = (word: string) => registerWords().areas.particles.includes(foldText(word));
const isSeparator = (word: string) => word === ',' || word === '/' || word === '&' || word === 'en';

/** The names listed from `start` on: name (separator name)*, ending at the first word that fits neither. */
function listedNames(text: string, start: number): string[] {
  const names: string[] = [];
  let current: string[] = [];
  let particles: string[] = [];
  TOKEN.lastIndex = start;
  const end = Math.min(text.length, start + MAX_LIST_CHARS);
  for (let match = TOKEN.exec(text); match && match.index < end; match = TOKEN.exec(text)) {
    const [, space = '', word = ''] = match;
    if (/\n\s*\n/.test(space)) break;
    if (isNameWord(word) && current.length + particles.length < MAX_NAME_WORDS) {
      current.push(...particles, word);
      particles = [];
    } else if (isParticle(word) && particles.length === 0) particles.push(word);
    else if (isSeparator(word) && current.length > 0 && particles.length === 0) {
      names.push(current.join(' '));
      current = [];
    } else break;
  }
  if (current.length > 0) names.push(current.join(' '));
  return names;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let nounPattern: RegExp | undefined;

/** The names after each area noun of `text`. */
function namesAfterNouns(text: string): string[] {
  nounPattern ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${registerWords().areas.nouns.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(nounPattern)].flatMap((match) => listedNames(text, match.index + match[0].length));
}

let compoundPatterns: { capitalised: RegExp; lowerCase: RegExp } | undefined;

/** Capitalised compounds ending in an area noun that the texts never print in lower case. */
function compoundNames(texts: readonly string[]): string[] {
  const suffixes = registerWords().areas.suffixes.map(escape).join('|');
  compoundPatterns ??= {
    capitalised: new RegExp(`(?<![\\p{L}\\p{N}-])\\p{Lu}\\p{Ll}{2,}(?:${suffixes})(?![\\p{L}\\p{N}-])`, 'gu'),
    lowerCase: new RegExp(`(?<![\\p{L}\\p{N}-])\\p{Ll}+(?:${suffixes})(?![\\p{L}\\p{N}-])`, 'gu'),
  };
  const { capitalised, lowerCase } = compoundPatterns;
  const found = texts.flatMap((text) => [...text.matchAll(capitalised)].map((match) => match[0]));
  const common = new Set(texts.flatMap((text) => [...text.matchAll(lowerCase)].map((match) => match[0])));
  return found.filter((name) => !common.has(name.toLowerCase()));
}

/** A name's key: folded, whitespace single. */
export const areaKey = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();

/**
 * The area names the texts give, each once (by {@link areaKey}), spelled as first printed with a capital, in
 * order of first appearance.
 */
export function learnAreaNames(texts: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of [...texts.flatMap(namesAfterNouns), ...compoundNames(texts)]) {
    const spelled = name.replace(/\s+/g, ' ');
    const known = byKey.get(areaKey(spelled));
    if (known === undefined || (!isCapitalised(known) && isCapitalised(spelled))) byKey.set(areaKey(spelled), spelled);
  }
  return [...byKey.values()];
}

const namePatterns = new Map<string, RegExp>();

/** A name as a pattern over folded text: whole words, any whitespace between them. */
function namePattern(name: string): RegExp {
  let pattern = namePatterns.get(name);
  if (!pattern) {
    if (namePatterns.size > 10_000) namePatterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${areaKey(name).split(' ').map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
    namePatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * The names of `names` that `text` mentions (folded, whole words, any whitespace between a name's words), in
 * order of mention; where two overlap ("Noord" in "Groningen Noord") the longer counts.
 */
export function areasIn(text: string, names: readonly string[]): string[] {
  const folded = foldText(text);
  const found: { name: string; start: number; end: number }[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    for (const match of folded.matchAll(namePattern(name))) {
      const start = match.index;
      const end = start + match[0].length;
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ name, start, end });
    }
  }
  const ordered = found.sort((a, b) => a.start - b.start).map((f) => f.name);
  return [...new Set(ordered)];
}

/** The area field of a text: the names it mentions joined with ", ", or null. */
export function areaOf(text: string, names: readonly string[]): string | null {
  const found = areasIn(text, names);
  return found.length > 0 ? found.join(', ') : null;
}

let nouns: ReadonlySet<string> | undefined;

/** The area nouns of data/register-words.json, folded ("wijk", "buurt", "stadsdeel"). */
export function areaNouns(): ReadonlySet<string> {
  nouns ??= new Set(registerWords().areas.nouns.map(foldText));
  return nouns;
}
