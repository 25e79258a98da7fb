/**
 * The mandates register's word lists (data/mandate-words.json), compiled once: actor names, the powers they hold
 * and the small words that tie an actor to a verb ("door", "van") or make it an object ("met", "aan").
 */
import { readFileSync } from 'node:fs';

/** A named set of whole-word patterns: an actor ("raad van toezicht") or a power ("stelt vast"). */
export interface NamedPattern {
  name: string;
  pattern: RegExp;
}

/** The compiled word lists. */
export interface MandateWords {
  /** Longest and most specific first, so "raad van toezicht" wins over "raad". */
  actors: NamedPattern[];
  /** Names that look like an actor but are none ("raad van advies"): consumed before actors are matched. */
  notActors: RegExp;
  /** What may follow an actor's name and belongs to it ("van de gemeente …"), anchored at its end. */
  qualifier: RegExp;
  powers: NamedPattern[];
  /** Words before an actor that make it the agent of a passive verb ("door de raad"). */
  agentMarkers: Set<string>;
  /** Words between a power noun and its owner ("goedkeuring van het college"). */
  ownerMarkers: Set<string>;
  /** Words before an actor that make it an object, not the subject ("samen met de gemeente"). */
  prepositions: Set<string>;
  /** Words that make "… van de raad" the body itself ("de leden van de raad van toezicht benoemen …"). */
  memberWords: Set<string>;
  /** Auxiliaries of a passive: a participle with one of these and no agent says nothing about who decided. */
  passiveAuxiliaries: RegExp;
  /** Words ending like a participle that are adjectives ("bevoegd"): a passive auxiliary does not make them passive. */
  notParticiples: Set<string>;
  /** Separators inside a sentence that end a clause (";", bullets). */
  clauseBreak: RegExp;
  /** A clause that opens with its finite verb ("Deelt het college …") asks a question: it states no mandate. */
  questionStart: RegExp;
  /** Words that make what follows a proposal ("wordt voorgesteld in te stemmen"), not a decision taken. */
  proposalMarker: RegExp;
}

interface WordFile {
  actors: { name: string; patterns: string[]; caseSensitive?: boolean }[];
  notActors: string[];
  qualifiers: string[];
  powers: { name: string; patterns: string[] }[];
  agentMarkers: string[];
  ownerMarkers: string[];
  prepositions: string[];
  memberWords: string[];
  passiveAuxiliaries: string[];
  notParticiples: string[];
  clauseBreak: string;
  questionStart: string;
  proposalMarker: string;
}

// Whole words only; JavaScript's \b knows no accented letters, so the edges are spelled out.
const wholeWords = (alternatives: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);

/** Compiles word lists given as the JSON file's object (exported for tests with their own lists). */
export function compileMandateWords(file: WordFile): MandateWords {
  return {
    actors: file.actors.map((actor) => ({ name: actor.name, pattern: wholeWords(actor.patterns, actor.caseSensitive ? 'gu' : 'giu') })),
    notActors: wholeWords(file.notActors, 'giu'),
    qualifier: new RegExp(`^\\s+(?:${file.qualifiers.join('|')})`, 'u'),
    powers: file.powers.map((power) => ({ name: power.name, pattern: wholeWords(power.patterns, 'giu') })),
    agentMarkers: new Set(file.agentMarkers),
    ownerMarkers: new Set(file.ownerMarkers),
    prepositions: new Set(file.prepositions),
    memberWords: new Set(file.memberWords),
    passiveAuxiliaries: wholeWords(file.passiveAuxiliaries, 'iu'),
    notParticiples: new Set(file.notParticiples),
    clauseBreak: new RegExp(file.clauseBreak, 'gu'),
    questionStart: new RegExp(file.questionStart, 'iu'),
    proposalMarker: new RegExp(file.proposalMarker, 'iu'),
  };
}

let cached: MandateWords | undefined;

/** The shipped word lists, read once per process. */
export function mandateWords(): MandateWords {
  cached ??= compileMandateWords(JSON.parse(readFileSync(new URL('../../data/mandate-words.json', import.meta.url), 'utf8')) as WordFile);
  return cached;
}
