/**
 * Documents that disagree: "zes hoofdresultaten" (uitvraag 2025) against "vijf hoofdresultaten" (jaarverslag
 * 2022), or 59, 56, "ruim vijftig" and "bijna vijftig" deelopdrachten. When the counted thing is what the
 * question asks about, every figure is given with its source instead of silently picking one.
 */
import { analyzeTerms } from '../../ingest/text/analyze.js';
import { conceptMatch, type Concept } from '../retrieve/concepts.js';
import type { ScoredSentence } from './features.js';

const NUMBER_WORD = 'een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd';
const COUNTED = new RegExp(`(?:\\b(?:ruim|bijna|circa|ongeveer|ca\\.|zo'n|meer dan|minder dan)\\s+)?(?:\\b(?:${NUMBER_WORD})\\b|\\b\\d{1,6}\\b(?![.,]\\d))\\s+(?:[\\p{L}-]+\\s+)?([\\p{L}-]{4,})`, 'giu');

/** A figure attached to a counted noun, as written ("ruim vijftig deelopdrachten"). */
export interface CountedFigure {
  literal: string;
  noun: string;
  sentence: ScoredSentence;
}

/** Counted figures in a sentence whose noun is one of the question's concepts. */
function countedFigures(sentence: ScoredSentence, concepts: Map<string, Concept>): CountedFigure[] {
  const found: CountedFigure[] = [];
  for (const match of sentence.text.matchAll(COUNTED)) {
    // "de vijftien grootste deelopdrachten" ranks a subset; it does not count the whole.
    if (/\p{L}+ste\s+[\p{L}-]+$/u.test(match[0])) continue;
    const noun = analyzeTerms(match[1] ?? '')[0];
    if (!noun) continue;
    const asked = [...concepts.values()].some((concept) => !concept.history && conceptMatch(concept, (t) => t === noun) >= 1);
    if (asked) found.push({ literal: match[0].trim(), noun, sentence });
  }
  return found;
}

const figureKey = (literal: string) => literal.toLowerCase().replace(/\s+/g, ' ').split(' ').slice(0, -1).join(' ');

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
    const values = new Set(figures.map((f) => figureKey(f.literal)));
    const documents = new Set(figures.map((f) => f.sentence.passage.documentId));
    if (values.size < 2 || documents.size < 2) continue;
    const picked = new Map<string, ScoredSentence>();
    for (const figure of figures) {
      const key = `${figure.sentence.passage.documentId}|${figureKey(figure.literal)}`;
      if (!picked.has(key)) picked.set(key, figure.sentence);
    }
    return [...picked.values()];
  }
  return [];
}
