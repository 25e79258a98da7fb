/**
 * Query analysis: from a raw question (and the conversation before it) to weighted Dutch search terms, the
 * kind of answer asked for, numbers, years and the filters the question names. Pure: the glossary, compound
 * index and document facts come in as data.
 */
import { analyzeTerms, foldText, isDutchStopWord, numberTokens, tokenize } from '../../ingest/index.js';
import { classifyQuestion, type AnswerType } from './answer-type.js';
import type { AnswerWords } from './answer-words.js';
import type { CompoundIndex } from './compounds.js';
import { unknownNames } from './unknown-entities.js';
import { isWeakWord } from './weak-words.js';
import type { WordFamilies } from './word-families.js';
import { detectFilters, type DetectedFilters, type DocumentFacts } from './detect-filters.js';
import { answerTerms, historyTerms, isFollowUp, previousQuestion, type Turn } from './follow-up.js';
import type { Glossary } from './glossary.js';
import { detectLanguage, type Language } from './language.js';
import { questionParts } from './question-parts.js';
import { infinitivesOf, joinedVerbs } from './separable-verbs.js';

/** Where a search term came from; expansions weigh less than the user's own words. */
export type TermOrigin = 'question' | 'translation' | 'synonym' | 'related' | 'compound' | 'variant' | 'history' | 'answer';

/** A search term: the word as a search engine gets it, its analysed form, and its weight. */
export interface WeightedTerm {
  word: string;
  term: string;
  weight: number;
  origin: TermOrigin;
  /** The analysed term of the user's word this term stands for; expansions share their source's group. */
  group: string;
}

/** The analysis of a question. */
export interface QueryAnalysis {
  question: string;
  language: Language;
  /** The kind of answer asked for. */
  answerType: AnswerType;
  /** The question compares years, documents, plan and result, or before and after. */
  comparison: boolean;
  /** Deduplicated by analysed term, highest weight kept, the user's own words first. */
  terms: WeightedTerm[];
  numbers: string[];
  /** Years the question itself names (not those of earlier turns). */
  years: number[];
  detected: DetectedFilters;
  followUp: boolean;
  /**
   * The concept group the question is about — the first of the user's own words that names a thing rather
   * than a unit ("deelnemers" in "Hoeveel deelnemers…", not "geld" in "Hoeveel geld…"). An answer's figure
   * must stand with it.
   */
  focus?: string;
  /** Capitalised names in the question that no document mentions ("Amsterdam", "WK"). */
  unknownNames: string[];
  /**
   * The parts of a question that asks more than one thing, each with its answer type and the concept groups of its
   * own words; empty for a question that asks one thing.
   */
  parts: { text: string; answerType: AnswerType; groups: string[] }[];
  /** Analysed terms of the names the question uses that the documents know but do not use everywhere ("haren", "berenschot"). */
  names: string[];
}

/** What query analysis needs besides the question. */
export interface QueryContext {
  glossary: Glossary;
  words: AnswerWords;
  compounds: CompoundIndex;
  families?: WordFamilies;
  documents: readonly DocumentFacts[];
  /** True for an analysed term found in so many passages that it identifies nothing ("groningen", "wij"). */
  isCommon?(term: string): boolean;
  /** True for a folded surface word the corpus uses. */
  knows?(word: string): boolean;
  /** True for an analysed term some passage holds. */
  hasTerm?(term: string): boolean;
}

const WEIGHTS: Record<TermOrigin, number> = { question: 1, translation: 1, synonym: 0.5, related: 0.5, compound: 0.6, variant: 0.6, history: 0.6, answer: 0.6 };
const MAX_COMPOUNDS_PER_TERM = 4;
const HEAD_COMPOUND_WEIGHT = 0.4;
const POSSESSIVE = /(\p{L})['\u2019]s(?!\p{L})/gu;
/** Words that carry grammar rather than subject in a question; they count, but little. */
const WEAK_WEIGHT = 0.3;
/** Words of the previous answer count at this share of a history word. */
const ANSWER_TERM_FACTOR = 0.5;

/** Normalises user input: NFC, no control characters, single spaces. */
export function normalizeQuestion(question: string): string {
  return question.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\ufff0-\uffff]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The user's own content words, in Dutch: English phrases and words translated through the glossary. */
interface BaseWord {
  word: string;
  origin: TermOrigin;
  /** Alternatives for one English word or phrase share a group: any of them answers for it. */
  group?: string;
  /** Where the word (or what it translates) stands in the question, for word order. */
  position: number;
}

/**
 * Words that only make the question a question: single question words ("hoeveel", "when") and the first word
 * of multi-word question phrases ("hoe" of "hoe vaak"). The rest of a phrase ("geld" in "hoeveel geld") is content.
 */
function questionFillers(pairs: [string, AnswerType][]): Set<string> {
  return new Set(pairs.map(([phrase]) => phrase.split(' ')[0] as string));
}

function baseWords(folded: string, language: Language, context: QueryContext): BaseWord[] {
  const questionWords = questionFillers(context.words.answerTypes[language]);
  if (language === 'nl') {
    return tokenize(folded)
      .filter((t) => t.kind === 'word' && !isDutchStopWord(t.normal) && !questionWords.has(t.normal))
      .map((t) => ({ word: t.normal, origin: 'question' as const, position: t.start }));
  }
  const words: BaseWord[] = [];
  // Translated phrases are blanked out with spaces of the same length, so later positions stay true. A possessive
  // "'s" is blanked too: "the council's plan" asks about the council ("council's" is no word of the glossary).
  let rest = ` ${folded.replace(POSSESSIVE, '$1  ').replace(/[^\p{L}\p{N}\s'-]/gu, ' ')} `;
  for (const [phrase, dutch] of context.glossary.phrases) {
    const position = rest.indexOf(` ${phrase} `);
    if (position < 0) continue;
    rest = rest.split(` ${phrase} `).join(' '.repeat(phrase.length + 2));
    for (const target of dutch) words.push({ word: target, origin: 'translation', group: `en:${phrase}`, position });
  }
  for (const token of tokenize(rest)) {
    if (token.kind !== 'word' || questionWords.has(token.normal) || context.glossary.englishStopWords.has(token.normal)) continue;
    const dutch = context.glossary.translateWord(token.normal);
    if (dutch) for (const target of dutch) words.push({ word: target, origin: 'translation', group: `en:${token.normal}`, position: token.start });
    else if (!isDutchStopWord(token.normal)) words.push({ word: token.normal, origin: 'question', position: token.start });
  }
  return words.sort((a, b) => a.position - b.position);
}

function expansions(word: string, context: QueryContext, origin: TermOrigin): { word: string; origin: TermOrigin; factor?: number }[] {
  const found: { word: string; origin: TermOrigin; factor?: number }[] = [];
  for (const synonym of context.glossary.synonymsOf(word)) found.push({ word: synonym, origin: 'synonym' });
  for (const related of context.glossary.relatedTo(word)) found.push({ word: related, origin: 'related' });
  for (const part of context.compounds.split(word) ?? []) found.push({ word: part, origin: 'compound' });
  // Translations already come with their alternatives; families are for the user's own Dutch words.
  if (origin === 'question') for (const member of context.families?.of(word) ?? []) found.push({ word: member, origin: 'variant' });
  if (word.length >= 4) {
    for (const compound of context.compounds.compoundsWith(word).slice(0, MAX_COMPOUNDS_PER_TERM)) found.push({ word: compound, origin: 'compound', factor: HEAD_COMPOUND_WEIGHT / WEIGHTS.compound });
  }
  return found;
}

function addTerms(target: Map<string, WeightedTerm>, phrase: string, origin: TermOrigin, group?: string, factor = 1, isCommon?: (term: string) => boolean, weak?: (word: string) => boolean): void {
  const words = phrase.split(/[\s\-\u2010\u2011]+/);
  for (const word of words) {
    for (const term of analyzeTerms(word)) {
      // In a multi-word expansion ("rekenkamer groningen") a common word would match every passage on its own.
      if (words.length > 1 && origin !== 'question' && isCommon?.(term)) continue;
      const weight = WEIGHTS[origin] * factor * (isWeakWord(foldText(word)) || weak?.(foldText(word)) ? WEAK_WEIGHT : 1);
      const existing = target.get(term);
      if (!existing || existing.weight < weight) target.set(term, { word: foldText(word), term, weight, origin, group: group ?? term });
    }
  }
}

/** Analyses a question in the context of the conversation before it. */
export function analyzeQuery(rawQuestion: string, history: Turn[], context: QueryContext): QueryAnalysis {
  const question = normalizeQuestion(rawQuestion);
  const folded = foldText(question);
  const language = detectLanguage(question, context.glossary.englishStopWords);
  const base = baseWords(folded, language, context);
  // Time and comparison words ("vroeger", "gestegen") frame the question; they are not its subject.
  const weak = (word: string) => context.words.contextWords.has(word) || context.words.comparison.includes(word);
  const terms = new Map<string, WeightedTerm>();
  for (const { word, origin, group } of base) addTerms(terms, word, origin, group, 1, context.isCommon, weak);
  for (const { word, group: shared, origin } of base) {
    const group = shared ?? analyzeTerms(word)[0];
    if (!group) continue;
    for (const expansion of expansions(word, context, origin)) addTerms(terms, expansion.word, expansion.origin, group, expansion.factor, context.isCommon, weak);
  }
  if (language === 'nl') for (const verb of separableVerbTerms(folded, context)) addTerms(terms, verb.word, 'question', verb.group, 1, context.isCommon, weak);
  const dutchText = base.map((b) => b.word).join(' ');
  let detected = detectFilters(`${folded} ${dutchText}`, context.documents);
  const years = detected.years;
  const followUp = isFollowUp(question, history, base.length);
  if (followUp) {
    const words = (text: string) => baseWords(foldText(normalizeQuestion(text)), detectLanguage(text), context).map((b) => b.word);
    for (const word of historyTerms(history, words)) addTerms(terms, word, 'history', undefined, 1, undefined, weak);
    // The previous answer's words weigh less: they say what was found, not what was asked.
    for (const word of answerTerms(history, words)) addTerms(terms, word, 'answer', undefined, ANSWER_TERM_FACTOR, context.isCommon, weak);
    const previous = detectFilters(history.filter((t) => t.role === 'user').map((t) => foldText(t.content)).join(' '), context.documents);
    detected = mergeDetected(detected, previous);
  }
  const ordered = [...terms.values()].sort((a, b) => b.weight - a.weight);
  const focus = focusOf(base, context);
  // An English name may be known under its Dutch translation ("Ukrainian" → "Oekraïense").
  const knows = context.knows && ((word: string) => (context.knows as (w: string) => boolean)(word) || (language === 'en' && (context.glossary.translateWord(word)?.some((t) => t.split(' ').every((part) => context.knows?.(part))) ?? false)));
  const unknown = knows ? unknownNames(question, knows) : [];
  let kind = classifyQuestion(folded, language, base.map((b) => foldText(b.word)), years, context.words);
  // "En in 2021?" asks what the previous question asked, for another year.
  const previous = followUp ? previousQuestion(history) : undefined;
  if (previous !== undefined && !kind.explicit) {
    const before = normalizeQuestion(previous);
    const beforeLanguage = detectLanguage(before, context.glossary.englishStopWords);
    const inherited = classifyQuestion(foldText(before), beforeLanguage, baseWords(foldText(before), beforeLanguage, context).map((b) => foldText(b.word)), [], context.words);
    kind = { ...inherited, comparison: kind.comparison || inherited.comparison };
  }
  const { explicit: _explicit, ...type } = kind;
  return {
    question, language, ...type, parts: partsOf(folded, language, base, context), terms: ordered, numbers: numberTokens(question), years, detected, followUp, unknownNames: unknown,
    names: knownNames(question, context), ...(focus ? { focus } : {}),
  };
}

/**
 * The separable verbs of a question written as the documents write them: "draagt … bij" searched as "bijdraagt" and
 * "bijdragen", in the group of the verb the user wrote; only the forms some passage holds.
 */
function separableVerbTerms(folded: string, context: QueryContext): { word: string; group: string }[] {
  const found: { word: string; group: string }[] = [];
  for (const { word, verb } of joinedVerbs(folded, context.words.particles)) {
    const group = analyzeTerms(verb)[0];
    if (group === undefined) continue;
    for (const form of [word, ...infinitivesOf(word)]) if (analyzeTerms(form).some((term) => context.hasTerm?.(term))) found.push({ word: form, group });
  }
  return found;
}

/** The parts of a question that asks several things (see question-parts.ts), each classified on its own. */
function partsOf(folded: string, language: Language, base: BaseWord[], context: QueryContext): QueryAnalysis['parts'] {
  const spans = questionParts(folded, language, context.words);
  if (spans.length < 2) return [];
  return spans.map(({ start, end }) => {
    const own = base.filter((b) => b.position >= start && b.position < end);
    const groups = [...new Set(own.map((b) => b.group ?? analyzeTerms(b.word)[0]).filter((g): g is string => g !== undefined))];
    const text = folded.slice(start, end);
    const { answerType } = classifyQuestion(text, language, own.map((b) => foldText(b.word)), [], context.words);
    return { text, answerType, groups };
  });
}

/**
 * Names the question uses that the documents know: capitalised words after the first, whose terms are not so common
 * that they identify nothing ("WIJ", "Groningen").
 */
function knownNames(question: string, context: QueryContext): string[] {
  const names = new Set<string>();
  tokenize(question).forEach((token, index) => {
    if (token.kind !== 'word' || index === 0 || !/^\p{Lu}/u.test(token.text) || token.text.length < 3) return;
    if (/[.?!:]$/.test(question.slice(0, token.start).trimEnd())) return;
    for (const term of analyzeTerms(token.text)) if (!context.isCommon?.(term) && (context.knows?.(foldText(token.text)) ?? true)) names.add(term);
  });
  return [...names];
}

/** Words that name a unit or kind of answer rather than what is counted. */
const FOCUS_WINDOW = 2;

function focusOf(base: BaseWord[], context: QueryContext): string | undefined {
  const firsts = base.filter((word, i) => word.group === undefined || base.findIndex((w) => w.group === word.group) === i);
  for (const word of firsts.slice(0, FOCUS_WINDOW + 1)) {
    const folded = foldText(word.word);
    if (context.words.unitNouns.has(folded) || context.words.money.has(folded) || context.words.contextWords.has(folded) || isWeakWord(folded)) continue;
    // The head of a hyphenated compound names the thing: "WIJ-managers" counts managers.
    const group = word.group ?? analyzeTerms(word.word).at(-1);
    if (group && !(word.group === undefined && context.isCommon?.(group))) return group;
  }
  return undefined;
}

/** The current question's own filters win; the conversation's fill in what it leaves open. */
function mergeDetected(current: DetectedFilters, previous: DetectedFilters): DetectedFilters {
  return {
    docTypes: current.docTypes.length ? current.docTypes : previous.docTypes,
    documentIds: current.documentIds.length ? current.documentIds : previous.documentIds,
    years: current.years.length ? current.years : previous.years,
  };
}
