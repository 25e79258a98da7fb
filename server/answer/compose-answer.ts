/**
 * The extractive answer composer: no language model, so every sentence of an answer is a verbatim quote of a
 * retrieved passage, introduced by its source and followed by a citation marker. When support is too weak the
 * answer says the documents do not contain it, and the closest passages are offered as "mogelijk relevant".
 */
import type { Passage } from '../../ingest/types.js';
import { conceptsOf } from '../retrieve/concepts.js';
import type { CompoundIndex } from '../retrieve/compounds.js';
import type { CorpusStats } from '../retrieve/corpus-stats.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import { leadsIn } from './candidate-sentences.js';
import { figureConflicts } from './figure-conflicts.js';
import { keepItemRow, withItemRows } from './item-figures.js';
import { formatDate, MESSAGES } from './messages.js';
import { rankedSentences } from './passage-sentences.js';
import { scoreSentences, selectSentences, type ScoredSentence } from './select-sentences.js';
import { refusalReason, SUPPORT } from './support.js';
import type { AskResponse, Citation, PassageHit, QueryInfo } from './types.js';

/** How many of the top passages the composer reads. */
export const ANSWER_PASSAGES = 6;
/** How many passages are searched for other documents' figures when a count is asked for. */
export const CONFLICT_PASSAGES = 10;

function sectionLabel(passage: Passage): string {
  return passage.section[passage.section.length - 1] ?? '';
}

/** A passage as the response's ranking lists it. */
export function toHit(passage: Passage, score: number): PassageHit {
  const { id, documentId, source, title, docType, date, page, pageLabel, text } = passage;
  return { passageId: id, documentId, source, title, docType, date, page, pageLabel, section: passage.section.join(' › '), text, score: Number(score.toFixed(4)) };
}

function citationOf(sentence: ScoredSentence, n: number): Citation {
  const { passage } = sentence;
  return {
    n, passageId: passage.id, documentId: passage.documentId, source: passage.source, title: passage.title, docType: passage.docType,
    date: passage.date, page: passage.page, pageLabel: passage.pageLabel, section: passage.section.join(' › '),
    quote: passage.text.slice(sentence.start, sentence.end), text: passage.text,
  };
}

/** The quote as shown in the answer: brackets softened so no quoted "[3]" can pass for a marker. */
function displayQuote(sentence: ScoredSentence, language: 'nl' | 'en'): string {
  const quote = `“${sentence.text.replace(/\[/g, '(').replace(/\]/g, ')')}”`;
  const header = sentence.row ? sentence.passage.text.split('\n')[0] : undefined;
  return header && header !== sentence.text && /\b(?:19|20)\d\d\b/.test(header) ? `${quote} ${MESSAGES[language].columns(header)}` : quote;
}

function sourceLabel(passage: Passage, language: 'nl' | 'en'): string {
  const when = formatDate(passage.date, language) ?? (passage.year ? String(passage.year) : null);
  return when ? `*${passage.title}* (${when})` : `*${passage.title}*`;
}

/** Renders the chosen sentences grouped by document, numbering citations in reading order. */
function render(chosen: ScoredSentence[], language: 'nl' | 'en', conflict: boolean): { answer: string; citations: Citation[] } {
  const byDocument = new Map<string, ScoredSentence[]>();
  for (const sentence of chosen) byDocument.set(sentence.passage.documentId, [...(byDocument.get(sentence.passage.documentId) ?? []), sentence]);
  const citations: Citation[] = [];
  const quoted = (sentences: ScoredSentence[]) =>
    sentences.map((s) => {
      citations.push(citationOf(s, citations.length + 1));
      return `${displayQuote(s, language)} [${citations.length}]`;
    }).join(' ');
  const groups = [...byDocument.values()];
  if (groups.length === 1 && !conflict) {
    const [sentences] = groups as [ScoredSentence[]];
    return { answer: `${MESSAGES[language].according(sourceLabel((sentences[0] as ScoredSentence).passage, language))} ${quoted(sentences)}`, citations };
  }
  const lines = groups.map((sentences) => `- ${sourceLabel((sentences[0] as ScoredSentence).passage, language)}: ${quoted(sentences)}`);
  const intro = conflict ? MESSAGES[language].conflict : '';
  return { answer: [intro, ...lines].filter(Boolean).join('\n'), citations };
}

function queryInfo(retrieval: RetrievalResult): QueryInfo {
  const { analysis, filters } = retrieval;
  return {
    language: analysis.language,
    intent: analysis.intent,
    filters: { ...filters, detected: analysis.detected },
    terms: analysis.terms.map((t) => ({ word: t.word, weight: t.weight, origin: t.origin })),
    followUp: analysis.followUp,
  };
}

/** The passage that follows `passage` in its document, if the index holds it. */
function nextPassage(passage: Passage, stats: CorpusStats): Passage | undefined {
  return stats.passages.find((p) => p.passage.documentId === passage.documentId && p.passage.ordinal === passage.ordinal + 1)?.passage;
}

/** Composes the answer to a retrieval result. */
export function composeAnswer(retrieval: RetrievalResult, stats: CorpusStats, compounds?: CompoundIndex): AskResponse {
  const { analysis } = retrieval;
  const language = analysis.language;
  const passages = retrieval.passages.map((r) => toHit(r.passage, r.score));
  const concepts = conceptsOf(analysis, stats);
  const read = retrieval.passages.slice(0, ANSWER_PASSAGES).map((r) => r.passage);
  let scored = scoreSentences(analysis, concepts, rankedSentences(read), (id) => stats.documentTerms(id));
  // A list whose lead-in is the best sentence may go on in the document's next passage: read that one too.
  const next = scored[0] && leadsIn(scored[0].text) ? nextPassage(scored[0].passage, stats) : undefined;
  if (next && !read.some((p) => p.id === next.id)) {
    const extra = rankedSentences([next]).map((c) => ({ ...c, rank: (scored[0] as ScoredSentence).rank }));
    scored = [...scored, ...scoreSentences(analysis, concepts, extra, (id) => stats.documentTerms(id))];
  }
  scored = withItemRows(scored, analysis, concepts, stats);
  const best = scored[0];
  const support = {
    concepts,
    documentFrequency: (term: string) => stats.documentFrequency.get(term) ?? 0,
    documentTerms: (id: string) => stats.documentTerms(id),
    ...(compounds ? { compoundParts: (word: string) => compounds.split(word) ?? [] } : {}),
  };
  if (!best || refusalReason(scored, retrieval, support) !== undefined) {
    const text = retrieval.passages.length === 0 && stats.passages.length === 0 ? MESSAGES[language].emptyIndex : `${MESSAGES[language].notFound} ${MESSAGES[language].notFoundHint}`;
    return { status: 'not_found', answer: text, citations: [], passages, query: queryInfo(retrieval) };
  }
  const wider = analysis.intent === 'quantity' ? scoreSentences(analysis, concepts, rankedSentences(retrieval.passages.slice(0, CONFLICT_PASSAGES).map((r) => r.passage)), (id) => stats.documentTerms(id)) : [];
  const conflicts = figureConflicts(wider, concepts, best.score * SUPPORT.conflictFloor);
  const chosen = conflicts.length > 0 ? conflicts : keepItemRow(selectSentences(analysis, concepts, scored), scored);
  const { answer, citations } = render(chosen, language, conflicts.length > 0);
  return { status: 'answered', answer, citations, passages, query: queryInfo(retrieval) };
}
