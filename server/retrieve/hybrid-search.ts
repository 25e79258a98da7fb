/**
 * Candidate generation: LanceDB full-text search with the user's own words, full-text search with the expanded
 * words, and vector search. Each list finds what the others miss; the rerank step fuses them, using each
 * candidate's rank in each list as one of its features (a reciprocal-rank fusion inside the rerank).
 */
import type { PassageFilter, RankedId } from '../../ingest/index.js';
import type { QueryAnalysis, WeightedTerm } from './analyze-query.js';
import type { Signals } from './passage-features.js';

/** The search operations of an index snapshot; ids only, as the engine holds every passage already. */
export interface SearchBackend {
  fullTextIds(query: string, limit: number, filter?: PassageFilter): Promise<RankedId[]>;
  nearestIds(vector: number[], limit: number, filter?: PassageFilter): Promise<RankedId[]>;
}

/** How many results each list contributes. */
export const CANDIDATES = { perList: 60 };

const OWN: WeightedTerm['origin'][] = ['question', 'translation', 'history', 'answer'];

/** A full-text query string from terms: words only, so no user text reaches a query parser. */
export function fullTextQuery(terms: WeightedTerm[]): string {
  const words = terms.flatMap((t) => t.word.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 1);
  return [...new Set(words)].join(' ');
}

/** The text that is embedded for the vector search: the question plus its Dutch terms. */
export function vectorQueryText(analysis: QueryAnalysis): string {
  return [analysis.question, ...analysis.terms.filter((t) => OWN.includes(t.origin)).map((t) => t.word)].join(' ');
}

function collect(lists: { results: RankedId[]; key: keyof Signals }[]): Map<string, Signals> {
  const signals = new Map<string, Signals>();
  for (const { results, key } of lists) {
    results.forEach((result, rank) => {
      const entry = signals.get(result.id) ?? {};
      if (entry[key] === undefined) entry[key] = rank;
      signals.set(result.id, entry);
    });
  }
  return signals;
}

/** Runs the three searches; returns every candidate with its rank in each list. */
export async function hybridCandidates(
  analysis: QueryAnalysis,
  backend: SearchBackend,
  embedQuery: (text: string) => Promise<number[]>,
  filter: PassageFilter | undefined,
): Promise<Map<string, Signals>> {
  const own = fullTextQuery(analysis.terms.filter((t) => OWN.includes(t.origin)));
  const expanded = fullTextQuery(analysis.terms);
  const ownSearch = backend.fullTextIds(own, CANDIDATES.perList, filter);
  const [ownResults, expandedResults, vectorResults] = await Promise.all([
    ownSearch,
    // A question without expansions asks the same twice: one search serves both lists.
    expanded === own ? ownSearch : backend.fullTextIds(expanded, CANDIDATES.perList, filter),
    // A query with no word the embedder knows has a zero vector: it has no direction, so no neighbours.
    embedQuery(vectorQueryText(analysis)).then((vector) => (vector.some((x) => x !== 0) ? backend.nearestIds(vector, CANDIDATES.perList, filter) : [])),
  ]);
  return collect([
    { results: ownResults, key: 'own' },
    { results: expandedResults, key: 'expanded' },
    { results: vectorResults, key: 'vector' },
  ]);
}
