/**
 * The candidate sentences of ranked passages, with each passage split once per index generation instead of once
 * per question. Splitting depends on the passage alone (its text and section titles), so the split is kept
 * with the passage object itself: a new generation brings new passage objects and therefore new splits, and a
 * dropped generation's splits are collected with its passages.
 */
import type { Passage } from '../../ingest/index.js';
import { candidateSentences, type CandidateSentence } from './candidate-sentences.js';

const splits = new WeakMap<Passage, readonly CandidateSentence[]>();

/** The sentences of one passage as {@link candidateSentences} gives them for a passage ranked first. */
export function sentencesOfPassage(passage: Passage): readonly CandidateSentence[] {
  let sentences = splits.get(passage);
  if (sentences === undefined) {
    sentences = Object.freeze(candidateSentences([passage]).map((sentence) => Object.freeze(sentence)));
    splits.set(passage, sentences);
  }
  return sentences;
}

/** Exactly what {@link candidateSentences} returns for `passages` in ranking order, from the remembered splits. */
export function rankedSentences(passages: Passage[]): CandidateSentence[] {
  return passages.flatMap((passage, rank) => sentencesOfPassage(passage).map((sentence) => ({ ...sentence, rank })));
}
