/**
 * When is there enough support to answer? The documents must speak to the question at all (concept coverage of
 * the best sentence and its passage), and a question that asks for a figure must find one of the right kind:
 * an amount, a count, a date, a percentage — for the years it names. Below that, "dit staat niet in de stukken"
 * is the honest answer. Thresholds are calibrated on the development questions (see `npm run eval`).
 */
import { analyzeTerms, numberTokens, tokenize } from '../../ingest/text/analyze.js';
import { conceptMatch, type Concept } from '../retrieve/concepts.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
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

const NEEDS_FIGURE = new Set(['amount', 'quantity', 'percentage', 'date', 'frequency']);
const YEAR = /^(?:19|20)\d\d$/;

/** Why an answer is refused, for logs and tests; undefined when it is supported. */
export type Refusal = 'no_passages' | 'unknown_name' | 'off_topic' | 'no_figure' | 'wrong_years' | 'no_percentage' | 'figure_not_about_focus';

function yearsOf(sentence: ScoredSentence): Set<number> {
  const header = sentence.row ? sentence.passage.text.split('\n')[0] ?? '' : '';
  return new Set(numberTokens(`${sentence.text} ${header}`).filter((n) => YEAR.test(n)).map(Number));
}

/**
 * The thing a figure question counts ("banen" in "Hoeveel banen verdwenen…") must stand with the figure — in its
 * sentence, the sentence before it, its section title or its document's title. A focus the corpus never uses
 * is a paraphrase the check cannot judge, so it is skipped.
 */
function figureAboutFocus(window: ScoredSentence[], scored: ScoredSentence[], retrieval: RetrievalResult, context: SupportContext): boolean {
  // A follow-up leans on the earlier turns for its subject; its own first word is no reliable focus.
  if (retrieval.analysis.followUp) return true;
  const focus = retrieval.analysis.focus ? context.concepts.get(retrieval.analysis.focus) : undefined;
  if (!focus || focus.terms.every((t) => context.documentFrequency(t.term) === 0)) return true;
  return window.some((sentence) => {
    const previous = scored.find((s) => s.passage.id === sentence.passage.id && s.index === sentence.index - 1);
    const text = `${sentence.text} ${previous?.text ?? ''} ${sentence.passage.section.join(' ')}`;
    const parts = tokenize(text).flatMap((t) => (t.kind === 'word' ? context.compoundParts?.(t.normal) ?? [] : []));
    const terms = new Set([...analyzeTerms(`${text} ${parts.join(' ')}`), ...context.documentTerms(sentence.passage.documentId)]);
    return conceptMatch(focus, (term) => terms.has(term)) > 0;
  });
}

/** Checks the support for an answer; returns the reason to refuse, or undefined to answer. */
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
  const window = scored.slice(0, SUPPORT.figureWindow).filter((s) => s.features.intent >= 1);
  if (window.length === 0) return 'no_figure';
  // Years the question itself names ("voor 2024 en 2025"), not years carried over from earlier turns.
  const years = numberTokens(question).filter((n) => YEAR.test(n)).map(Number);
  if (years.length > 0 && !window.some((s) => years.some((y) => yearsOf(s).has(y) || s.passage.year === y))) return 'wrong_years';
  if (intent === 'percentage' && !window.some((s) => s.text.includes('%') && s.features.coverage >= SUPPORT.percentageCoverage)) return 'no_percentage';
  if (intent !== 'date' && !figureAboutFocus(window, scored, retrieval, context)) return 'figure_not_about_focus';
  return undefined;
}
