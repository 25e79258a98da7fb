/**
 * Statistics over the passages of one index generation, computed once when the server loads it: the analysed
 * terms of every passage (body and heading separately), document frequencies for IDF weights, and the
 * vocabulary that compound splitting and query expansion check against.
 */
import { analyzeTerms, foldText, numberTokens, tokenize, sectionLine, type Passage } from '../../ingest/index.js';

/** Analysed form of one passage. */
export interface PassageTerms {
  passage: Passage;
  /** Body terms in order (stemmed, folded), for coverage and proximity. */
  terms: string[];
  termSet: Set<string>;
  /** Terms of the title and section path. */
  headingTerms: Set<string>;
  /** Where each body term occurs (indexes into `terms`), so proximity looks up the question's terms only. */
  positions: Map<string, number[]>;
  /** Body terms plus heading terms: the passage length BM25 normalises by. */
  length: number;
  /** Canonical numbers in the body ("4470460", "0.19"). */
  numbers: Set<string>;
  /** Four-digit years in the body. */
  years: Set<number>;
  hasAmount: boolean;
  hasDate: boolean;
}

/** Corpus-wide statistics. */
export interface CorpusStats {
  passages: PassageTerms[];
  byId: Map<string, PassageTerms>;
  /** Inverse document frequency of a term (smoothed; unseen terms get the maximum). */
  idf(term: string): number;
  /** Folded surface words with their corpus frequency, for compound splitting. */
  words: Map<string, number>;
  /** Stemmed terms with their document frequency. */
  documentFrequency: Map<string, number>;
  /** Average number of terms of a passage (body and headings), for BM25. */
  averageLength: number;
  /** Analysed terms of a document's title, type and organisation. */
  documentTerms(documentId: string): Set<string>;
}

const MONTH = /\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/i;

function analysePassage(passage: Passage, words: Map<string, number>): PassageTerms {
  const terms = analyzeTerms(passage.text);
  const numbers = numberTokens(passage.text);
  for (const token of tokenize(passage.text)) {
    if (token.kind === 'word') words.set(token.normal, (words.get(token.normal) ?? 0) + 1);
  }
  const years = new Set(numbers.filter((n) => /^(?:19|20)\d\d$/.test(n)).map(Number));
  const headingTerms = new Set(analyzeTerms(`${passage.title} ${sectionLine(passage)}`));
  const positions = new Map<string, number[]>();
  terms.forEach((term, position) => {
    const at = positions.get(term);
    if (at) at.push(position);
    else positions.set(term, [position]);
  });
  return {
    passage,
    terms,
    termSet: new Set(terms),
    headingTerms,
    positions,
    length: terms.length + headingTerms.size,
    numbers: new Set(numbers),
    years,
    hasAmount: /€|\beuro\b|\bmiljoen\b/i.test(passage.text),
    hasDate: MONTH.test(passage.text) || /\b\d{1,2}-\d{1,2}-(?:19|20)\d\d\b/.test(passage.text),
  };
}

/** Computes statistics over the given passages. */
export function buildCorpusStats(passages: Passage[]): CorpusStats {
  const words = new Map<string, number>();
  const analysed = passages.map((p) => analysePassage(p, words));
  const documentFrequency = new Map<string, number>();
  for (const item of analysed) {
    for (const term of new Set([...item.termSet, ...item.headingTerms])) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = Math.max(1, analysed.length);
  const maxIdf = Math.log(1 + total);
  const documentTerms = new Map<string, Set<string>>();
  for (const { passage } of analysed) {
    if (!documentTerms.has(passage.documentId)) documentTerms.set(passage.documentId, new Set(analyzeTerms(`${passage.title} ${passage.docType} ${passage.organisation ?? ''}`)));
  }
  const lengths = analysed.reduce((sum, item) => sum + item.terms.length + item.headingTerms.size, 0);
  return {
    averageLength: lengths / total,
    documentTerms: (id) => documentTerms.get(id) ?? new Set(),
    passages: analysed,
    byId: new Map(analysed.map((item) => [item.passage.id, item])),
    idf: (term) => {
      const df = documentFrequency.get(term);
      return df ? Math.log(1 + (total - df + 0.5) / (df + 0.5)) : maxIdf;
    },
    words,
    documentFrequency,
  };
}

/** Folds and stems a single word the way passages are analysed (empty for stop words). */
export function termOf(word: string): string | undefined {
  return analyzeTerms(word)[0];
}
