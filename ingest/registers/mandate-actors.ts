/**
 * The bodies a sentence names: actor names from the word lists, longest first, none overlapping and none that only
 * look like one ("raad van advies"); each with what the word before it says about its role (subject, object, agent).
 */
import type { MandateWords } from './mandate-words.js';

/** Articles and possessives, skipped when looking at the word before a name. */
export const ARTICLES = new Set(['de', 'het', 'een', 'uw', 'ons', 'onze', 'hun', "'t"]);

/** A body named in the sentence. */
export interface ActorMention {
  name: string;
  start: number;
  end: number;
  /** True when the word before it (articles skipped) makes it an object rather than a subject. */
  object: boolean;
  /** True when it is the agent of a passive ("door de raad"). */
  agent: boolean;
  inParentheses: boolean;
}

/** Every match of a global pattern, from the start. */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)];
}

/** The words before `index`, nearest last, articles dropped. */
function wordsBefore(text: string, index: number): string[] {
  return text.slice(Math.max(0, index - 60), index).toLowerCase().split(/[^\p{L}'&-]+/u).filter((w) => w !== '' && !ARTICLES.has(w));
}

function isInParentheses(text: string, index: number): boolean {
  const open = text.lastIndexOf('(', index);
  return open >= 0 && text.lastIndexOf(')', index) < open;
}

function mention(sentence: string, name: string, start: number, end: number, words: MandateWords): ActorMention {
  const [previous = '', before = ''] = wordsBefore(sentence, start).reverse();
  const member = previous === 'van' && words.memberWords.has(before);
  return {
    name, start, end, inParentheses: isInParentheses(sentence, start),
    agent: words.agentMarkers.has(previous),
    object: !member && words.prepositions.has(previous),
  };
}

/** The actor mentions of a sentence, longest names first, none overlapping. */
export function findActors(sentence: string, words: MandateWords): ActorMention[] {
  const taken: [number, number][] = matchesOf(words.notActors, sentence).map((m) => [m.index, m.index + m[0].length]);
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const found: ActorMention[] = [];
  for (const actor of words.actors) {
    for (const match of matchesOf(actor.pattern, sentence)) {
      const start = match.index;
      let end = start + match[0].length;
      if (overlaps(start, end)) continue;
      end += words.qualifier.exec(sentence.slice(end))?.[0].length ?? 0;
      taken.push([start, end]);
      found.push(mention(sentence, actor.name, start, end, words));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
