/**
 * Reading one sentence for mandates: which body (actor) holds or uses which power over what. Pure; positions are
 * offsets into the sentence. Dutch word order is handled by rules tried in turn, within the clause of the power
 * word: the owner of a power noun ("goedkeuring van het college"), the agent of a passive ("vastgesteld door de
 * raad"), the nearest subject before it ("het college benoemt …"), then a subject right after the verb ("In 2021
 * besloot het college …"). A body after a preposition ("samen met de gemeente") is an object, never the actor,
 * and a passive without an agent ("de kaders zijn vastgesteld") names no actor at all; nor do a question ("Deelt
 * het college …") and a proposal ("wordt voorgesteld in te stemmen").
 */
import { ARTICLES, findActors, matchesOf, type ActorMention } from './mandate-actors.js';
import type { MandateWords } from './mandate-words.js';

/** A mandate read from a sentence, before it becomes a register row. */
export interface SentenceMandate {
  actor: ActorMention;
  power: string;
  object: string;
}

interface PowerMatch {
  name: string;
  start: number;
  end: number;
  text: string;
}

const OBJECT_WORDS = 24;

/** The clause of the sentence around `index`: it ends at semicolons, bullets and list dashes. */
function clauseOf(sentence: string, index: number, words: MandateWords): [number, number] {
  let start = 0;
  for (const mark of matchesOf(words.clauseBreak, sentence)) {
    if (mark.index + mark[0].length <= index) start = mark.index + mark[0].length;
    else if (mark.index >= index) return [start, mark.index];
  }
  return [start, sentence.length];
}

/** "goedkeuring van het college", "besluitvorming plaatsvindt in uw raad": a marker, at most one word before it. */
function isOwnerGap(gap: string, words: MandateWords): boolean {
  const parts = gap.trim().toLowerCase().split(/\s+/u).filter((w) => w !== '' && !ARTICLES.has(w));
  return (parts.length === 1 && words.ownerMarkers.has(parts[0]!)) || (parts.length === 2 && words.ownerMarkers.has(parts[1]!) && /^\p{L}+$/u.test(parts[0]!));
}

/** "Er is van de gemeente akkoord verkregen": the body right before a power noun, after "van", owns it. */
function ownerBefore(sentence: string, power: PowerMatch, actors: ActorMention[]): ActorMention | undefined {
  const actor = actors.find((a) => a.end <= power.start && /^\s*$/u.test(sentence.slice(a.end, power.start)));
  return actor && /\bvan\s+(?:de\s+|het\s+)?$/iu.test(sentence.slice(Math.max(0, actor.start - 12), actor.start)) ? actor : undefined;
}

function nearest(actors: ActorMention[], power: PowerMatch): ActorMention {
  const distance = (a: ActorMention) => (a.end <= power.start ? power.start - a.end : a.start - power.end);
  return actors.reduce((best, a) => (distance(a) < distance(best) ? a : best));
}

/** A participle ("vastgesteld", "benoemd") in a clause with a passive auxiliary. */
function isPassive(power: PowerMatch, clause: string, words: MandateWords): boolean {
  const word = power.text.toLowerCase();
  const participle = (/^\p{L}+d$/u.test(word) && !words.notParticiples.has(word)) || /^(?:besloten|gehouden)$/u.test(word);
  words.passiveAuxiliaries.lastIndex = 0;
  return participle && words.passiveAuxiliaries.test(clause);
}

/** The actor a power belongs to, by the rules in the file comment, or undefined when the clause names none. */
function actorOf(sentence: string, power: PowerMatch, others: PowerMatch[], actors: ActorMention[], words: MandateWords): ActorMention | undefined {
  const [from, to] = clauseOf(sentence, power.start, words);
  if (words.questionStart.test(sentence.slice(from, to)) || words.proposalMarker.test(sentence.slice(from, power.start))) return undefined;
  const inClause = actors.filter((a) => a.start >= from && a.end <= to && !a.inParentheses);
  const owner = inClause.find((a) => a.start >= power.end && isOwnerGap(sentence.slice(power.end, a.start), words));
  if (owner) return owner;
  // An agent belongs to the power nearest it: "kaderstelling … besluitvorming door uw raad" is the raad's besluitvorming only.
  const agents = inClause.filter((a) => a.agent && !others.some((p) => p !== power && between(p, power, a)));
  if (agents.length > 0) return nearest(agents, power);
  if (isPassive(power, sentence.slice(from, to), words)) return undefined;
  const ownerInFront = ownerBefore(sentence, power, inClause);
  if (ownerInFront) return ownerInFront;
  const subjects = inClause.filter((a) => !a.object && !a.agent);
  const before = subjects.filter((a) => a.end <= power.start).pop();
  return before ?? subjects.find((a) => a.start >= power.end && /^\s*(?:(?:de|het|uw|ons)\s+)?$/iu.test(sentence.slice(power.end, a.start)));
}

/** True when `p` stands between `power` and `actor`. */
function between(p: PowerMatch, power: PowerMatch, actor: ActorMention): boolean {
  return actor.start >= power.end ? p.start >= power.end && p.end <= actor.start : p.start >= actor.end && p.end <= power.start;
}

const wordCount = (text: string) => (text === '' ? 0 : text.split(/\s+/u).length);

function tidy(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,:()–-]*(?:(?:om|over|tot|dat|op|met|van|aan|in|is|zijn|wordt|worden|heeft|hebben|te)\s+)*/iu, '')
    .replace(/(?:\s+(?:wordt|worden|werd|werden|is|zijn|door|vanuit|van|in|bij|de|het|uw|gehouden))+\s*$/iu, '')
    .replace(/[\s,;:.(–-]+$/u, '')
    .trim();
}

/**
 * What the power is about, as the sentence says it. For a passive with its agent, the passive's subject ("de nota
 * …, vastgesteld door de raad"); otherwise the words after the verb (and after the actor when it follows the verb),
 * the words a separable verb encloses ("stelt jaarlijks de begroting vast"), or the words before the verb.
 */
function objectOf(sentence: string, power: PowerMatch, actor: ActorMention, words: MandateWords): string {
  const [from, to] = clauseOf(sentence, power.start, words);
  const actorAfter = actor.start >= power.end;
  const before = tidy(sentence.slice(actorAfter || actor.agent ? from : Math.max(from, actor.end), actor.agent && !actorAfter ? actor.start : power.start));
  // Words between the verb and a later actor, unless they are an aside (", na afstemming met …,").
  const gap = sentence.slice(power.end, actor.start);
  const between = actorAfter && !/^\s*,/u.test(gap) ? tidy(gap) : '';
  const after = tidy(sentence.slice(actorAfter ? actor.end : power.end, to));
  const inner = tidy(power.text.split(/\s+/u).slice(1, -1).join(' '));
  const passive = actor.agent && /^\p{L}+d$/u.test(power.text);
  const order = passive ? [before, between, after] : [between, after, inner, before];
  const object = order.find((text) => wordCount(text) >= 2) ?? order.find((text) => text !== '') ?? '';
  const parts = object.split(/\s+/u);
  return parts.length > OBJECT_WORDS ? `${parts.slice(0, OBJECT_WORDS).join(' ')} …` : object;
}

/** Power words of a sentence in order; where two overlap ("adviesrecht"), the one listed first in the words wins. */
function findPowers(sentence: string, words: MandateWords): PowerMatch[] {
  const kept: PowerMatch[] = [];
  for (const power of words.powers) {
    for (const m of matchesOf(power.pattern, sentence)) {
      const match = { name: power.name, start: m.index, end: m.index + m[0].length, text: m[0] };
      if (!kept.some((k) => match.start < k.end && match.end > k.start)) kept.push(match);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Bodies named together with `actor` as one subject ("de ondernemingsraad en de WIJ-raad"). */
function coordinated(sentence: string, actor: ActorMention, actors: ActorMention[]): ActorMention[] {
  const group = [actor];
  for (let i = actors.indexOf(actor) - 1; i >= 0; i -= 1) {
    const previous = actors[i]!;
    if (!/^\s*(?:,|en|of)\s+(?:(?:de|het)\s+)?$/iu.test(sentence.slice(previous.end, group[0]!.start))) break;
    group.unshift(previous);
  }
  return group;
}

/** The mandates one sentence states: one per actor and power, in sentence order. */
export function sentenceMandates(sentence: string, words: MandateWords): SentenceMandate[] {
  // A question asks who holds a power; it states none.
  if (sentence.trim().endsWith('?')) return [];
  const actors = findActors(sentence, words);
  if (actors.length === 0) return [];
  const insideActor = (p: PowerMatch) => actors.some((a) => p.start < a.end && p.end > a.start);
  const seen = new Set<string>();
  const mandates: SentenceMandate[] = [];
  const powers = findPowers(sentence, words).filter((p) => !insideActor(p));
  for (const power of powers) {
    const actor = actorOf(sentence, power, powers, actors, words);
    if (!actor) continue;
    const object = objectOf(sentence, power, actor, words);
    for (const body of coordinated(sentence, actor, actors)) {
      const key = `${body.name}|${power.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mandates.push({ actor: body, power: power.name, object });
    }
  }
  return mandates;
}
