/**
 * The concepts of a question: each of the user's words (or English phrases) with the terms that stand for it —
 * the word itself, its synonyms, related words and compound parts at lower weights. Coverage of concepts,
 * not of raw terms, is what tells whether a passage or sentence speaks to the question.
 */
import type { QueryAnalysis, WeightedTerm } from './analyze-query.js';
import type { CorpusStats } from './corpus-stats.js';

/** One concept of the question. */
export interface Concept {
  /** How informative the concept is (IDF of its own words; history-only concepts count half). */
  idf: number;
  terms: WeightedTerm[];
  /** The concept comes only from earlier turns of the conversation. */
  history: boolean;
}

const EXPANSIONS: WeightedTerm['origin'][] = ['synonym', 'related', 'compound', 'variant'];

/** Groups the analysed terms into concepts with IDF weights. */
export function conceptsOf(analysis: QueryAnalysis, stats: CorpusStats): Map<string, Concept> {
  const concepts = new Map<string, Concept>();
  for (const term of analysis.terms) {
    const concept = concepts.get(term.group) ?? { idf: 0, terms: [], history: true };
    concept.terms.push(term);
    if (term.origin !== 'history' && term.origin !== 'answer') concept.history = false;
    if (!EXPANSIONS.includes(term.origin)) concept.idf = Math.max(concept.idf, stats.idf(term.term));
    concepts.set(term.group, concept);
  }
  for (const concept of concepts.values()) {
    if (concept.idf === 0) concept.idf = Math.max(...concept.terms.map((t) => stats.idf(t.term))) * 0.5;
    if (concept.history) concept.idf *= 0.5;
  }
  return concepts;
}

/** How well `has` answers for a concept: the weight of its best present term (0 when none is). */
export function conceptMatch(concept: Concept, has: (term: string) => boolean): number {
  let best = 0;
  for (const term of concept.terms) if (best < term.weight && has(term.term)) best = term.weight;
  return best;
}

/** IDF-weighted share of the concepts present according to `has`, in [0, 1]. */
export function coverage(concepts: Map<string, Concept>, has: (term: string) => boolean): number {
  let total = 0;
  let found = 0;
  for (const concept of concepts.values()) {
    total += concept.idf;
    found += concept.idf * conceptMatch(concept, has);
  }
  return total > 0 ? found / total : 0;
}
