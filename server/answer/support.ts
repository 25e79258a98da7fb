/**
 * When is there enough support to answer? The documents must speak to the question at all (concept coverage of
 * the best sentence and its passage), and a question that asks for a figure must find one of the right kind:
 * an amount, a count, a date, a percentage — for the years it names. Below that, "dit staat niet in de stukken"
 * is the honest answer. Thresholds are calibrated on the development questions (see `npm run eval`).
 */
import { analyzeTerms, numberTokens, tokenize } from '../../ingest/text/analyze.js';
import { conceptMatch, type Concept } from '../retrieve/concepts.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import { leadsIn } from './candidate-sentences.js';
import type { ScoredSentence } from './select-sentences.js';

/** What the support check reads besides the sentences: the question's concepts and corpus knowledge. */
export interface SupportContext {
  concepts: Map<string, Concept>;
  /** In how many passages a term occurs. */
  documentFrequency(term: string): number;
  /** Analysed terms of a document's title, type and organisation. */
  documentTerms(documentId: string): Set<string>;
  /** The parts of a compound word (folded), so "jeugdstraatcoaches" can answer for "straat". */
  compoundParts?(word: string): string[];
}

/** Calibrated thresholds. */
export const SUPPORT = {
  /** Minimum concept coverage of the best sentence: below it the documents do not speak to the question. */
  sentenceCoverage: 0.1,
  /** Minimum concept coverage of the passage the best sentence comes from. */
  passageCoverage: 0.12,
  /** How many of the best sentences may carry the figure a question asks for. */
  figureWindow: 8,
  /** A percentage must come with a sentence that names at least this share of the question's concepts. */
  percentageCoverage: 0.4,
  /** A conflicting figure counts when its sentence scores at least this share of the best. */
  conflictFloor: 0.4,
};

/** Words that ask what actually happened, and words that mark a figure as a plan or expectation. */
const ACTUAL = /(?:^|[^\p{L}])(?:werkelijk|daadwerkelijk|gerealiseerd|feitelijk|actually|actual|realised|realized)(?:$|[^\p{L}])/iu;
const EXPECTED = /(?:^|[^\p{L}])(?:verwacht\p{L}*|begroot|geraamd|raming\p{L}*|prognose\p{L}*|beoogd\p{L}*|voorgenomen|zal|zullen|expected|planned|budgeted)(?:$|[^\p{L}])/iu;

const NEEDS_FIGURE = new Set(['amount', 'quantity', 'percentage', 'date', 'frequency']);
const YEAR = /^(?:19|20)\d\d$/;

/** Why an answer is refused, for logs and tests; undefined when it is supported. */
export type Refusal = 'no_passages' | 'unknown_name' | 'off_topic' | 'no_figure' | 'wrong_years' | 'no_percentage' | 'figure_not_about_focus' | 'only_expected';

function yearsOf(sentence: ScoredSentence): Set<number> {
  const header = sentence.row ? sentence.passage.text.split('\n')[0] ?? '' : '';
  return new Set(numberTokens(`${sentence.text} ${header}`).filter((n) => YEAR.test(n)).map(Number));
}

/**
 * The sentence that introduces a list ("…tot het volgende:"), when `sentence` is an item of it: an item inherits
 * its lead-in's subject. Any other sentence stands on its own.
 */
function leadIn(sentence: ScoredSentence, scored: ScoredSentence[]): string {
  if (sentence.context) return sentence.context;
  if (!sentence.item && !sentence.row) {
    const previous = scored.find((s) => s.passage.id === sentence.passage.id && s.index === sentence.index - 1);
    return previous && leadsIn(previous.text) ? previous.text : '';
  }
  const before = scored.filter((s) => s.passage.id === sentence.passage.id && s.index < sentence.index).sort((a, b) => b.index - a.index);
  const intro = before.find((s) => !s.item && !s.row);
  return intro && leadsIn(intro.text) ? intro.text : '';
}

/**
 * The thing a figure question counts ("banen" in "Hoeveel banen verdwenen…") must stand with the figure — in its
 * sentence, the lead-in of the list it belongs to, its section title or its document's title. A focus the corpus never uses
 * is a paraphrase the check cannot judge, so it is skipped.
 */
function aboutFocus(scored: ScoredSentence[], retrieval: RetrievalResult, context: SupportContext): (sentence: ScoredSentence) => boolean {
  // A follow-up leans on the earlier turns for its subject; its own first word is no reliable focus.
  if (retrieval.analysis.followUp) return () => true;
  const focus = retrieval.analysis.focus ? context.concepts.get(retrieval.analysis.focus) : undefined;
  if (!focus || focus.terms.every((t) => context.documentFrequency(t.term) === 0)) return () => true;
  // A compound the documents themselves use ("bestuurdersoverleg") is not answered by a figure about one of its
  // parts ("overleg" in general); the parts stand in only for a compound the documents never use.
  const own = focus.terms.filter((t) => t.origin !== 'compound');
  const terms = own.some((t) => context.documentFrequency(t.term) > 0) ? { ...focus, terms: own } : focus;
  return (sentence) => {
    const text = `${sentence.text} ${leadIn(sentence, scored)} ${sentence.passage.section.join(' ')}`;
    const parts = tokenize(text).flatMap((t) => (t.kind === 'word' ? context.compoundParts?.(t.normal) ?? [] : []));
    const present = new Set([...analyzeTerms(`${text} ${parts.join(' ')}`), ...context.documentTerms(sentence.passage.documentId)]);
    return conceptMatch(terms, (term) => present.has(term)) > 0;
  };
}

/**
 * Checks the support for an answer; returns the reason to refuse, or undefined to answer. A figure question needs
 * one sentence that passes every check at once — the right kind of figure, for a year the question names, about
 * what the question counts — not a figure in one sentence and the year or subject in another.
 */
export function refusalReason(scored: ScoredSentence[], retrieval: RetrievalResult, context: SupportContext): Refusal | undefined {
  const best = scored[0];
  const ranked = best ? retrieval.passages.find((r) => r.passage.id === best.passage.id) : undefined;
  if (!best || !ranked) return 'no_passages';
  if (retrieval.analysis.unknownNames.length > 0) return 'unknown_name';
  const bestCoverage = Math.max(...scored.map((s) => s.features.coverage));
  const passageCoverage = Math.max(...retrieval.passages.slice(0, 3).map((r) => r.features.coverage));
  if (bestCoverage < SUPPORT.sentenceCoverage || passageCoverage < SUPPORT.passageCoverage) return 'off_topic';
  const { intent, question } = retrieval.analysis;
  if (!NEEDS_FIGURE.has(intent)) return undefined;
  // Years the question itself names ("voor 2024 en 2025"), not years carried over from earlier turns.
  const years = numberTokens(question).filter((n) => YEAR.test(n)).map(Number);
  const checks: [Refusal, (sentence: ScoredSentence) => boolean][] = [
    ['no_figure', (s) => s.features.intent >= 1],
    ['wrong_years', (s) => years.length === 0 || years.some((y) => yearsOf(s).has(y) || s.passage.year === y)],
    ['no_percentage', (s) => intent !== 'percentage' || (s.text.includes('%') && s.features.coverage >= SUPPORT.percentageCoverage)],
    ['figure_not_about_focus', intent === 'date' ? () => true : aboutFocus(scored, retrieval, context)],
    // "Wat heeft de bezuiniging werkelijk opgeleverd?" is not answered by what it was expected to yield.
    ['only_expected', (s) => !ACTUAL.test(question) || !EXPECTED.test(s.text)],
  ];
  let window = scored.slice(0, SUPPORT.figureWindow);
  for (const [reason, passes] of checks) {
    window = window.filter(passes);
    if (window.length === 0) return reason;
  }
  return undefined;
}
