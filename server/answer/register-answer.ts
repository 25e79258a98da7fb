/**
 * A list question about a register's items ("Welke deelopdrachten liepen er in 2022?", "Which sub-assignments are
 * about poverty?", "Welke deelopdrachten lopen er in Noordhoek?") gets the register's lines as a table beside the
 * quotes — a line is about the question's subject when its name or area holds it — and a money question that names
 * an item by its full name ("Hoeveel kreeg Vrouwkracht in 2022?"), or in part so that one line clearly fits
 * (register-pick.ts), gets that item's line: each line with its number and amounts, cited to the table row or
 * sentence it was read from. Pure: it reads the merged register and the passages.
 */
import { foldText, registerWords, type Passage, type RegisterSource } from '../../ingest/index.js';
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import type { Concept } from '../retrieve/concepts.js';
import type { MergedDeelopdracht } from '../registers/merge-deelopdrachten.js';
import type { AnswerTable } from './answer-tables.js';
import { analyzeTerms } from './cached-analysis.js';
import { pickNamedLine } from './register-pick.js';
import { citationOf } from './render.js';
import type { Citation } from './types.js';

/** Most lines a register table in an answer holds (a council's annex has some sixty). */
export const MAX_REGISTER_LINES = 80;

const LABELS = {
  nl: { caption: 'Deelopdrachten (register)', columns: ['Nummer', 'Toegekend', 'Besteed'] },
  en: { caption: 'Sub-assignments (register)', columns: ['Number', 'Granted', 'Spent'] },
};

/** What a register answer needs. */
export interface RegisterAnswerInput {
  analysis: QueryAnalysis;
  /** The question's subject concepts (features.ts): its own full-weight words, without units, time or grammar. */
  subject: readonly [string, Concept][];
  /** The question words that name the register's items ("deelopdrachten"), folded. */
  nouns: ReadonlySet<string>;
  /** Verbs that ask which items there are ("liepen"), folded: they narrow nothing. */
  verbs: ReadonlySet<string>;
  /** Nouns that name an area ("wijk", "buurt"), folded: any line with an area is in one. */
  areaNouns: ReadonlySet<string>;
  lines: readonly MergedDeelopdracht[];
  passage(id: string): Passage | undefined;
  /** The first citation number to give. */
  firstNumber: number;
  /** Which lines: those about the list question's subject, or those the money question names. */
  mode: 'list' | 'named';
  /** Row labels the answer's own tables already show: a named item's row there needs no register line. */
  shown?: ReadonlySet<string>;
}

/** Whether the question asks for the register's items: a list question naming them. */
function asksForRegister(analysis: QueryAnalysis, nouns: ReadonlySet<string>): boolean {
  return analysis.answerType === 'list' && analysis.terms.some((t) => (t.origin === 'question' || t.origin === 'translation') && nouns.has(t.word));
}

/** A label compared by its words alone ("Vrouwkracht **" is "Vrouwkracht"). */
const labelKey = (label: string) => analyzeTerms(label).join(' ');

let grantWords: ReadonlySet<string> | undefined;

/** Words that say an amount was granted or spent ("toegekend", "besteed"; data/register-words.json), folded. */
function grantWordsOf(): ReadonlySet<string> {
  const { granted, spent } = registerWords().deelopdrachten.columns;
  grantWords ??= new Set([...granted, ...spent].map(foldText));
  return grantWords;
}

/**
 * Whether the register may answer: a list question naming its items, or a money question (which names one). "Hoeveel
 * kreeg X?" reads as a count, but a question whose words (or their glossary relatives) say granted or spent asks
 * for an amount of money all the same.
 */
export function registerMode(analysis: QueryAnalysis, nouns: ReadonlySet<string>): RegisterAnswerInput['mode'] | undefined {
  if (asksForRegister(analysis, nouns)) return 'list';
  if (analysis.answerType === 'amount') return 'named';
  return analysis.answerType === 'count' && analysis.terms.some((t) => grantWordsOf().has(t.word)) ? 'named' : undefined;
}

/** The question's own terms, stemmed, without the words naming the register's items. */
const ownTerms = (input: RegisterAnswerInput) =>
  new Set(input.analysis.terms.filter((t) => (t.origin === 'question' || t.origin === 'translation') && !input.nouns.has(t.word)).map((t) => t.term));

/** A line the question names: every word of one of its names is one of the question's own words. */
function namedBy(line: MergedDeelopdracht, own: ReadonlySet<string>): boolean {
  return line.name.values.some((v) => {
    const words = analyzeTerms(v.value).filter((term) => !/^\d+$/.test(term));
    return words.length > 0 && words.every((term) => own.has(term));
  });
}

function inYears(line: MergedDeelopdracht, years: readonly number[]): boolean {
  if (years.length === 0) return true;
  if (line.year.values.some((v) => years.includes(v.value))) return true;
  return line.period.values.some((v) => years.some((year) => v.value.includes(String(year))));
}

/**
 * The lines about what the question narrows to: every subject concept besides the register's nouns in the name or
 * (with `byArea`) the area; an area noun ("in de wijk …") is met by any line with an area.
 */
function aboutSubject(line: MergedDeelopdracht, input: RegisterAnswerInput, byArea = true): boolean {
  const area = byArea ? line.area.values : [];
  const names = new Set([...line.name.values, ...area].flatMap((v) => analyzeTerms(v.value)));
  const narrowing = input.subject.map(([, c]) => c).filter((c) => c.terms.every((t) => !input.nouns.has(t.word) && !input.verbs.has(t.word) && !/^\d+$/.test(t.word)));
  const inArea = (concept: Concept) => area.length > 0 && concept.terms.some((t) => input.areaNouns.has(t.word));
  return narrowing.every((concept) => inArea(concept) || concept.terms.some((t) => names.has(t.term)));
}

/** What a line's citation quotes: its name, or where its area was read when only the area fits the question. */
function citedSource(line: MergedDeelopdracht, input: RegisterAnswerInput): RegisterSource | undefined {
  const byAreaOnly = input.mode === 'list' && !aboutSubject(line, input, false);
  return (byAreaOnly ? line.area.values[0]?.sources[0] : undefined) ?? line.name.values[0]?.sources[0];
}

/** The lines a money question names: those it names in full, else the one it clearly names in part. */
function namedLines(candidates: readonly MergedDeelopdracht[], input: RegisterAnswerInput): MergedDeelopdracht[] {
  const own = ownTerms(input);
  const full = candidates.filter((line) => namedBy(line, own));
  const picked = full.length > 0 ? full : [pickNamedLine(input.lines, candidates, own)].filter((line) => line !== undefined);
  const shown = new Set([...(input.shown ?? [])].map(labelKey));
  return picked.filter((line) => !line.name.values.some((v) => shown.has(labelKey(v.value))));
}

function citationAt(input: RegisterAnswerInput, source: { passageId: string; start: number; end: number; text: string }, n: number): Citation | undefined {
  const passage = input.passage(source.passageId);
  if (!passage || passage.text.slice(source.start, source.end) !== source.text) return undefined;
  return citationOf({ passage, start: source.start, end: source.end }, n);
}

/** The register table for the question, with a citation per line; undefined when no line fits. */
export function registerTable(input: RegisterAnswerInput): { table: AnswerTable; citations: Citation[] } | undefined {
  const candidates = input.lines.filter((line) => inYears(line, input.analysis.years));
  const lines = (input.mode === 'list' ? candidates.filter((line) => aboutSubject(line, input)) : namedLines(candidates, input)).slice(0, MAX_REGISTER_LINES);
  const labels = LABELS[input.analysis.language];
  const table: AnswerTable = { caption: labels.caption, unit: null, columns: [...labels.columns], rows: [] };
  const citations: Citation[] = [];
  for (const line of lines) {
    const name = line.name.values[0];
    const source = citedSource(line, input);
    const citation = source ? citationAt(input, source, input.firstNumber + citations.length) : undefined;
    if (!name || !citation) continue;
    citations.push(citation);
    const figure = (field: MergedDeelopdracht['granted']) => field.values.map((v) => v.value.text).join(' / ');
    table.rows.push({ label: name.value, cells: [{ text: line.number.values.map((v) => v.value).join(' / '), n: citation.n }, { text: figure(line.granted), n: citation.n }, { text: figure(line.spent), n: citation.n }] });
  }
  return table.rows.length > 0 ? { table, citations } : undefined;
}
