/**
 * Statistics over the passages of one index generation: document frequencies for IDF weights and the vocabulary
 * that compound splitting and query expansion check against, computed in one pass when the server loads it; and
 * the analysed terms of a passage (body and heading separately), computed when a question needs them and kept in
 * a bounded cache. What stays in memory grows with the vocabulary, not with the passages' analyses, whose many
 * small arrays and sets would otherwise be most of a large index's memory. The passages themselves can stream
 * past the counter (a server reads them from the store in batches) and be found again by id when needed.
 */
import { analyzeTerms, contentWordsOf, numbersOf, tokenize, sectionLine, type Passage, type Token } from '../../ingest/index.js';
import { infinitivesOf, passageVerbJoins } from './separable-verbs.js';

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
  /** The body names a person: initials before a surname ("J.H. de Vries") or a form of address ("mevrouw"). */
  hasPerson: boolean;
}

/** Corpus-wide statistics. */
export interface CorpusStats {
  /** The analysed form of a passage of the corpus by id (undefined for an unknown id), from a bounded cache. */
  byId: Pick<Map<string, PassageTerms>, 'get'>;
  /** Years the passages mention or are about. */
  years: Set<number>;
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

/** A person as Dutch documents name one: initials with a capitalised surname (a given name in brackets between), or "mevrouw"/"de heer". */
const PERSON = /(?<![\p{L}.])(?:\p{Lu}\.){1,4}\s?(?:\(\p{Lu}\p{Ll}+\)\s)?(?:(?:van|de|der|den|ter|ten|het)\s)*\p{Lu}\p{Ll}+|\b(?:mevrouw|mevr\.|de heer|dhr\.)\s/u;
const MONTH = /\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/i;

/**
 * The terms of the separable verbs of a passage ("draagt … bij" as "bijdraagt" and "bijdragen"), each at the term
 * position of its verb: the documents write the verb split where a question writes it whole, and the other way round.
 */
function separableVerbTerms(text: string, tokens: readonly Token[], particles: ReadonlySet<string>): { term: string; position: number }[] {
  if (particles.size === 0) return [];
  const joins = passageVerbJoins(text, tokens, particles);
  if (joins.length === 0) return [];
  const termIndex: number[] = [];
  let count = 0;
  for (const token of tokens) {
    termIndex.push(count);
    if (token.kind === 'word') count += contentWordsOf([token]).length;
  }
  return joins.flatMap(({ word, token }) => [...new Set([word, ...infinitivesOf(word)].flatMap((form) => analyzeTerms(form)))].map((term) => ({ term, position: termIndex[token] ?? 0 })));
}

/** The analysis of a passage; with `words`, its surface words are counted into it (the corpus pass does, a question's re-analysis not). */
function analysePassage(passage: Passage, words?: Map<string, number>, particles: ReadonlySet<string> = new Set()): PassageTerms {
  const tokens = tokenize(passage.text);
  const terms = contentWordsOf(tokens).map((word) => word.term);
  const numbers = numbersOf(tokens);
  if (words) for (const token of tokens) if (token.kind === 'word') words.set(token.normal, (words.get(token.normal) ?? 0) + 1);
  const years = new Set(numbers.filter((n) => /^(?:19|20)\d\d$/.test(n)).map(Number));
  const headingTerms = new Set(analyzeTerms(`${passage.title} ${sectionLine(passage)}`));
  const positions = new Map<string, number[]>();
  terms.forEach((term, position) => {
    const at = positions.get(term);
    if (at) at.push(position);
    else positions.set(term, [position]);
  });
  const termSet = new Set(terms);
  for (const { term, position } of separableVerbTerms(passage.text, tokens, particles)) {
    termSet.add(term);
    positions.set(term, [...(positions.get(term) ?? []), position].sort((a, b) => a - b));
  }
  return {
    passage,
    terms,
    termSet,
    headingTerms,
    positions,
    length: terms.length + headingTerms.size,
    numbers: new Set(numbers),
    years,
    hasAmount: /€|\beuro\b|\bmiljoen\b/i.test(passage.text),
    hasDate: MONTH.test(passage.text) || /\b\d{1,2}-\d{1,2}-(?:19|20)\d\d\b/.test(passage.text),
    hasPerson: PERSON.test(passage.text),
  };
}

/** How many analysed passages the cache keeps: every candidate of many questions, a few tens of MB at most. */
export const ANALYSED_PASSAGES = 4_000;

/** A map that forgets its least recently used entries beyond `limit`. */
function boundedCache<T>(limit: number, compute: (key: string) => T | undefined): Pick<Map<string, T>, 'get'> {
  const entries = new Map<string, T>();
  return {
    get(key) {
      const known = entries.get(key);
      if (known !== undefined) {
        entries.delete(key);
        entries.set(key, known);
        return known;
      }
      const value = compute(key);
      if (value === undefined) return undefined;
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}

/** Counts corpus statistics one passage at a time, so the passages can stream past instead of being held. */
export interface CorpusCounter {
  add(passage: Passage): void;
  /**
   * The statistics of the passages added. `passageOf` finds a passage again when a question needs its analysis
   * (the caller keeps a bounded cache of them; an id it cannot give has no analysis).
   */
  finish(passageOf: (id: string) => Passage | undefined, cacheSize?: number): CorpusStats;
}

/** Starts counting: document frequencies, vocabulary, years and lengths, grown by the vocabulary, not the passages. */
export function createCorpusCounter(particles: ReadonlySet<string> = new Set()): CorpusCounter {
  const words = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  const documentTerms = new Map<string, Set<string>>();
  const years = new Set<number>();
  let lengths = 0;
  let count = 0;
  return {
    add(passage) {
      const item = analysePassage(passage, words, particles);
      for (const term of new Set([...item.termSet, ...item.headingTerms])) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      for (const year of item.years) years.add(year);
      if (passage.year !== null) years.add(passage.year);
      lengths += item.length;
      count++;
      if (!documentTerms.has(passage.documentId)) documentTerms.set(passage.documentId, new Set(analyzeTerms(`${passage.title} ${passage.docType} ${passage.organisation ?? ''}`)));
    },
    finish(passageOf, cacheSize = ANALYSED_PASSAGES) {
      const total = Math.max(1, count);
      const maxIdf = Math.log(1 + total);
      return {
        averageLength: lengths / total,
        documentTerms: (id) => documentTerms.get(id) ?? new Set(),
        byId: boundedCache(cacheSize, (id) => {
          const passage = passageOf(id);
          if (!passage) return undefined;
          return analysePassage(passage, undefined, particles);
        }),
        years,
        idf: (term) => {
          const df = documentFrequency.get(term);
          return df ? Math.log(1 + (total - df + 0.5) / (df + 0.5)) : maxIdf;
        },
        words,
        documentFrequency,
      };
    },
  };
}

/** Computes statistics over passages held in memory (tests, tools); a passage's analysis is redone when the cache has let it go. */
export function buildCorpusStats(passages: readonly Passage[], cacheSize = ANALYSED_PASSAGES, particles?: ReadonlySet<string>): CorpusStats {
  const counter = createCorpusCounter(particles);
  const byId = new Map<string, Passage>();
  for (const passage of passages) {
    counter.add(passage);
    byId.set(passage.id, passage);
  }
  return counter.finish((id) => byId.get(id), cacheSize);
}

/** Folds and stems a single word the way passages are analysed (empty for stop words). */
export function termOf(word: string): string | undefined {
  return analyzeTerms(word)[0];
}
