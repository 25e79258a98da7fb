/**
 * What a sentence offers an answer: which concepts of the question it names, whether it holds the kind of fact
 * asked for (an amount for "hoeveel geld", a count for "hoeveel", a date for "wanneer", a person or body for
 * "wie", an enumeration for "welke"), and whether it has the numbers and years the question mentions.
 */
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import { coverage, type Concept } from '../retrieve/concepts.js';
import { analyzeTerms, numberTokens, tokenize } from './cached-analysis.js';
import type { CandidateSentence } from './candidate-sentences.js';

/** Features of a candidate sentence, each in [0, 1]. */
export interface SentenceFeatures {
  coverage: number;
  intent: number;
  rank: number;
  numbers: number;
  years: number;
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DATE = new RegExp(`\\b(?:\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{4}|\\d{1,2}-\\d{1,2}-\\d{2,4})\\b`, 'i');
const NUMBER_WORDS = /\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|miljoen)\b/i;
const ROLES = /\b(?:raad|college|wethouder|burgemeester|portefeuillehouder|bestuur(?:der)?|directeur|directie|voorzitter|toezicht|minister|ondernemingsraad|gemeente|mevrouw|heer|dhr|mevr|accountant|rekenkamer|stuurgroep)\b/i;
const FREQUENCY = /\b(?:wekelijks|maandelijks|jaarlijks|dagelijks|per (?:week|maand|jaar|kwartaal)|keer per|eens per|twee(?:maal| keer)|maal per)\b/i;
const AMOUNT = /€|\beuro\b|\bmiljoen\b|\bmln\b|\bk€/i;

const DATES = new RegExp(DATE.source, 'gi');

/**
 * The quantities a text states: numbers with a value, not years, not the parts of a date ("28-05-2019") and
 * not outline numbers ("3.3.4"), which answer no "hoeveel".
 */
export function quantitiesOf(text: string): string[] {
  return tokenize(text.replace(DATES, ' '))
    .filter((token) => token.kind === 'number' && token.value !== null && !/^(?:19|20)\d\d$/.test(token.normal))
    .map((token) => token.normal);
}

/** How well a sentence holds the kind of fact the question asks for. */
export function intentFit(intent: string, sentence: CandidateSentence): number {
  const text = sentence.text;
  const quantities = quantitiesOf(text);
  switch (intent) {
    case 'amount':
      return AMOUNT.test(text) && quantities.length > 0 ? 1 : quantities.length > 0 ? 0.5 : 0;
    case 'quantity':
    case 'percentage':
      return quantities.length > 0 || NUMBER_WORDS.test(text) ? 1 : 0;
    case 'date':
    case 'duration':
      return DATE.test(text) ? 1 : /\b(?:19|20)\d\d\b/.test(text) ? 0.5 : 0;
    case 'person':
    case 'decider':
      return ROLES.test(text) ? 1 : 0.2;
    case 'frequency':
      // "Hoe vaak …?" is answered by a rhythm ("wekelijks") or by a count ("14.068 verwijzingen").
      return FREQUENCY.test(text) || quantities.length > 0 ? 1 : 0.2;
    case 'list':
      return (text.match(/[,;•]/g)?.length ?? 0) >= 2 || sentence.passage.kind === 'list' || /:\s*$/.test(text) ? 1 : 0.4;
    default:
      return 0.5;
  }
}

/**
 * Computes the features of a sentence for a question. A concept that names the sentence's document ("volgens
 * Berenschot", "in de kadernota") counts as present: the document says it, the sentence need not repeat it.
 */
export function sentenceFeatures(analysis: QueryAnalysis, concepts: Map<string, Concept>, sentence: CandidateSentence, documentTerms: Set<string> = new Set()): SentenceFeatures {
  const terms = new Set(analyzeTerms(sentence.text));
  for (const term of documentTerms) terms.add(term);
  const heading = new Set(analyzeTerms(sentence.passage.section.join(' ')));
  const numbers = new Set(numberTokens(sentence.text));
  const quantities = analysis.numbers.filter((n) => !/^(?:19|20)\d\d$/.test(n));
  const years = analysis.detected.years;
  return {
    // Section titles count too, but a sentence must say something itself: heading terms weigh half.
    coverage: 0.75 * coverage(concepts, (t) => terms.has(t)) + 0.25 * coverage(concepts, (t) => terms.has(t) || heading.has(t)),
    intent: intentFit(analysis.intent, sentence),
    rank: 1 / (1 + sentence.rank),
    numbers: quantities.length ? quantities.filter((n) => numbers.has(n)).length / quantities.length : 0,
    years: years.length ? (years.some((y) => numbers.has(String(y))) ? 1 : sentence.passage.year !== null && years.includes(sentence.passage.year) ? 0.5 : 0) : 0,
  };
}

/**
 * The score of a sentence: what it says about the question (concepts, numbers, years asked about), scaled by
 * whether it holds the kind of fact asked for and how well retrieval ranked its passage. A sentence that names
 * nothing of the question scores near zero however well it fits the answer type.
 */
export function sentenceScore(features: SentenceFeatures): number {
  const about = 0.75 * features.coverage + 0.15 * features.numbers + 0.1 * features.years;
  return about * (0.55 + 0.3 * features.intent + 0.15 * features.rank);
}
