/**
 * Stage 2 of the answer pipeline: the features of every candidate sentence for the question, computed once per
 * question. They say whether a sentence answers the question: which of its concepts it names (in the sentence,
 * in its context), whether an informative concept is missing, whether it holds a value of the asked answer type
 * and whether that value stands next to the question's words, whether the asked years and names are there, and
 * how well retrieval ranked its passage. Pure.
 */
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import { VALUE_TYPES } from '../retrieve/answer-type.js';
import type { AnswerWords } from '../retrieve/answer-words.js';
import { conceptMatch, type Concept } from '../retrieve/concepts.js';
import { hasPhrase } from '../retrieve/phrases.js';
import { analyzeTerms, numberTokens, tokenize } from './cached-analysis.js';
import type { CandidateSentence } from './candidate-sentences.js';
import { isEntryLine, lineAbove } from './line-layout.js';
import { sentencesOfPassage } from './passage-sentences.js';
import { isComparisonFigure, valueFit, valueSpans, valueYear, type ValueSpan } from './values.js';
import { foldText } from '../../ingest/index.js';

/** Features of a candidate sentence, each in [0, 1]. */
export interface SentenceFeatures {
  /** IDF-weighted share of the question's concepts named by the sentence (with its lead-in or table header). */
  coverage: number;
  /** The same, counting its section titles and its document's title, type and organisation too. */
  context: number;
  /** IDF-weighted share of the question's subject concepts (its own full-weight words) that the context has at all. */
  subject: number;
  /** How well the sentence's best value fits the asked answer type (1 for types that need no value). */
  typed: number;
  /** IDF-weighted share of the concepts named within a few words of that value. */
  anchored: number;
  /** 1 when the question names no year or the sentence (or its table header) has one; 0.5 for its document's year. */
  years: number;
  /** Share of the names in the question the context has (1 when it names none). */
  names: number;
  /** Share of the numbers asked about the sentence has. */
  numbers: number;
  /** 1 / (1 + rank of the passage). */
  rank: number;
  /** The passage's retrieval score relative to the best passage's. */
  relevance: number;
}

/** A candidate with its features, values and score. */
export interface ScoredSentence extends CandidateSentence {
  features: SentenceFeatures;
  values: readonly ValueSpan[];
  /** The value that answers the asked type best (undefined for types that need none, or when there is none). */
  answerValue?: ValueSpan;
  /** The sentence that gives this one its subject (a list's lead-in, a table's header line), or ''. */
  leadIn: string;
  score: number;
}

/** What the features read of the question, derived once per question. */
export interface QuestionContext {
  analysis: QueryAnalysis;
  concepts: Map<string, Concept>;
  /** The concepts that name the question's subject ({@link subjectConcepts}). */
  subject: [string, Concept][];
  words: AnswerWords;
  /** Analysed terms of a document's title, type and organisation. */
  documentTerms(documentId: string): Set<string>;
  /** True for a term some passage uses. */
  known(term: string): boolean;
}

/** Words of a value's neighbourhood that count for its anchoring, on either side. */
const ANCHOR_WINDOW = 8;
const YEAR = /^(?:19|20)\d\d$/;
/** A table whose bare figures are amounts: it, its header or its section speaks of euros. */
const MONEY_TABLE = /€|\beuro|\bbedrag|\bx\s?1\.000\b|\bbalans|\bbaten\b|\blasten\b|\bkosten\b/i;

/**
 * The concepts of the question that name its subject: its own full-weight words, not its units, time or comparison
 * words, not grammar words; the words of earlier turns only for a follow-up.
 */
export function subjectConcepts(context: Pick<QuestionContext, 'concepts' | 'words'>, followUp = false): [string, Concept][] {
  const { words } = context;
  return [...context.concepts].filter(([, concept]) => {
    // A follow-up's subject is the earlier turn's ("En hoeveel daarvan bleken terecht?").
    if (concept.history) return followUp && concept.terms.some((t) => (t.origin === 'history' || t.origin === 'answer') && !words.unitNouns.has(t.word) && !words.money.has(t.word));
    const own = concept.terms.find((t) => t.origin === 'question' || t.origin === 'translation');
    if (!own || own.weight < 1) return false;
    const word = foldText(own.word);
    return !words.unitNouns.has(word) && !words.money.has(word) && !words.contextWords.has(word) && !words.comparison.includes(word);
  });
}

function coverageOf(concepts: Iterable<[string, Concept]>, has: (term: string) => boolean): number {
  let total = 0;
  let found = 0;
  for (const [, concept] of concepts) {
    total += concept.idf;
    found += concept.idf * conceptMatch(concept, has);
  }
  return total > 0 ? found / total : 0;
}

/** The sentence that introduces this one: its list's lead-in ("…het volgende:"), or a table's header line. */
export function leadInOf(sentence: CandidateSentence): string {
  if (sentence.context) return sentence.context;
  const own = sentencesOfPassage(sentence.passage);
  if (sentence.row) {
    const first = own[0];
    return first && first.row && first.index !== sentence.index && !/\d[.,]\d/.test(first.text) ? first.text : '';
  }
  const before = own.filter((s) => s.index < sentence.index).reverse();
  const intro = sentence.item ? before.find((s) => !s.item && !s.row) : before[0];
  return intro && /:\s*$/.test(intro.text) ? intro.text : '';
}

/** Where a clause ends: a semicolon, a colon or a bullet between two parts of one sentence. */
const CLAUSE_END = /[;:•]/g;

/** The span of the clause of `sentence` that holds the value. */
function clauseOf(sentence: string, value: ValueSpan): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_END)) {
    if (match.index < value.start) start = match.index + 1;
    else if (match.index >= value.end) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

/**
 * IDF-weighted coverage of the concepts by the words near a value: within ANCHOR_WINDOW word tokens of an amount,
 * count or name, which belong to the words beside them; anywhere in the clause of a date or year, because a time
 * adverbial places the whole clause in time ("In maart 2030 heeft de raad na een lang debat het plan vastgesteld").
 */
export function anchoring(sentence: string, value: ValueSpan, concepts: [string, Concept][]): number {
  const clause = value.kind === 'date' || value.kind === 'year' ? clauseOf(sentence, value) : null;
  const window = clause ? Number.POSITIVE_INFINITY : ANCHOR_WINDOW;
  const tokens = tokenize(sentence).filter((t) => t.kind === 'word' && (!clause || (t.start >= clause.start && t.end <= clause.end)));
  const before = tokens.filter((t) => t.end <= value.start).slice(-window);
  const inside = tokens.filter((t) => t.start >= value.start && t.end <= value.end);
  const after = tokens.filter((t) => t.start >= value.end).slice(0, window);
  const near = new Set([...before, ...inside, ...after].flatMap((t) => analyzeTerms(t.text)));
  return coverageOf(concepts, (term) => near.has(term));
}

/** Whether a sentence enumerates: a lead-in, an item, an entry line, or several comma- or semicolon-separated parts. */
function enumerates(sentence: CandidateSentence): boolean {
  return /:\s*$/.test(sentence.text) || sentence.item || sentence.passage.kind === 'list' || (sentence.text.match(/[,;•]/g)?.length ?? 0) >= 2 || isEntryLine(sentence);
}

/** Weight of a figure stated for another year than the asked one, or of a comparison figure when no year is asked. */
const OTHER_YEAR_FIGURE = 0.8;

/**
 * Whether a figure is the one for the asked year: one stated for another year weighs less, and so does a comparison
 * figure in parentheses ("(601)") unless its own year is the asked one ("(€ 30.969.000 over 2021)" for 2021).
 */
function yearFit(years: number[], sentence: CandidateSentence, value: ValueSpan, values: readonly ValueSpan[]): number {
  const text = sentence.text;
  const own = years.length > 0 ? (cellYear(sentence, value) ?? valueYear(text, value, values)) : null;
  if (own !== null) return years.includes(own) ? 1 : OTHER_YEAR_FIGURE;
  return isComparisonFigure(text, value) ? OTHER_YEAR_FIGURE : 1;
}

/**
 * The year of the table column a row's figure stands in ("Realisatie 2022"), or null outside a table or under a
 * column without a year: in a row the column header, not the row's text, says which year a figure is for.
 */
export function cellYear(sentence: CandidateSentence, value: ValueSpan): number | null {
  const table = sentence.row ? sentence.passage.table : undefined;
  if (!table) return null;
  const start = sentence.start + value.start;
  const end = sentence.start + value.end;
  for (const row of table.rows) {
    for (const cell of row.cells) if (cell.start < end && start < cell.end) return cell.year;
  }
  return null;
}

/** `own`: the analysed terms of the sentence and its lead-in. */
function typedValue(context: QuestionContext, sentence: CandidateSentence, values: readonly ValueSpan[], own: ReadonlySet<string>): { typed: number; anchored: number; value?: ValueSpan } {
  const type = context.analysis.answerType;
  const subject = context.subject;
  if (type === 'list') {
    const typed = enumerates(sentence) ? 1 : 0;
    // An item is about what its lead-in names ("De raad stelde drie plannen vast:" — "een plan voor de wijk").
    return { typed, anchored: typed * coverageOf(subject, (t) => own.has(t)) };
  }
  if (!VALUE_TYPES.has(type)) return { typed: 1, anchored: 1 };
  let best: { typed: number; anchored: number; value?: ValueSpan } = { typed: 0, anchored: 0 };
  for (const value of values) {
    const fit = sentence.row && type === 'amount' && value.kind === 'count' ? (MONEY_TABLE.test(`${sentence.passage.text} ${sentence.passage.section.join(' ')}`) ? 1 : 0.5) : valueFit(type, value.kind);
    if (fit === 0) continue;
    const decides = type !== 'who_decides' || context.words.decisionVerbs.some((verb) => hasPhrase(foldText(sentence.text), verb)) ? 1 : 0.5;
    const anchored = sentence.row
      ? coverageOf(subject, (t) => analyzeTerms(sentence.text).includes(t))
      : value.text === sentence.text ? coverageOf(subject, (t) => analyzeTerms(lineAbove(sentence)).includes(t)) : anchoring(sentence.text, value, subject);
    const typed = fit * decides * yearFit(context.analysis.years, sentence, value, values);
    if (typed + anchored > best.typed + best.anchored + 1e-9) best = { typed, anchored, value };
  }
  return best;
}

/**
 * Whether the sentence speaks of the asked years: 1 when it (or its lead-in or table header) states one, or states
 * no year at all in a document about that year; 0.5 when it states none in a document about another year; 0 when it
 * states only other years.
 */
function yearsFeature(analysis: QueryAnalysis, sentence: CandidateSentence, leadIn: string): number {
  if (analysis.years.length === 0) return 1;
  const stated = new Set(numberTokens(`${sentence.text} ${leadIn}`).filter((n) => YEAR.test(n)).map(Number));
  if (analysis.years.some((year) => stated.has(year))) return 1;
  if (stated.size > 0) return 0;
  return sentence.passage.year !== null && analysis.years.includes(sentence.passage.year) ? 1 : 0.5;
}

/** The features of one candidate. */
export function sentenceFeatures(context: QuestionContext, sentence: CandidateSentence): { features: SentenceFeatures; values: readonly ValueSpan[]; answerValue?: ValueSpan; leadIn: string } {
  const { analysis, concepts } = context;
  const leadIn = leadInOf(sentence);
  const own = new Set([...analyzeTerms(sentence.text), ...analyzeTerms(leadIn)]);
  const around = new Set([...own, ...analyzeTerms(sentence.passage.section.join(' ')), ...context.documentTerms(sentence.passage.documentId)]);
  const subject = context.subject;
  // A compound the documents use ("ondernemingsraad") is not present through one of its parts ("raad").
  const present = (c: Concept) => (c.terms.some((t) => (t.origin !== 'compound' || !context.known(c.terms[0]?.term ?? '')) && around.has(t.term)) ? 1 : 0);
  const subjectIdf = subject.reduce((sum, [, c]) => sum + c.idf, 0);
  const values = valueSpans(sentence.text, context.words);
  const { typed, anchored, value } = typedValue(context, sentence, values, own);
  const numbers = new Set(numberTokens(sentence.text));
  const asked = analysis.numbers.filter((n) => !YEAR.test(n));
  const features: SentenceFeatures = {
    coverage: coverageOf(concepts, (t) => own.has(t)),
    context: coverageOf(concepts, (t) => around.has(t)),
    subject: subjectIdf > 0 ? subject.reduce((sum, [, c]) => sum + c.idf * present(c), 0) / subjectIdf : 1,
    typed,
    anchored,
    years: yearsFeature(analysis, sentence, leadIn),
    names: analysis.names.length ? analysis.names.filter((name) => around.has(name)).length / analysis.names.length : 1,
    numbers: asked.length ? asked.filter((n) => numbers.has(n)).length / asked.length : 0,
    rank: 1 / (1 + sentence.rank),
    relevance: sentence.relevance ?? 1,
  };
  return { features, values, ...(value ? { answerValue: value } : {}), leadIn };
}

/**
 * The score that orders candidates: what the sentence says about the question (its concepts, the numbers and years
 * asked about), scaled by whether it holds the kind of answer asked for next to those words, and by rank.
 */
export function sentenceScore(features: SentenceFeatures, valueType: boolean): number {
  const about = 0.6 * features.coverage + 0.2 * features.context + 0.1 * features.numbers + 0.1 * features.years;
  const fit = valueType ? 0.4 + 0.35 * features.typed + 0.25 * features.anchored : 1;
  return about * fit * (0.4 + 0.6 * features.relevance) * (0.5 + 0.5 * features.names) * (0.7 + 0.3 * features.subject);
}

/** A quotable sentence: not a bare heading, number or fragment, not an endless run-on. */
export function isQuotable(sentence: CandidateSentence, maxWords: number): boolean {
  const words = sentence.text.split(/\s+/).length;
  if (words > maxWords) return false;
  if (sentence.heading && !/:\s*$/.test(sentence.text)) return false;
  return sentence.row || sentence.item || words >= 4 || (/\p{L}{3}/u.test(sentence.text) && /\d/.test(sentence.text));
}

/** Scores every quotable candidate, best first. */
export function scoreCandidates(context: QuestionContext, candidates: CandidateSentence[], maxWords: number): ScoredSentence[] {
  const valueType = VALUE_TYPES.has(context.analysis.answerType);
  return candidates
    .filter((c) => isQuotable(c, maxWords))
    .map((c) => {
      const { features, values, answerValue, leadIn } = sentenceFeatures(context, c);
      return { ...c, features, values, leadIn, ...(answerValue ? { answerValue } : {}), score: sentenceScore(features, valueType) };
    })
    .sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
}
