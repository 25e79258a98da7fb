/**
 * Actors named by what they are responsible for, not by a word of the actor list: the subject of a responsibility
 * predicate ("Stichting Noord is zelf verantwoordelijk voor …") or the holder after "ligt bij" ("de regie ligt bij
 * Stichting Noord"). Any organisation a document names can hold a task; the predicate says it is an actor, so only
 * the predicates are data (data/answer-words.json `agentWords`). Only capitalised names are read this way: a common
 * noun ("de gemeente") is an actor through the actor list already. Pure.
 */
import { isDutchStopWord } from '../../ingest/index.js';
import type { AgentWords } from '../retrieve/answer-words.js';
import { anyPhrase } from '../retrieve/word-patterns.js';

const WORD = String.raw`\p{Lu}[\p{L}\d&’'-]*`;
/** A capitalised name of up to four words, with the particles of Dutch names between ("Raad van State"). */
const NAME = String.raw`${WORD}(?:\s+(?:(?:van|de|der|den|voor)\s+)?${WORD}){0,3}`;


const cache = new WeakMap<AgentWords, RegExp[]>();

function agentPatterns(words: AgentWords): RegExp[] {
  const cached = cache.get(words);
  if (cached) return cached;
  const patterns = [
    String.raw`(?<![\p{L}\d])(?<name>${NAME})\s+${anyPhrase(words.copulas)}(?:\s+${anyPhrase(words.degrees)})*\s+${anyPhrase(words.predicates)}(?!\p{L})`,
    String.raw`(?<![\p{L}\d])${anyPhrase(words.heldBy)}\s+(?<name>${NAME})`,
  ].map((source) => new RegExp(source, 'gu'));
  cache.set(words, patterns);
  return patterns;
}

/** The spans of the names that hold a responsibility in `text`. */
export function agentNames(text: string, words: AgentWords): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const pattern of agentPatterns(words)) {
    for (const match of text.matchAll(pattern)) {
      const name = match.groups?.name as string;
      // "Het is verantwoordelijk werk": a sentence's capitalised first word is no name.
      if (name.split(/\s+/).every((word) => isDutchStopWord(word.toLowerCase()))) continue;
      const start = match.index + match[0].indexOf(name);
      found.push({ start, end: start + name.length });
    }
  }
  return found;
}
