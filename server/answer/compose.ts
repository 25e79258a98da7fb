/**
 * The answer pipeline, stage by stage: candidates (the sentences of the best passages) → features (scored once per
 * question) → evidence expansion (what the best sentence needs) → support gate → selection → render. Drafting
 * produces both the answer and the refusal with the gate's input, so the decision is one step that the evaluation
 * can repeat with another gate model (cross-validation) without answering again.
 */
import { areaNouns, type Passage } from '../../ingest/index.js';
import type { MergedDeelopdracht } from '../registers/merge-deelopdrachten.js';
import { registerMode, registerTable } from './register-answer.js';
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import { VALUE_TYPES } from '../retrieve/answer-type.js';
import type { AnswerWords } from '../retrieve/answer-words.js';
import { conceptsOf } from '../retrieve/concepts.js';
import type { CorpusStats } from '../retrieve/corpus-stats.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import { answerTables, tableMarkdown } from './answer-tables.js';
import type { CandidateSentence } from './candidate-sentences.js';
import type { EvidenceSource } from './expand.js';
import { scoreCandidates, subjectConcepts, type QuestionContext, type ScoredSentence } from './features.js';
import { figureConflicts } from './figure-conflicts.js';
import { decide, gateInput, type GateInput, type GateVerdict } from './gate.js';
import { refusalProbability, type GateModel } from './gate-model.js';
import { MESSAGES } from './messages.js';
import { rankedSentences } from './passage-sentences.js';
import { directAnswer, renderAnswer, toHit, type DirectAnswer } from './render.js';
import { RuleTrace } from './rules.js';
import { bestUnit, moreUnits, partUnits, unitSentences, type AnswerUnit, type SelectionDeps } from './select.js';
import type { AskResponse, QueryInfo } from './types.js';

/** How many of the top passages the composer reads. */
export const ANSWER_PASSAGES = 6;
/** How many passages are searched for other documents' figures when a count is asked for. */
export const CONFLICT_PASSAGES = 10;
/** Longest sentence quoted. */
export const MAX_QUOTE_WORDS = 140;

/** What the pipeline reads besides the retrieval result. */
export interface AnswerDeps {
  stats: Pick<CorpusStats, 'idf' | 'documentTerms'>;
  words: AnswerWords;
  source: EvidenceSource;
  /** The merged deelopdrachten register and the passages its lines cite, for list questions about its items. */
  register?: { lines(): readonly MergedDeelopdracht[]; passage(id: string): Passage | undefined };
  /** Every year a passage speaks of (or a document is of), for the year-not-covered rule. */
  years: ReadonlySet<number>;
}

/** An answer drafted up to the gate: both outcomes and what the gate decides on. */
export interface Draft {
  answered: AskResponse;
  refused: AskResponse;
  gate: GateInput;
  /** For a list question the register answers: the register's lines alone, for when the quotes lack support. */
  registerOnly?: AskResponse;
}

function queryInfo(retrieval: RetrievalResult, trace: RuleTrace): QueryInfo {
  const { analysis, filters } = retrieval;
  return {
    language: analysis.language,
    answerType: analysis.answerType,
    comparison: analysis.comparison,
    filters: { ...filters, detected: analysis.detected },
    terms: analysis.terms.map((t) => ({ word: t.word, weight: t.weight, origin: t.origin })),
    followUp: analysis.followUp,
    rules: trace.list(),
  };
}

function refusal(retrieval: RetrievalResult, analysis: QueryAnalysis, trace: RuleTrace, empty: boolean): AskResponse {
  const messages = MESSAGES[analysis.language];
  return {
    status: 'not_found',
    answerType: analysis.answerType,
    answer: empty ? messages.emptyIndex : `${messages.notFound} ${messages.notFoundHint}`,
    citations: [],
    passages: retrieval.passages.map((r) => toHit(r.passage, r.score)),
    query: queryInfo(retrieval, trace),
  };
}

/** Drafts the answer to a retrieval result. */
export function draftAnswer(retrieval: RetrievalResult, deps: AnswerDeps, emptyIndex = false): Draft {
  const { analysis } = retrieval;
  const trace = new RuleTrace();
  trace.note('top-passages');
  // The previous answer's words find the passages a follow-up is about; what a sentence must cover is the question
  // and the question before it, not every word the previous answer happened to quote.
  const concepts = conceptsOf({ ...analysis, terms: analysis.terms.filter((t) => t.origin !== 'answer') }, deps.stats as CorpusStats);
  const maxIdf = deps.stats.idf('\u0000');
  const question: QuestionContext = { analysis, concepts, subject: subjectConcepts({ concepts, words: deps.words }, analysis.followUp), words: deps.words, documentTerms: (id) => deps.stats.documentTerms(id), known: (term) => deps.stats.idf(term) < maxIdf };
  const candidates = candidatesOf(retrieval, ANSWER_PASSAGES);
  const scored = scoreCandidates(question, candidates, MAX_QUOTE_WORDS);
  // (the candidates are split once per generation; scoring them again for a question part costs the features only)
  if (VALUE_TYPES.has(analysis.answerType)) trace.note('typed-value');
  const selection: SelectionDeps = {
    question,
    subject: question.subject,
    source: deps.source,
    trace,
    score: (sentences: CandidateSentence[], like: ScoredSentence) => scoreCandidates(question, sentences.map((s) => ({ ...s, rank: like.rank, relevance: like.features.relevance })), MAX_QUOTE_WORDS),
  };
  const first = bestUnit(scored, selection);
  const gate = gateInput(analysis, first ? unitSentences(first) : [], scored, retrieval.passages, deps.years, subjectKnown(question));
  const refused = refusal(retrieval, analysis, trace, emptyIndex);
  if (!first) return { answered: refused, refused, gate };
  if (first.main.features.anchored > 0 && first.main.features.typed > 0) trace.note('anchored-value');
  if (first.main.features.subject < 1) trace.note('missing-concept');
  const conflicts = analysis.answerType === 'count' ? figureConflicts(conflictCandidates(question, retrieval), concepts, first.main.score * 0.4) : [];
  if (conflicts.length > 0) trace.note('conflicting-figures');
  const units = conflicts.length > 0
    ? conflicts.map((main) => ({ main, before: [], after: [] }))
    : moreUnits([first, ...partUnits([first], candidates, selection, (context, sentences) => scoreCandidates(context, sentences, MAX_QUOTE_WORDS))], scored, selection);
  const direct = conflicts.length > 0 ? conflicts.flatMap((main) => directAnswer([{ main, before: [], after: [] }]) ?? []) : [directAnswer(units)].filter((d): d is DirectAnswer => d !== undefined);
  if (direct.length > 0) trace.note('direct-span');
  const quoted = units.flatMap(unitSentences);
  const rendered = renderAnswer(quoted, analysis.language, { conflict: conflicts.length > 0, direct });
  const tables = answerTables(quoted.filter((s) => s.row), rendered.numberOf, { asked: analysis.comparison, years: analysis.years }, analysis.language);
  if (tables.length > 0) trace.note('answer-table');
  if (tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.computed)))) trace.note('computed-difference');
  const shown = new Set(tables.flatMap((t) => t.rows.map((r) => r.label)));
  const register = registerFor(question, deps, rendered.citations.length + 1, shown);
  if (register) {
    tables.push(register.table);
    trace.note('register-list');
  }
  const citations = [...rendered.citations, ...(register?.citations ?? [])];
  const answer = tables.length > 0 ? `${rendered.answer}\n\n${tables.map(tableMarkdown).join('\n\n')}` : rendered.answer;
  const answered: AskResponse = {
    status: 'answered', answerType: analysis.answerType, answer, citations, ...(tables.length > 0 ? { tables } : {}), passages: refused.passages, query: queryInfo(retrieval, trace),
  };
  if (!register) return { answered, refused: { ...refused, query: queryInfo(retrieval, trace) }, gate };
  const own = registerFor(question, deps, 1, shown) as NonNullable<typeof register>;
  const registerOnly: AskResponse = {
    ...answered, answer: `${MESSAGES[analysis.language].register}\n\n${tableMarkdown(own.table)}`, citations: own.citations, tables: [own.table],
  };
  return { answered, refused: { ...refused, query: queryInfo(retrieval, trace) }, gate: { ...gate, accept: 'register-list' }, registerOnly };
}

/** The register's lines for a list question about its items or a money question naming one, cited from `firstNumber` on. */
function registerFor(question: QuestionContext, deps: AnswerDeps, firstNumber: number, shown: ReadonlySet<string>): ReturnType<typeof registerTable> {
  const { analysis, words } = question;
  const mode = registerMode(analysis, words.registerNouns);
  if (!deps.register || !mode) return undefined;
  return registerTable({ analysis, subject: question.subject, nouns: words.registerNouns, verbs: words.listVerbs, areaNouns: areaNouns(), lines: deps.register.lines(), passage: deps.register.passage, firstNumber, mode, shown });
}

/** Share of the subject's IDF that may be words no document has before the question counts as about something else. */
const UNKNOWN_SUBJECT_SHARE = 0.75;

/**
 * Whether the documents use the words the question is about: false when most of the subject's weight lies in
 * concepts no passage has — neither the word, nor a synonym or translation ("Welke voetbalclub sponsort …?").
 */
function subjectKnown(question: QuestionContext): boolean {
  // An English word the glossary does not translate is a gap in the glossary, not a sign the documents lack it.
  if (question.analysis.language !== 'nl') return true;
  const total = question.subject.reduce((sum, [, c]) => sum + c.idf, 0);
  const unknown = question.subject.filter(([, c]) => !c.terms.some((t) => question.known(t.term))).reduce((sum, [, c]) => sum + c.idf, 0);
  return total === 0 || unknown / total < UNKNOWN_SUBJECT_SHARE;
}

/** The sentences of the best `count` passages, each with its passage's score relative to the best. */
function candidatesOf(retrieval: RetrievalResult, count: number): CandidateSentence[] {
  const top = retrieval.passages.slice(0, count);
  const best = Math.max(1e-9, top[0]?.score ?? 0);
  const relevance = new Map(top.map((r) => [r.passage.id, Math.max(0, Math.min(1, r.score / best))]));
  return rankedSentences(top.map((r) => r.passage)).map((s) => ({ ...s, relevance: relevance.get(s.passage.id) ?? 0 }));
}

function conflictCandidates(question: QuestionContext, retrieval: RetrievalResult): ScoredSentence[] {
  return scoreCandidates(question, candidatesOf(retrieval, CONFLICT_PASSAGES), MAX_QUOTE_WORDS);
}

/** The gate's decision on a draft: the answer, or the refusal with the rule that refused it. */
export function finishAnswer(draft: Draft, model: GateModel): { response: AskResponse; verdict: GateVerdict } {
  const verdict = decide(draft.gate, model);
  // The register answers the question; the quotes beside it stand only where the support model would keep them.
  const quotesHold = !draft.registerOnly || refusalProbability(model, draft.gate.x) < model.threshold;
  const chosen = verdict.refuse ? draft.refused : quotesHold ? draft.answered : (draft.registerOnly as AskResponse);
  return { response: { ...chosen, query: { ...chosen.query, rules: [...new Set([...chosen.query.rules, verdict.rule])] } }, verdict };
}
