/**
 * The read side of one index generation, assembled once when the server loads (or reloads) it: document records,
 * corpus statistics, the compound index, and the retriever. Passages stay in the store: the statistics are
 * counted in one streamed pass, and a question reads its candidates and the documents of its best passages
 * through a bounded cache, so what an engine holds grows with the vocabulary and the documents' records, not with
 * the passages. Building it is pure apart from the store reads and the injected query embedder.
 */
import { registersOf } from './registers/read-registers.js';
import type { DocumentRecord, IndexReader, Passage } from '../ingest/index.js';
import type { AnswerDeps } from './answer/compose.js';
import { createEvidenceSource } from './answer/evidence-source.js';
import type { GateModel } from './answer/gate-model.js';
import type { QueryContext } from './retrieve/analyze-query.js';
import { buildCompoundIndex } from './retrieve/compounds.js';
import { createCorpusCounter, type CorpusStats } from './retrieve/corpus-stats.js';
import { CACHED_PASSAGES, createPassageCache, type PassageCache } from './retrieve/passage-cache.js';
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
  /** A passage by id, or undefined for an unknown id. */
  passage(id: string): Promise<Passage | undefined>;
  /** The passages of the same document around `id`: up to `before` before and `after` after it. */
  neighbours(id: string, before: number, after: number): Promise<Passage[]>;
  /** Passages of one document in order. */
  passagesOf(documentId: string): Promise<readonly Passage[]>;
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

/** Statistics of every passage of the snapshot, counted as they stream past; a passage's analysis later reads it from `cache`. */
async function countCorpus(snapshot: IndexReader, cache: PassageCache, particles: ReadonlySet<string>): Promise<CorpusStats> {
  const counter = createCorpusCounter(particles);
  for await (const batch of snapshot.scanPassages()) for (const passage of batch) counter.add(passage);
  // As many analyses as passages are kept by id: a question's candidates are read and analysed together, and a
  // candidate kept without its analysis would be analysed again by every question that finds it (~10 KB each).
  return counter.finish((id) => cache.get(id), CACHED_PASSAGES);
}

/**
 * The register lines' cited passages, read once: the register answer checks its quotes against them while it
 * composes, and there are as many as the registers have lines, not as the index has passages.
 */
async function registerPassages(snapshot: IndexReader): Promise<Map<string, Passage>> {
  const ids = snapshot.registers.flatMap((row) =>
    row.kind === 'deelopdrachten' ? [row.source, row.granted, row.spent, row.toReceive, row.toSettle].flatMap((source) => (source ? [source.passageId] : [])) : [],
  );
  return new Map((await snapshot.passagesById(ids)).map((passage) => [passage.id, passage]));
}

/**
 * The retriever with the documents of its ranking read into the cache before it returns: the answer pipeline
 * reads a ranked passage's document (the passage after it, the rows of its tables) while it composes.
 */
function withDocuments(retriever: Retriever, cache: PassageCache): Retriever {
  return {
    async retrieve(request) {
      const result = await retriever.retrieve(request);
      await cache.loadDocuments(result.passages.map((ranked) => ranked.passage.documentId));
      return result;
    },
  };
}

/** Assembles the engine for a snapshot. */
export async function createEngine(snapshot: IndexReader, deps: EngineDeps): Promise<Engine> {
  const cache = createPassageCache(snapshot);
  const stats = await countCorpus(snapshot, cache, deps.words.particles);
  const compounds = buildCompoundIndex(stats.words, deps.isWord);
  const documents = new Map(snapshot.records.map((record) => [record.documentId, record]));
  const facts = snapshot.records.map((record) => ({ documentId: record.documentId, title: record.title, docType: record.docType, organisation: record.organisation }));
  const common = Math.max(2, snapshot.passageCount * COMMON_SHARE);
  const isCommon = (term: string) => (stats.documentFrequency.get(term) ?? 0) > common;
  const knows = (word: string) => stats.words.has(word) || compounds.split(word) !== undefined;
  const hasTerm = (term: string) => stats.documentFrequency.has(term);
  const context = { glossary: deps.glossary, words: deps.words, compounds, families: buildWordFamilies(stats.words), documents: facts, isCommon, knows, hasTerm };
  const retriever = withDocuments(createRetriever({ backend: snapshot, stats, passages: cache, embedQuery: deps.embedQuery, context }), cache);
  const source = createEvidenceSource((documentId) => cache.document(documentId) ?? []);
  const cited = await registerPassages(snapshot);
  // Merged now rather than by the first question or register page that needs them (a second or two at 100k passages).
  registersOf(snapshot);
  const passagesOf = async (documentId: string) => (await cache.loadDocuments([documentId])).get(documentId) ?? [];
  return {
    snapshot,
    stats,
    retriever,
    queryContext: context,
    documents,
    answer: { stats, words: deps.words, source, years: stats.years, register: { lines: () => registersOf(snapshot).deelopdrachten, passage: (id) => cited.get(id) } },
    gate: deps.gate,
    passage: async (id) => (await cache.load([id]))[0],
    passagesOf,
    async neighbours(id, before, after) {
      const passage = (await cache.load([id]))[0];
      if (!passage) return [];
      const siblings = await passagesOf(passage.documentId);
      const index = siblings.findIndex((p) => p.id === id);
      return siblings.slice(Math.max(0, index - before), index + after + 1);
    },
  };
}
