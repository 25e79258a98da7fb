/**
 * Small synthetic inputs for the answer pipeline's unit tests: passages written in the test, the shipped word
 * lists, and a question context built with the real query analysis over a tiny corpus of those passages.
 */
import type { Passage } from '../../ingest/types.js';
import { buildCorpusStats } from '../../server/retrieve/corpus-stats.js';
import { analyzeQuery, type QueryContext } from '../../server/retrieve/analyze-query.js';
import { buildCompoundIndex } from '../../server/retrieve/compounds.js';
import { conceptsOf } from '../../server/retrieve/concepts.js';
import type { Turn } from '../../server/retrieve/follow-up.js';
import { readGlossary, readWordLists } from '../../server/bootstrap.js';
import { scoreCandidates, subjectConcepts, type QuestionContext, type ScoredSentence } from '../../server/answer/features.js';
import { rankedSentences } from '../../server/answer/passage-sentences.js';

/** The shipped word lists. */
export const WORDS = readWordLists();
const GLOSSARY = readGlossary();

let counter = 0;

/** A passage of a synthetic document. */
export function passage(text: string, options: Partial<Passage> = {}): Passage {
  counter += 1;
  const documentId = options.documentId ?? 'rapport';
  return {
    id: `${documentId}:${counter}`, documentId, source: `${documentId}.md`, title: 'Rapport', docType: 'rapport', date: null, year: 2023,
    organisation: null, page: 1, pageLabel: null, section: ['Resultaten'], ordinal: 0, kind: 'text', start: 0, end: text.length,
    cleanStart: 0, cleanEnd: text.length, text, ...options,
  };
}

/** The query context of a corpus made of `passages`. */
export function queryContext(passages: Passage[]): QueryContext {
  const stats = buildCorpusStats(passages);
  return { glossary: GLOSSARY, words: WORDS, compounds: buildCompoundIndex(stats.words), documents: [], knows: (word) => stats.words.has(word), hasTerm: (term) => stats.documentFrequency.has(term) };
}

/** The question context of `question` over a corpus of `passages`. */
export function questionContext(question: string, passages: Passage[], history: Turn[] = []): QuestionContext {
  const stats = buildCorpusStats(passages);
  const analysis = analyzeQuery(question, history, queryContext(passages));
  const concepts = conceptsOf(analysis, stats);
  return { analysis, concepts, subject: subjectConcepts({ concepts, words: WORDS }, analysis.followUp), words: WORDS, documentTerms: () => new Set(), known: (term) => (stats.documentFrequency.get(term) ?? 0) > 0 };
}

/** The scored candidate sentences of `passages` (ranked in the given order) for `question`. */
export function scored(question: string, passages: Passage[], history: Turn[] = []): ScoredSentence[] {
  return scoreCandidates(questionContext(question, passages, history), rankedSentences(passages), 140);
}
