/**
 * The word lists of the answer pipeline (data/answer-words.json), parsed once into lookups on folded text.
 * Kept as data beside the glossary so the vocabulary can grow without code changes; the code only knows the
 * roles the lists play (question words per answer type, unit nouns, decision verbs, actors, …).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError, foldText } from '../../ingest/index.js';
import { ANSWER_TYPES, type AnswerType } from './answer-type.js';

const answerType = z.enum(ANSWER_TYPES);
const words = z.array(z.string().min(1));
const schema = z.object({
  answerTypes: z.object({ nl: z.record(z.string(), answerType), en: z.record(z.string(), answerType) }),
  unitTypes: z.record(z.string(), answerType),
  moneyWords: words,
  unitNouns: words,
  decisionVerbs: words,
  yesNoOpeners: z.object({ nl: words, en: words }),
  comparisonWords: words,
  contextWords: words,
  actors: words,
  frequencyWords: words,
  numberWords: z.record(z.string(), z.number()),
  approximations: words,
  anaphora: words,
  registerNouns: words,
  listVerbs: words,
  totalWords: words,
  dateWords: z.object({
    months: words,
    moments: words,
    ordinals: words,
    yearParts: words,
    yearLinks: words,
    relativeYears: words,
    quarterLetters: words,
    monthLeads: words,
  }),
  agentWords: z.object({ copulas: words, degrees: words, predicates: words, heldBy: words }),
  separableParticles: words.default([]),
});

/** The words of a predicate whose subject holds a responsibility, whatever its name ("X is zelf verantwoordelijk"). */
export interface AgentWords {
  /** Verbs that link the subject to the predicate ("is", "blijft"). */
  copulas: string[];
  /** Adverbs that may stand between ("zelf", "mede"). */
  degrees: string[];
  /** The predicates ("verantwoordelijk", "bevoegd"). */
  predicates: string[];
  /** Phrases the holder follows ("ligt bij", "is belegd bij"). */
  heldBy: string[];
}

/** The words a written date or period is made of ("medio november 2016", "het tweede kwartaal van 2023"). */
export interface DateWords {
  months: string[];
  /** Words that place a date or year in time ("eind", "met ingang van", "voorjaar"). */
  moments: string[];
  /** Ordinals that count a part of a year ("tweede", "3e"). */
  ordinals: string[];
  /** Parts of a year an ordinal counts ("kwartaal", "helft"). */
  yearParts: string[];
  /** Words between a moment or part and its year ("van", "of the year"). */
  yearLinks: string[];
  /** A year named relative to the text, ending a part of a year ("van het jaar"). */
  relativeYears: string[];
  /** The letter before a quarter's number ("Q3"). */
  quarterLetters: string[];
  /** Prepositions that make a bare month name a date ("in november"), beside the moments. */
  monthLeads: string[];
}

/** The parsed word lists; every key and phrase is folded. */
export interface AnswerWords {
  /** Question phrases with the answer type they ask for, longest first. */
  answerTypes: Record<'nl' | 'en', [string, AnswerType][]>;
  /** A first content word that names the unit asked for ("geld", "procent"). */
  unitTypes: Map<string, AnswerType>;
  money: Set<string>;
  unitNouns: Set<string>;
  /** Decision verbs; phrases ("stelt vast") are kept as written. */
  decisionVerbs: string[];
  yesNoOpeners: Record<'nl' | 'en', Set<string>>;
  comparison: string[];
  /** Words that place a question in time ("vroeger", "now") without naming its subject. */
  contextWords: Set<string>;
  /** Actor phrases, longest first. */
  actors: string[];
  frequency: string[];
  numberWords: Map<string, number>;
  approximations: string[];
  anaphora: Set<string>;
  /** Question words that name a register's items ("deelopdrachten"). */
  registerNouns: Set<string>;
  /** Verbs a list question asks with ("liepen", "waren"), which say nothing of what the items are about. */
  listVerbs: Set<string>;
  /** Words that ask for a total ("in totaal") and that open a table's totals row ("Totale lasten"). */
  totals: Set<string>;
  /** The words of written dates and periods, longest first. */
  dates: DateWords;
  /** The words of responsibility predicates, longest first. */
  agents: AgentWords;
  /** Particles of separable verbs, which a clause may put at its end ('draagt … bij'). */
  particles: Set<string>;
}

const folded = (list: string[]) => [...new Set(list.map((w) => foldText(w).trim()))];
const longestFirst = (list: string[]) => folded(list).sort((a, b) => b.length - a.length);

/** Parses the JSON text of data/answer-words.json. */
export function parseAnswerWords(json: string): AnswerWords {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AppError('bad_request', 'data/answer-words.json is geen geldige JSON.', { cause: error });
  }
  const parsed = schema.parse(data);
  const typed = (record: Record<string, AnswerType>) =>
    Object.entries(record).map(([phrase, type]) => [foldText(phrase), type] as [string, AnswerType]).sort((a, b) => b[0].length - a[0].length);
  return {
    answerTypes: { nl: typed(parsed.answerTypes.nl), en: typed(parsed.answerTypes.en) },
    unitTypes: new Map(typed(parsed.unitTypes)),
    money: new Set(folded(parsed.moneyWords)),
    unitNouns: new Set(folded(parsed.unitNouns)),
    decisionVerbs: longestFirst(parsed.decisionVerbs),
    yesNoOpeners: { nl: new Set(folded(parsed.yesNoOpeners.nl)), en: new Set(folded(parsed.yesNoOpeners.en)) },
    comparison: longestFirst(parsed.comparisonWords),
    contextWords: new Set(folded(parsed.contextWords)),
    actors: longestFirst(parsed.actors),
    frequency: longestFirst(parsed.frequencyWords),
    numberWords: new Map(Object.entries(parsed.numberWords).map(([w, n]) => [foldText(w), n])),
    approximations: longestFirst(parsed.approximations),
    anaphora: new Set(folded(parsed.anaphora)),
    registerNouns: new Set(folded(parsed.registerNouns)),
    listVerbs: new Set(folded(parsed.listVerbs)),
    totals: new Set(folded(parsed.totalWords)),
    dates: Object.fromEntries(Object.entries(parsed.dateWords).map(([role, list]) => [role, longestFirst(list)])) as unknown as DateWords,
    agents: Object.fromEntries(Object.entries(parsed.agentWords).map(([role, list]) => [role, longestFirst(list)])) as unknown as AgentWords,
    particles: new Set(folded(parsed.separableParticles)),
  };
}

/** Reads and parses a word-list file. */
export function readAnswerWords(path: string): AnswerWords {
  return parseAnswerWords(readFileSync(path, 'utf8'));
}
