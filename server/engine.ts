/**
 * The read side of one index generation, assembled once when the server loads (or reloads) it: document records
 * and passages by id, corpus statistics, the compound index, and the retriever. Documents' texts stay in the
 * store until a route asks for one. Building it is pure apart from the injected query embedder.
 */
import type { DocumentRecord, IndexReader, Passage } from '../ingest/index.js';
import type { AnswerDeps } from './answer/compose.js';
import { createEvidenceSource } from './answer/evidence-source.js';
import type { GateModel } from './answer/gate-model.js';
import type { QueryContext } from './retrieve/analyze-query.js';
import { buildCompoundIndex } from './retrieve/compounds.js';
import { buildCorpusStats, type CorpusStats } from './retrieve/corpus-stats.js';
import { buildWordFamilies } from './retrieve/word-families.js';
import type { AnswerWords } from './retrieve/answer-words.js';
import type { Glossary } from './retrieve/glossary.js';
import { createRetriever, type Retriever } from './retrieve/retriever.js';

/** Everything the routes read from. */
export interface Engine {
  snapshot: IndexReader;
  stats: CorpusStats;
  retriever: Retriever;
  /** What query analysis reads: glossary, compounds, document facts. */
  queryContext: QueryContext;
  /** Document records by id (their texts: `snapshot.documentText`). */
  documents: Map<string, DocumentRecord>;
  passage(id: string): Passage | undefined;
  /** The passages of the same document around `id`: up to `before` before and `after` after it. */
  neighbours(id: string, before: number, after: number): Passage[];
  /** Passages of one document in order. */
  passagesOf(documentId: string): Passage[];
  /** What the answer pipeline reads besides the retrieval result. */
  answer: AnswerDeps;
  /** The support gate's model. */
  gate: GateModel;
}

/** What an engine needs besides the snapshot. */
export interface EngineDeps {
  glossary: Glossary;
  /** The answer pipeline's word lists (data/answer-words.json). */
  words: AnswerWords;
  gate: GateModel;
  embedQuery(text: string): Promise<number[]>;
  /** A Dutch dictionary check, to keep compound splits to real words. */
  isWord?(word: string): boolean;
}

/** A term in more than this share of passages identifies nothing on its own. */
const COMMON_SHARE = 0.25;

/** Assembles the engine for a snapshot. */
export function createEngine(snapshot: IndexReader, deps: EngineDeps): Engine {
  const stats = buildCorpusStats(snapshot.passages);
  const compounds = buildCompoundIndex(stats.words, deps.isWord);
  const documents = new Map(snapshot.records.map((record) => [record.documentId, record]));
  const byId = new Map(snapshot.passages.map((passage) => [passage.id, passage]));
  const byDocument = new Map<string, Passage[]>();
  for (const passage of snapshot.passages) {
    const siblings = byDocument.get(passage.documentId);
    if (siblings) siblings.push(passage);
    else byDocument.set(passage.documentId, [passage]);
  }
  const facts = snapshot.records.map((record) => ({ documentId: record.documentId, title: record.title, docType: record.docType, organisation: record.organisation }));
  const common = Math.max(2, snapshot.passages.length * COMMON_SHARE);
  const isCommon = (term: string) => (stats.documentFrequency.get(term) ?? 0) > common;
  const knows = (word: string) => stats.words.has(word) || compounds.split(word) !== undefined;
  const context = { glossary: deps.glossary, words: deps.words, compounds, families: buildWordFamilies(stats.words), documents: facts, isCommon, knows };
  const retriever = createRetriever({ backend: snapshot, stats, passage: (id) => byId.get(id), embedQuery: deps.embedQuery, context });
  const latestYear = stats.years.size ? Math.max(...stats.years) : null;
  const source = createEvidenceSource((documentId) => byDocument.get(documentId) ?? []);
  return {
    snapshot,
    stats,
    retriever,
    queryContext: context,
    documents,
    answer: { stats, words: deps.words, source, latestYear },
    gate: deps.gate,
    passage: (id) => byId.get(id),
    passagesOf: (documentId) => byDocument.get(documentId) ?? [],
    neighbours(id, before, after) {
      const passage = byId.get(id);
      if (!passage) return [];
      const siblings = byDocument.get(passage.documentId) ?? [];
      const index = siblings.findIndex((p) => p.id === id);
      return siblings.slice(Math.max(0, index - before), index + after + 1);
    },
  };
}
