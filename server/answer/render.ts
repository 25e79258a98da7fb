/**
 * Stage 6 of the answer pipeline: the answer as text with citations. It opens with the direct answer — the span of
 * the cited sentence that answers the question, in bold with its marker — and then quotes the chosen sentences
 * verbatim, grouped by document, each followed by its marker. Nothing is written that is not in a quote, apart from
 * the fixed connecting words of messages.ts. Pure.
 */
import type { Passage } from '../../ingest/index.js';
import type { Language } from '../retrieve/language.js';
import type { CandidateSentence } from './candidate-sentences.js';
import { formatDate, MESSAGES } from './messages.js';
import { unitSentences, type AnswerUnit } from './select.js';
import type { ValueSpan } from './values.js';
import type { Citation, PassageHit } from './types.js';

/** A passage as the response's ranking lists it. */
export function toHit(passage: Passage, score: number): PassageHit {
  const { id, documentId, source, title, docType, date, page, pageLabel, text } = passage;
  return { passageId: id, documentId, source, title, docType, date, page, pageLabel, section: passage.section.join(' › '), text, score: Number(score.toFixed(4)) };
}

/** Citation `n` of the span `start`–`end` of a passage's text. */
export function citationOf({ passage, start, end }: Pick<CandidateSentence, 'passage' | 'start' | 'end'>, n: number): Citation {
  return {
    n, passageId: passage.id, documentId: passage.documentId, source: passage.source, title: passage.title, docType: passage.docType,
    date: passage.date, page: passage.page, pageLabel: passage.pageLabel, section: passage.section.join(' › '),
    quote: passage.text.slice(start, end), text: passage.text,
  };
}

/** The quote as shown: brackets softened so no quoted "[3]" can pass for a marker; a table row with its header line. */
function displayQuote(sentence: CandidateSentence, language: Language): string {
  const quote = `“${sentence.text.replace(/\[/g, '(').replace(/\]/g, ')')}”`;
  // A row of a structured table is shown in the answer's table with its headers; a bare row gets its header line.
  const header = sentence.row && !sentence.passage.table ? sentence.passage.text.split('\n')[0] : undefined;
  return header && header !== sentence.text && /\b(?:19|20)\d\d\b/.test(header) ? `${quote} ${MESSAGES[language].columns(header)}` : quote;
}

function sourceLabel(passage: Passage, language: Language): string {
  const when = formatDate(passage.date, language) ?? (passage.year ? String(passage.year) : null);
  return when ? `*${passage.title}* (${when})` : `*${passage.title}*`;
}

/** The direct answer: a value span of one of the quoted sentences. */
export interface DirectAnswer {
  sentence: CandidateSentence;
  value: ValueSpan;
}

/**
 * The direct answer: the best-fitting value of the first unit that holds one — of the asked type, with some of the
 * question's subject words near it (a value with none of them near is about something else, as the anchored-value
 * rule says).
 */
export function directAnswer(units: AnswerUnit[]): DirectAnswer | undefined {
  // Each unit's own sentence first: the sentences around it are context ("Dat zijn er 312 meer" before "Hiervan…").
  for (const sentence of units.flatMap((unit) => [unit.main, ...unitSentences(unit).filter((s) => s !== unit.main)])) {
    if (sentence.answerValue && sentence.features.typed >= 0.5 && sentence.features.anchored > 0) return { sentence, value: sentence.answerValue };
  }
  return undefined;
}

/** The rendered answer. */
export interface RenderedAnswer {
  answer: string;
  citations: Citation[];
  /** The citation number of a quoted sentence. */
  numberOf(sentence: CandidateSentence): number | undefined;
}

const key = (s: CandidateSentence) => `${s.passage.id}#${s.index}`;

/**
 * Renders quoted sentences (in the given order) grouped by document, numbering citations in reading order, opened by
 * the direct answer when there is one; `conflict` introduces documents that disagree.
 */
export function renderAnswer(sentences: CandidateSentence[], language: Language, options: { conflict?: boolean; direct?: DirectAnswer[] } = {}): RenderedAnswer {
  const byDocument = new Map<string, CandidateSentence[]>();
  for (const sentence of sentences) byDocument.set(sentence.passage.documentId, [...(byDocument.get(sentence.passage.documentId) ?? []), sentence]);
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();
  const quoted = (group: CandidateSentence[]) =>
    group.map((s) => {
      let n = numbers.get(key(s));
      if (n === undefined) {
        n = citations.length + 1;
        citations.push(citationOf(s, n));
        numbers.set(key(s), n);
      }
      return `${displayQuote(s, language)} [${n}]`;
    }).join(' ');
  const groups = [...byDocument.values()];
  const body = groups.length === 1 && !options.conflict
    ? `${MESSAGES[language].according(sourceLabel((groups[0] as CandidateSentence[])[0]!.passage, language))} ${quoted(groups[0] as CandidateSentence[])}`
    : [options.conflict ? MESSAGES[language].conflict : '', ...groups.map((group) => `- ${sourceLabel(group[0]!.passage, language)}: ${quoted(group)}`)].filter(Boolean).join('\n');
  const spans = (options.direct ?? []).flatMap((direct) => {
    const n = numbers.get(key(direct.sentence));
    if (n === undefined) return [];
    const citation = citations[n - 1] as Citation;
    citation.answerSpan ??= { start: direct.sentence.start + direct.value.start, end: direct.sentence.start + direct.value.end };
    return [`**${direct.value.text.replace(/\*/g, '')}** [${n}]`];
  });
  return { answer: spans.length > 0 ? `${spans.join('; ')}\n\n${body}` : body, citations, numberOf: (sentence) => numbers.get(key(sentence)) };
}
