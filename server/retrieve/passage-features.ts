/**
 * Features of a candidate passage for a question, each in [0, 1]. They say what makes a passage answer a
 * question: how many of its concepts the passage covers (IDF-weighted, expansions at their weight), how well
 * it scores as a bag of words (BM25), how close the concepts stand, whether section and document titles name
 * them, whether it has the numbers and years asked about, the kind of fact asked for, and how each search
 * list ranked it.
 */
import { analyzeTerms } from '../../ingest/index.js';
import type { QueryAnalysis } from './analyze-query.js';
import type { AnswerType } from './answer-type.js';
import { conceptMatch, coverage, type Concept } from './concepts.js';
import type { CorpusStats, PassageTerms } from './corpus-stats.js';

/** How the search lists ranked a candidate (0-based ranks; undefined when a list did not return it). */
export interface Signals {
  own?: number;
  expanded?: number;
  vector?: number;
}

/** Feature values of one candidate. */
export interface Features {
  lists: number;
  bm25: number;
  coverage: number;
  heading: number;
  document: number;
  proximity: number;
  numbers: number;
  years: number;
  intent: number;
}

const WINDOW = 14;
const K1 = 1.2;
const B = 0.6;
const YEAR = /^(?:19|20)\d\d$/;

/** A concept term's concept and IDF-weighted value, for {@link proximity}. */
export interface ConceptHit {
  key: string;
  value: number;
}

/**
 * What the features read of the question, derived once per question rather than once per candidate: the
 * candidates of one question (often a hundred) share it.
 */
export interface QuestionFeatures {
  analysis: QueryAnalysis;
  concepts: Map<string, Concept>;
  /** The concept each term counts for (a term two concepts share counts for the later one). */
  conceptOf: Map<string, ConceptHit>;
  /** The query terms with their weight times IDF, the question side of BM25. */
  weightedTerms: { term: string; weight: number }[];
  /** Sum of the concepts' IDF: the most a window can hold. */
  totalIdf: number;
  /** Concepts of this turn, not only of earlier ones. */
  own: Concept[];
  /** The numbers asked about, years excluded. */
  quantities: string[];
  /** Analysed terms of the written numbers ("twee", "elf"): a count is often written in words. */
  numberTerms: Set<string>;
}

/** Derives the per-question part of the features; `numberWords` are the written numbers of data/answer-words.json. */
export function questionFeatures(analysis: QueryAnalysis, concepts: Map<string, Concept>, stats: CorpusStats, numberWords: Iterable<string> = []): QuestionFeatures {
  const conceptOf = new Map<string, ConceptHit>();
  for (const [key, concept] of concepts) for (const term of concept.terms) conceptOf.set(term.term, { key, value: term.weight * concept.idf });
  return {
    analysis,
    concepts,
    conceptOf,
    weightedTerms: analysis.terms.map((t) => ({ term: t.term, weight: t.weight * stats.idf(t.term) })),
    totalIdf: [...concepts.values()].reduce((sum, c) => sum + c.idf, 0),
    own: [...concepts.values()].filter((c) => !c.history),
    quantities: analysis.numbers.filter((n) => !YEAR.test(n)),
    numberTerms: new Set([...numberWords].flatMap((word) => analyzeTerms(word))),
  };
}

/** The best IDF-weighted share of concepts inside any window of WINDOW consecutive terms. */
export function proximity(question: Pick<QuestionFeatures, 'conceptOf' | 'totalIdf'>, item: PassageTerms): number {
  const hits: { position: number; hit: ConceptHit }[] = [];
  for (const [term, hit] of question.conceptOf) for (const position of item.positions.get(term) ?? []) hits.push({ position, hit });
  hits.sort((a, b) => a.position - b.position);
  let best = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Map<string, number>();
    for (let j = i; j < hits.length && (hits[j]?.position ?? 0) - (hits[i]?.position ?? 0) < WINDOW; j++) {
      const hit = hits[j]?.hit;
      if (hit) seen.set(hit.key, Math.max(seen.get(hit.key) ?? 0, hit.value));
    }
    best = Math.max(best, [...seen.values()].reduce((a, b) => a + b, 0));
  }
  return question.totalIdf > 0 ? Math.min(1, best / question.totalIdf) : 0;
}

/** BM25 of the passage (body and headings) for the weighted query terms; not normalised. */
export function bm25(question: Pick<QuestionFeatures, 'weightedTerms'>, item: PassageTerms, averageLength: number): number {
  let score = 0;
  for (const { term, weight } of question.weightedTerms) {
    const tf = (item.positions.get(term)?.length ?? 0) + (item.headingTerms.has(term) ? 1 : 0);
    if (tf === 0) continue;
    score += weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * item.length) / averageLength)));
  }
  return score;
}

/**
 * Whether the passage can hold the kind of answer asked for: an amount, a date, a count or percentage. A count
 * may be written in words ("elf teams"); a percentage is written in digits.
 */
export function typeScore(type: AnswerType, item: PassageTerms, numberTerms: ReadonlySet<string> = new Set()): number {
  if (type === 'amount') return item.hasAmount ? 1 : 0;
  if (type === 'date') return item.hasDate ? 1 : 0;
  // "Wie is …" asks for a person or a body; a passage naming a person can answer it, any passage may name a body.
  if (type === 'actor') return item.hasPerson ? 1 : 0.5;
  const digits = [...item.numbers].some((n) => !YEAR.test(n));
  if (type === 'percentage') return digits ? 1 : 0;
  if (type === 'count') return digits || [...numberTerms].some((term) => item.termSet.has(term)) ? 1 : 0;
  return 0.5;
}

/**
 * Reciprocal-rank fusion of the expanded full-text list and the vector list. The own-words list is left out:
 * its ranking is what the bm25 feature computes again, over the same words, for every candidate.
 */
function listScore(signals: Signals): number {
  const part = (rank: number | undefined) => (rank === undefined ? 0 : 1 / (1 + rank / 5));
  return (part(signals.expanded) + part(signals.vector)) / 2;
}

/** Computes the features of one candidate; `documentTerms` are the analysed title/type/organisation terms of its document. */
export function passageFeatures(
  question: QuestionFeatures,
  item: PassageTerms,
  signals: Signals,
  context: { averageLength: number; documentTerms: Set<string> },
): Features {
  const { analysis, concepts, own, quantities } = question;
  const all = (term: string) => item.termSet.has(term) || item.headingTerms.has(term);
  const years = analysis.detected.years;
  return {
    lists: listScore(signals),
    bm25: bm25(question, item, context.averageLength),
    coverage: coverage(concepts, all),
    heading: coverage(concepts, (term) => item.headingTerms.has(term)),
    document: own.length ? own.filter((c) => conceptMatch(c, (t) => context.documentTerms.has(t)) > 0).length / own.length : 0,
    proximity: proximity(question, item),
    numbers: quantities.length ? quantities.filter((n) => item.numbers.has(n)).length / quantities.length : 0,
    years: years.length ? (years.some((y) => item.years.has(y)) ? 1 : years.includes(item.passage.year ?? -1) ? 0.6 : 0) : 0,
    intent: typeScore(analysis.answerType, item, question.numberTerms),
  };
}
