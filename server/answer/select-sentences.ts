/**
 * Choosing the sentences an answer is made of: the best-scoring sentence, then a few more that add what it
 * lacks — a concept it does not name, a figure from another document, the items of a list it introduces.
 */
import { analyzeTerms } from '../../ingest/text/analyze.js';
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import { conceptMatch, type Concept } from '../retrieve/concepts.js';
import { leadsIn, type CandidateSentence } from './candidate-sentences.js';
import { sentenceFeatures, sentenceScore, type SentenceFeatures } from './sentence-features.js';

/** A sentence with its score. */
export interface ScoredSentence extends CandidateSentence {
  features: SentenceFeatures;
  score: number;
}

const FIGURE_INTENTS = new Set(['amount', 'quantity', 'percentage', 'frequency']);
const MAX_CONTINUATIONS = 2;

/** A concept this informative (IDF) is worth a sentence of its own; "wij" or "gemeente" are not. */
const INFORMATIVE_IDF = 2;

/** Limits on answer size. */
export const SELECTION = { maxSentences: 5, maxListItems: 8, relativeFloor: 0.72, figureFloor: 0.5, partFloor: 0.3, maxRows: 3, maxWords: 70 };

/** A sentence that can stand in an answer: not a bare heading, number or fragment, not an endless run-on. */
export function isQuotable(sentence: CandidateSentence): boolean {
  const words = sentence.text.split(/\s+/).length;
  if (words > SELECTION.maxWords * 2) return false;
  if (sentence.heading && !/:\s*$/.test(sentence.text)) return false;
  return sentence.row || words >= 4 || (/\p{L}{3}/u.test(sentence.text) && /\d/.test(sentence.text));
}

/** Scores every quotable candidate sentence, best first. */
export function scoreSentences(
  analysis: QueryAnalysis,
  concepts: Map<string, Concept>,
  candidates: CandidateSentence[],
  documentTerms: (documentId: string) => Set<string> = () => new Set(),
): ScoredSentence[] {
  return candidates
    .filter(isQuotable)
    .map((c) => {
      const features = sentenceFeatures(analysis, concepts, c, documentTerms(c.passage.documentId));
      return { ...c, features, score: sentenceScore(features) };
    })
    .sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
}

function conceptsNamed(sentence: ScoredSentence, concepts: Map<string, Concept>): Set<string> {
  const terms = new Set(analyzeTerms(sentence.text));
  return new Set([...concepts].filter(([, concept]) => conceptMatch(concept, (t) => terms.has(t)) > 0).map(([key]) => key));
}

/**
 * The list items that follow a sentence ending in a colon: the rest of its passage and, when the list runs on
 * to the passage's end, the items that open the document's next passage (a list the chunker had to split).
 */
function listItemsAfter(best: ScoredSentence, all: ScoredSentence[]): ScoredSentence[] {
  if (!leadsIn(best.text)) return [];
  const inOrder = (a: ScoredSentence, b: ScoredSentence) => a.index - b.index;
  const own = all.filter((s) => s.passage.id === best.passage.id).sort(inOrder);
  const after = own.filter((s) => s.index > best.index && s.index <= best.index + SELECTION.maxListItems);
  // A list ends where a new sentence follows its items ("…ondersteuning. Daarnaast werkt WIJ…").
  const end = after.findIndex((s, i) => i > 0 && !s.item && (after[i - 1] as ScoredSentence).item && /^\p{Lu}/u.test(s.text));
  const items = end < 0 ? after : after.slice(0, end);
  const last = own[own.length - 1];
  if (end >= 0 || items.length >= SELECTION.maxListItems || !last || !(last === best || last.item)) return items;
  const next = all.filter((s) => s.passage.documentId === best.passage.documentId && s.passage.ordinal === best.passage.ordinal + 1).sort(inOrder);
  const opening = next.findIndex((s) => !s.heading);
  const following = opening < 0 ? [] : next.slice(opening);
  const run = following.findIndex((s) => !s.item);
  return [...items, ...following.slice(0, run < 0 ? following.length : run)].slice(0, SELECTION.maxListItems);
}

const ANAPHOR = /^(?:hieraan|hiervan|hierbij|hiermee|hierin|daaraan|daarvan|daarbij|daarmee|daarin|daardoor|waarvan|dit|deze|dat|die|zij|ze|het|hun|this|these|they)\b/i;

/**
 * The next sentence of the same passage when it leans on this one ("Hieraan deden 1.633 medewerkers mee") or,
 * for a figure question, goes on with another figure on the question's subject ("De ondernemingsraad vergadert
 * wekelijks. De overlegvergadering met de bestuurder is eens per vier weken.").
 */
function continuation(sentence: ScoredSentence, all: ScoredSentence[], figures = false): ScoredSentence | undefined {
  const next = all.find((s) => s.passage.id === sentence.passage.id && s.index === sentence.index + 1);
  if (!next || next.row) return undefined;
  return ANAPHOR.test(next.text) || (figures && next.features.intent >= 1 && next.features.coverage > 0) ? next : undefined;
}

/** Sentences of one passage read in document order; passages keep the order in which they were chosen. */
function inReadingOrder(chosen: ScoredSentence[]): ScoredSentence[] {
  const first = new Map<string, number>();
  chosen.forEach((s, i) => first.has(s.passage.id) || first.set(s.passage.id, i));
  return [...chosen].sort((a, b) => (first.get(a.passage.id) ?? 0) - (first.get(b.passage.id) ?? 0) || a.index - b.index);
}

function addsSomething(sentence: ScoredSentence, chosen: ScoredSentence[], best: ScoredSentence, named: Set<string>, concepts: Map<string, Concept>): boolean {
  const adds = [...conceptsNamed(sentence, concepts)].some((key) => !named.has(key) && (concepts.get(key)?.idf ?? 0) >= INFORMATIVE_IDF);
  const otherDocument = !chosen.some((c) => c.passage.documentId === sentence.passage.documentId);
  const figure = sentence.features.intent === 1 && best.features.intent < 1;
  return adds || otherDocument || figure || sentence.row;
}

/** Other rows of the same table that name something the question asks about. */
function siblingRows(row: ScoredSentence, all: ScoredSentence[], concepts: Map<string, Concept>): ScoredSentence[] {
  if (!row.row) return [];
  return all
    .filter((s) => s.row && s.passage.id === row.passage.id && s !== row && informative(conceptsNamed(s, concepts), concepts))
    .slice(0, SELECTION.maxRows);
}

function informative(keys: Set<string>, concepts: Map<string, Concept>): boolean {
  return [...keys].some((key) => (concepts.get(key)?.idf ?? 0) >= INFORMATIVE_IDF);
}

const PART_BOUNDARY = /[?;]\s+|,?\s+(?:en|and|maar|but)\s+(?=(?:hoeveel|wie|wat|waarom|wanneer|hoe|welke|waar|is|zijn|heeft|hebben|blijft|kan|how|who|what|why|when|which|where|is|are|does|did|was|were)\b)/i;

/**
 * The concept groups of each part of a question that asks two things ("Hoeveel … rondlopen, en wat kost dat?"),
 * so the answer can give a sentence for each.
 */
export function questionParts(question: string, concepts: Map<string, Concept>): Set<string>[] {
  const parts = question.split(PART_BOUNDARY).filter((part) => part.trim() !== '');
  if (parts.length < 2) return [];
  return parts.map((part) => {
    const terms = new Set(analyzeTerms(part));
    return new Set([...concepts].filter(([key, concept]) => terms.has(key) || concept.terms.some((t) => t.origin === 'question' && terms.has(t.term))).map(([key]) => key));
  });
}

/** Picks the answer sentences from the scored candidates (best first), returned in reading order. */
export function selectSentences(analysis: QueryAnalysis, concepts: Map<string, Concept>, scored: ScoredSentence[]): ScoredSentence[] {
  const best = scored[0];
  if (!best) return [];
  const items = analysis.intent === 'list' || leadsIn(best.text) ? listItemsAfter(best, scored) : [];
  if (items.length > 0) return [best, ...items];
  const figures = FIGURE_INTENTS.has(analysis.intent);
  const chosen: ScoredSentence[] = [];
  const named = new Set<string>();
  const full = () => chosen.length >= SELECTION.maxSentences;
  const take = (sentence: ScoredSentence) => {
    if (chosen.includes(sentence)) return;
    chosen.push(sentence);
    for (const key of conceptsNamed(sentence, concepts)) named.add(key);
    // Follow a short chain of sentences that lean on the one before ("Dat zijn er 30 meer. Hieraan deden …").
    let next = continuation(sentence, scored, figures);
    for (let hops = 0; next && hops < MAX_CONTINUATIONS && !chosen.includes(next) && !full(); hops++) {
      chosen.push(next);
      next = continuation(next, scored, figures);
    }
  };
  take(best);
  for (const row of siblingRows(best, scored, concepts)) if (!full()) take(row);
  // Each part of a two-part question gets its own best sentence when the first choice leaves it open.
  for (const part of questionParts(analysis.question, concepts)) {
    if (full() || [...part].some((key) => named.has(key) && (concepts.get(key)?.idf ?? 0) >= INFORMATIVE_IDF)) continue;
    const answer = scored.find((s) => s.score >= best.score * SELECTION.partFloor && informative(new Set([...conceptsNamed(s, concepts)].filter((k) => part.has(k))), concepts));
    if (answer) take(answer);
  }
  // A question for a figure is better served by every figure on its subject than by a single one.
  for (const sentence of scored.slice(1)) {
    const floor = figures && sentence.features.intent >= 1 ? SELECTION.figureFloor : SELECTION.relativeFloor;
    if (full() || sentence.score < best.score * Math.min(SELECTION.figureFloor, SELECTION.relativeFloor)) break;
    if (sentence.score < best.score * floor || chosen.some((c) => c.text === sentence.text)) continue;
    if (addsSomething(sentence, chosen, best, named, concepts)) take(sentence);
  }
  return inReadingOrder(chosen);
}
