/**
 * Documents that disagree: one report counts "zes deelprojecten", another "vijf deelprojecten". When the counted
 * thing is what the question asks about, every figure is given with its source instead of silently picking one.
 * Reads the count values the features found (values.ts). Pure.
 */
import { analyzeTerms } from './cached-analysis.js';
import type { Concept } from '../retrieve/concepts.js';
import type { ScoredSentence } from './features.js';

/** A count with the noun it counts, as written ("ruim vijftig deelopdrachten"). */
interface CountedFigure {
  figure: string;
  noun: string;
  sentence: ScoredSentence;
}

/** Counts in a sentence whose noun is one of the question's own concepts. */
function countedFigures(sentence: ScoredSentence, concepts: Map<string, Concept>): CountedFigure[] {
  const found: CountedFigure[] = [];
  for (const value of sentence.values) {
    if (value.kind !== 'count') continue;
    const words = value.text.split(/\s+/);
    if (words.length < 2) continue;
    // "de vijftien grootste deelopdrachten" ranks a subset; it does not count the whole.
    if (/ste\s*$/u.test(sentence.text.slice(value.end, value.end + 12).split(/\s+/).slice(0, 2).join(' '))) continue;
    const noun = analyzeTerms(words[words.length - 1] as string)[0];
    if (!noun) continue;
    const asked = [...concepts.values()].some((concept) => !concept.history && concept.terms.some((t) => t.term === noun && t.weight >= 1));
    if (asked) found.push({ figure: words.slice(0, -1).join(' ').toLowerCase(), noun, sentence });
  }
  return found;
}

/**
 * Sentences that state different counts of the same asked-about thing in different documents, one per
 * (document, figure); empty when the documents agree or only one document counts it.
 */
export function figureConflicts(scored: ScoredSentence[], concepts: Map<string, Concept>, minScore: number): ScoredSentence[] {
  const byNoun = new Map<string, CountedFigure[]>();
  for (const sentence of scored) {
    if (sentence.score < minScore) continue;
    for (const figure of countedFigures(sentence, concepts)) byNoun.set(figure.noun, [...(byNoun.get(figure.noun) ?? []), figure]);
  }
  for (const figures of byNoun.values()) {
    const values = new Set(figures.map((f) => f.figure));
    const documents = new Set(figures.map((f) => f.sentence.passage.documentId));
    if (values.size < 2 || documents.size < 2) continue;
    const picked = new Map<string, ScoredSentence>();
    for (const figure of figures) {
      const key = `${figure.sentence.passage.documentId}|${figure.figure}`;
      if (!picked.has(key)) picked.set(key, figure.sentence);
    }
    return [...picked.values()];
  }
  return [];
}
