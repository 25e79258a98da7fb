/**
 * Checking a generated answer against the citations it was given, before anyone sees it: every sentence rests
 * on at least one marker, every marker names a given citation, and every figure, percentage, date and scale word
 * of a sentence occurs in the quotes that sentence cites. Pure; the generator falls back to the extractive answer on
 * any problem.
 */
import { splitSentences } from '../../ingest/index.js';
import type { Language } from '../retrieve/language.js';
import { answerFigures, sourceFigures, type SourceFigures } from './figure-mentions.js';
import { quoteColumns } from './quote-columns.js';

/** A citation as far as the check needs it. */
export interface CheckableCitation {
  n: number;
  quote: string;
  text: string;
  /** The document's date (yyyy-mm-dd): the prompt shows it, so it may be stated — as a whole date only. */
  date?: string | null;
}

/** The rules a generated answer can break. */
export type CitationRule = 'empty' | 'format' | 'too_long' | 'unmarked_sentence' | 'unknown_marker' | 'unsupported_figure' | 'unsupported_date' | 'unsupported_scale';

/** One broken rule, with the sentence and the offending text for the log. */
export interface CitationProblem {
  rule: CitationRule;
  sentence?: string;
  detail?: string;
}

/** A sentence of the answer and the markers it carries. */
export interface CheckedSentence {
  text: string;
  markers: number[];
}

/** The verdict on a generated answer. */
export interface CitationCheck {
  ok: boolean;
  problems: CitationProblem[];
  sentences: CheckedSentence[];
  /** Markers in order of first use, without repeats. */
  used: number[];
}

/** Limits of a generated answer; the prompt asks for 1–4 short sentences and some slack avoids needless fallbacks. */
export const ANSWER_LIMITS = { maxSentences: 6, maxCharacters: 1200 };

const MARKER = /\[(\d{1,3})\]/g;
// Markup the answer format does not use; a tag or link target would be content no quote supports.
const MARKUP = /<\/?[a-z][^>]*>|\]\(|```|^\s*#{1,6}\s/im;
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"”’]/gi;

/** Rewrites grouped markers ("[1, 2]", "[1;2]") as single ones ("[1][2]"), the form the UI renders. */
export function normalizeMarkers(answer: string): string {
  return answer.replace(/\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})+)\]/g, (_all, list: string) => list.split(/\s*[,;]\s*/).map((n) => `[${n}]`).join(''));
}

/** Markers of a text, in order. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(MARKER)].map((match) => Number(match[1]));
}

/** The answer's sentences: by line, then by sentence end, then after a marker that a new sentence follows. */
export function answerSentences(answer: string): CheckedSentence[] {
  const sentences: string[] = [];
  for (const line of answer.split(/\n+/)) {
    const text = line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '');
    for (const span of splitSentences(text)) {
      for (const part of text.slice(span.start, span.end).split(/(?<=\])\s+(?=[\p{Lu}“"‘(€])/u)) {
        // A piece without words ("[2]." left over) belongs to the sentence before it.
        if (!/[\p{L}\d]/u.test(part.replace(MARKER, '')) && sentences.length > 0) sentences[sentences.length - 1] += ` ${part}`;
        else sentences.push(part);
      }
    }
  }
  return sentences.map((text) => ({ text: text.trim(), markers: markersIn(text) })).filter((s) => s.text !== '');
}

function figureProblems(sentence: string, sources: SourceFigures, language: Language): CitationProblem[] {
  const stated = answerFigures(sentence.replace(MARKER, ' '), language);
  const problems: CitationProblem[] = [];
  for (const figure of stated.figures) {
    const pool = figure.percent ? sources.percentKeys : sources.keys;
    if (!figure.keys.some((key) => pool.has(key))) problems.push({ rule: 'unsupported_figure', sentence, detail: figure.literal });
  }
  for (const date of stated.dates) if (!sources.dates.has(date)) problems.push({ rule: 'unsupported_date', sentence, detail: date });
  for (const scale of stated.scales) if (!sources.scales.has(scale)) problems.push({ rule: 'unsupported_scale', sentence, detail: `10^${scale}` });
  return problems;
}

/**
 * What a sentence citing these may state: the quotes and the columns of quoted table rows — exactly what the
 * model was shown. The rest of a passage does not count: the model never saw it, so a figure found only there
 * would be a lucky guess, quite possibly about something else.
 */
function citedFigures(cited: CheckableCitation[]): SourceFigures {
  const figures = sourceFigures(cited.flatMap((citation) => [citation.quote, quoteColumns(citation) ?? '']));
  for (const citation of cited) if (citation.date) figures.dates.add(citation.date);
  return figures;
}

/** A web address may be repeated from a cited quote, never supplied. */
function addressProblems(sentence: string, cited: CheckableCitation[]): CitationProblem[] {
  const addresses = sentence.match(WEB_ADDRESS) ?? [];
  return addresses.filter((address) => !cited.some((c) => c.quote.includes(address))).map((address) => ({ rule: 'format', sentence, detail: address }));
}

function formatProblems(answer: string, sentences: CheckedSentence[]): CitationProblem[] {
  if (answer.trim() === '') return [{ rule: 'empty' }];
  const problems: CitationProblem[] = [];
  const markup = MARKUP.exec(answer);
  if (markup) problems.push({ rule: 'format', detail: markup[0] });
  if (answer.length > ANSWER_LIMITS.maxCharacters || sentences.length > ANSWER_LIMITS.maxSentences) {
    problems.push({ rule: 'too_long', detail: `${sentences.length} sentences, ${answer.length} characters` });
  }
  return problems;
}

/** Checks `answer` against the citations it was given; `language` is the answer's (for English number notation). */
export function checkCitations(answer: string, citations: CheckableCitation[], language: Language): CitationCheck {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const sentences = answerSentences(answer);
  const problems = formatProblems(answer, sentences);
  for (const sentence of sentences) {
    if (sentence.markers.length === 0) {
      problems.push({ rule: 'unmarked_sentence', sentence: sentence.text });
      continue;
    }
    const unknown = sentence.markers.filter((n) => !byNumber.has(n));
    for (const n of new Set(unknown)) problems.push({ rule: 'unknown_marker', sentence: sentence.text, detail: `[${n}]` });
    const cited = sentence.markers.flatMap((n) => byNumber.get(n) ?? []);
    if (unknown.length === 0) problems.push(...figureProblems(sentence.text, citedFigures(cited), language), ...addressProblems(sentence.text, cited));
  }
  const used = [...new Set(sentences.flatMap((sentence) => sentence.markers))];
  return { ok: problems.length === 0, problems, sentences, used };
}
