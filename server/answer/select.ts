/**
 * Stages 3 and 5 of the answer pipeline, the part that decides what is quoted: the best candidate with the evidence
 * it needs (expansion rules), then further candidates that add what it lacks — an informative concept, a second
 * document, more figures on the subject. Pure apart from the injected evidence source.
 */
import { foldText } from '../../ingest/index.js';
import { FIGURE_TYPES } from '../retrieve/answer-type.js';
import { conceptMatch, type Concept } from '../retrieve/concepts.js';
import { analyzeTerms } from './cached-analysis.js';
import type { CandidateSentence } from './candidate-sentences.js';
import { antecedent, continuations, itemRow, listItems, sameLabelRows, tableSiblings, totalsRows, type EvidenceSource } from './expand.js';
import { anchoring, type QuestionContext, type ScoredSentence } from './features.js';
import { sentencesOfPassage } from './passage-sentences.js';
import type { RuleTrace } from './rules.js';

/** A chosen sentence with the evidence quoted around it. */
export interface AnswerUnit {
  main: ScoredSentence;
  before: ScoredSentence[];
  after: ScoredSentence[];
}

/** Limits on answer size. */
export const SELECTION = { maxSentences: 7, relativeFloor: 0.72, figureFloor: 0.5, passageFloor: 0.6, informativeIdf: 2, itemSources: 4 };

/** Everything selection needs. */
export interface SelectionDeps {
  question: QuestionContext;
  /** The question's subject concepts (see features.ts). */
  subject: [string, Concept][];
  source: EvidenceSource;
  /** Scores a sentence that was not among the candidates (a row elsewhere, the next passage's items). */
  score(sentences: CandidateSentence[], like: ScoredSentence): ScoredSentence[];
  trace: RuleTrace;
}

/** The sentences of a unit in reading order. */
export function unitSentences(unit: AnswerUnit): ScoredSentence[] {
  return [...unit.before, unit.main, ...unit.after];
}

const same = (a: CandidateSentence, b: CandidateSentence) => a.passage.id === b.passage.id && a.index === b.index;

function conceptsNamed(sentence: CandidateSentence, concepts: Map<string, Concept>): Set<string> {
  const terms = new Set(analyzeTerms(sentence.text));
  return new Set([...concepts].filter(([, c]) => conceptMatch(c, (t) => terms.has(t)) > 0).map(([key]) => key));
}

/** Whether the question asks for a total ("Wat kostte het in totaal?", "the total cost"). */
function asksTotal(question: QuestionContext): boolean {
  return question.analysis.question.split(/[^\p{L}]+/u).some((word) => question.words.totals.has(foldText(word).toLowerCase()));
}

/** The evidence a chosen sentence needs: what it refers back to, what continues or itemises it, its table's rows. */
export function expandUnit(main: ScoredSentence, scored: ScoredSentence[], deps: SelectionDeps, full: boolean): AnswerUnit {
  const { trace, question, source } = deps;
  const anaphora = question.words.anaphora;
  const before: ScoredSentence[] = [];
  const after: ScoredSentence[] = [];
  const previous = antecedent(main, scored, anaphora);
  if (previous) {
    before.push(previous);
    trace.note('antecedent');
  }
  const items = listItems(main, (passage) => {
    const next = source.next(passage);
    return next ? [...sentencesOfPassage(next)].map((s) => ({ ...s, rank: main.rank })) : [];
  });
  if (items.length > 0) {
    after.push(...deps.score(items.map((s) => ({ ...s, rank: main.rank })), main));
    trace.note(items.some((s) => s.passage.id !== main.passage.id) ? 'next-passage-list' : 'list-items');
  } else {
    const next = continuations(main, scored, anaphora);
    if (next.length > 0) trace.note('continuation');
    after.push(...next);
  }
  if (!full) return { main, before, after };
  if (main.row) {
    const siblings = tableSiblings(main, scored, deps.subject);
    if (siblings.length > 0) trace.note('table-siblings');
    after.push(...siblings);
    if (asksTotal(question)) {
      const totals = totalsRows(main, scored, question.words.totals).filter((row) => !after.includes(row));
      if (totals.length > 0) trace.note('table-totals');
      after.push(...totals);
    }
    if (FIGURE_TYPES.has(question.analysis.answerType) || question.analysis.comparison) {
      const labelled = sameLabelRows(main, source).filter((row) => ![main, ...after].some((s) => same(s, row)));
      if (labelled.length > 0) trace.note('same-label-rows');
      after.push(...deps.score(labelled, main));
    }
  }
  return { main, before, after };
}

/** For an amount question: the row of the item that one of the best sentences describes. */
function withItemRow(scored: ScoredSentence[], unit: AnswerUnit, deps: SelectionDeps): AnswerUnit {
  if (deps.question.analysis.answerType !== 'amount') return unit;
  const about = scored.slice(0, SELECTION.itemSources).find((s) => !s.row && unitSentences(unit).some((u) => u.passage.id === s.passage.id));
  const row = about ? itemRow(about, deps.source) : undefined;
  if (!row || unitSentences(unit).some((s) => same(s, row))) return unit;
  deps.trace.note('item-row');
  return { ...unit, after: [...unit.after, ...deps.score([{ ...row, context: `${about?.passage.section.at(-1) ?? ''} ${about?.text ?? ''}` }], unit.main)] };
}

/** The best candidate with its evidence: the unit the gate judges and the answer opens with. */
export function bestUnit(scored: ScoredSentence[], deps: SelectionDeps): AnswerUnit | undefined {
  const best = scored[0];
  if (!best) return undefined;
  deps.trace.note('best-first');
  return withItemRow(scored, expandUnit(best, scored, deps, true), deps);
}

/**
 * For a question that asks several things: the best candidate for each part the chosen units leave open, scored with
 * the part's own answer type and words.
 */
export function partUnits(units: AnswerUnit[], candidates: CandidateSentence[], deps: SelectionDeps, rescore: (question: QuestionContext, candidates: CandidateSentence[]) => ScoredSentence[]): AnswerUnit[] {
  const { question } = deps;
  const added: AnswerUnit[] = [];
  const [lead] = question.analysis.parts;
  for (const part of question.analysis.parts) {
    const own = new Map([...question.concepts].filter(([key]) => part.groups.includes(key)));
    if (own.size === 0) continue;
    // "…, en hebben ze al iets opgeleverd?": a part that points back is about the first part's subject too.
    const pointsBack = part !== lead && part.text.split(/[^\p{L}]+/u).some((word) => question.words.anaphora.has(word));
    const concepts = new Map([...question.concepts].filter(([key]) => own.has(key) || (pointsBack && lead?.groups.includes(key))));
    const context: QuestionContext = { ...question, analysis: { ...question.analysis, answerType: part.answerType, parts: [] }, concepts, subject: deps.subject.filter(([key]) => concepts.has(key)) };
    const names = (sentence: ScoredSentence) => [...conceptsNamed(sentence, own)].length > 0;
    const scored = rescore(context, candidates).filter(names);
    const best = scored[0];
    if (!best || best.score <= 0) continue;
    const chosen = [...units, ...added].flatMap(unitSentences);
    if (chosen.some((s) => same(s, best))) continue;
    deps.trace.note('question-parts');
    added.push(expandUnit(best, scored, { ...deps, question: context }, false));
  }
  return added;
}

/** The kinds of value that are figures. */
const FIGURE_KINDS: ReadonlySet<string> = new Set(['amount', 'count', 'percentage']);

/**
 * Whether a sentence gives a figure the question asks for: a value of the asked kind next to its words, or any figure
 * next to them — the cost beside a count, the share beside an amount; for a question that asks for no figure (a
 * description, a procedure, a yes/no or trend question, a body, a list), what the documents say of its subject is
 * checked by the figures they give for it, and a change is told by the figures it lies between.
 */
function asksFigure(sentence: ScoredSentence, question: QuestionContext, subject: [string, Concept][]): boolean {
  if (FIGURE_TYPES.has(question.analysis.answerType) && sentence.features.typed >= 0.5 && sentence.features.anchored > 0) return true;
  return sentence.values.some((value) => FIGURE_KINDS.has(value.kind) && anchoring(sentence.text, value, subject) > 0);
}

/** Picks further units after the chosen ones, up to the size limits. */
export function moreUnits(chosen: AnswerUnit[], scored: ScoredSentence[], deps: SelectionDeps): AnswerUnit[] {
  const { question, trace } = deps;
  const units = [...chosen];
  const first = chosen[0] as AnswerUnit;
  const count = () => units.reduce((n, u) => n + unitSentences(u).length, 0);
  const taken = (s: CandidateSentence) => units.some((u) => unitSentences(u).some((t) => same(t, s) || t.text === s.text));
  const named = new Set(unitSentences(first).flatMap((s) => [...conceptsNamed(s, question.concepts)]));
  const best = first.main;
  for (const sentence of scored.slice(1)) {
    if (count() >= SELECTION.maxSentences) break;
    if (taken(sentence)) continue;
    const typedFigure = asksFigure(sentence, question, deps.subject);
    const passageFigure = typedFigure && sentence.passage.id === best.passage.id;
    if (sentence.score < best.score * Math.min(SELECTION.figureFloor, SELECTION.relativeFloor) && !passageFigure) continue;
    const figure = typedFigure && sentence.score >= best.score * SELECTION.figureFloor;
    const good = sentence.score >= best.score * SELECTION.relativeFloor;
    const adds = [...conceptsNamed(sentence, question.concepts)].some((key) => !named.has(key) && (question.concepts.get(key)?.idf ?? 0) >= SELECTION.informativeIdf);
    const otherDocument = !units.some((u) => u.main.passage.documentId === sentence.passage.documentId);
    const otherPassage = !units.some((u) => unitSentences(u).some((t) => t.passage.id === sentence.passage.id));
    const fair = sentence.score >= best.score * SELECTION.passageFloor;
    const rule = figure ? 'more-figures' : passageFigure ? 'passage-figures' : good && adds ? 'adds-concept' : good && otherDocument ? 'other-document' : fair && otherPassage ? 'other-passage' : undefined;
    if (!rule) continue;
    trace.note(rule);
    const unit = expandUnit(sentence, scored, deps, false);
    units.push(unit);
    for (const s of unitSentences(unit)) for (const key of conceptsNamed(s, question.concepts)) named.add(key);
  }
  return units;
}
