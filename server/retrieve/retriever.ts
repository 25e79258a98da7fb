/**
 * Retrieval as the server and CLI use it: analyse the question, apply explicit and detected filters, gather
 * hybrid candidates, rerank, return the best passages with the analysis that explains them.
 */
import type { PassageFilter, Passage, RankedId } from '../../ingest/index.js';
import { analyzeQuery, type QueryAnalysis, type QueryContext } from './analyze-query.js';
import type { CorpusStats } from './corpus-stats.js';
import type { PassageCache } from './passage-cache.js';
import type { Turn } from './follow-up.js';
import { hybridCandidates, type SearchBackend } from './hybrid-search.js';
import { rerank, type Features } from './rerank.js';

/** A retrieval request. */
export interface RetrievalRequest {
  question: string;
  history?: Turn[];
  filters?: PassageFilter;
  /** Apply the document-type and source filters the question names (default true). */
  detectFilters?: boolean;
  k?: number;
}

/** A passage in the ranking. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  features: Features;
}

/** The ranking with the analysis and the filters that shaped it. */
export interface RetrievalResult {
  analysis: QueryAnalysis;
  /** The filters applied: explicit ones plus detected document types and sources. */
  filters: PassageFilter;
  passages: RankedPassage[];
}

/** What a retriever is built from. */
export interface RetrieverDeps {
  backend: SearchBackend;
  stats: CorpusStats;
  /** The index's passages: the candidates are read through it before the rerank analyses them. */
  passages: Pick<PassageCache, 'load'>;
  context: QueryContext;
  embedQuery(text: string): Promise<number[]>;
}

/** A retriever over one index snapshot. */
export interface Retriever {
  retrieve(request: RetrievalRequest): Promise<RetrievalResult>;
}

const DEFAULT_K = 10;

function withDetected(explicit: PassageFilter, analysis: QueryAnalysis, detect: boolean): PassageFilter {
  if (!detect) return explicit;
  const filter = { ...explicit };
  if (!filter.docTypes?.length && analysis.detected.docTypes.length) filter.docTypes = analysis.detected.docTypes;
  if (!filter.documentIds?.length && analysis.detected.documentIds.length) filter.documentIds = analysis.detected.documentIds;
  return filter;
}

function isEmpty(filter: PassageFilter): boolean {
  return !filter.docTypes?.length && !filter.documentIds?.length && filter.yearFrom === undefined && filter.yearTo === undefined;
}

/** Builds a retriever. */
export function createRetriever(deps: RetrieverDeps): Retriever {
  const run = async (analysis: QueryAnalysis, filter: PassageFilter, k: number) => {
    // Each list's passages are read as soon as it arrives, while the other searches still run. A failed read is
    // handled where it is awaited below, or not at all when a search failed first: never an unhandled rejection.
    const reads: Promise<unknown>[] = [];
    const reading = <T extends RankedId[]>(results: T): T => {
      const read = deps.passages.load(results.map((r) => r.id));
      read.catch(() => undefined);
      reads.push(read);
      return results;
    };
    const backend: SearchBackend = {
      fullTextIds: (query, limit, f) => deps.backend.fullTextIds(query, limit, f).then(reading),
      nearestIds: (vector, limit, f) => deps.backend.nearestIds(vector, limit, f).then(reading),
    };
    const candidates = await hybridCandidates(analysis, backend, deps.embedQuery, isEmpty(filter) ? undefined : filter);
    await Promise.all(reads);
    const read = new Map((await deps.passages.load([...candidates.keys()])).map((passage) => [passage.id, passage]));
    return rerank(analysis, deps.stats, candidates, { numberWords: deps.context.words.numberWords.keys() })
      .slice(0, k)
      .map((r) => ({ passage: read.get(r.id) as Passage, score: r.score, features: r.features }));
  };
  return {
    async retrieve(request) {
      const analysis = analyzeQuery(request.question, request.history ?? [], deps.context);
      const explicit = request.filters ?? {};
      const k = request.k ?? DEFAULT_K;
      const filters = withDetected(explicit, analysis, request.detectFilters !== false);
      let passages = await run(analysis, filters, k);
      // A detected filter that leaves nothing was a misreading of the question, not a wish for no answer.
      if (passages.length === 0 && filters !== explicit) return { analysis, filters: explicit, passages: await run(analysis, explicit, k) };
      return { analysis, filters, passages };
    },
  };
}
