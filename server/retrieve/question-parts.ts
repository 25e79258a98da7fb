/**
 * Questions that ask two things at once ("Wat is Kansrijk Oost, en voor wie is het bedoeld?", "Hoeveel mensen
 * werkten er, en hoeveel fte was dat?"). Each part is a question of its own, with its own answer type and words, so
 * the answer can give a sentence for each. Pure.
 */
import type { AnswerWords } from './answer-words.js';
import type { Language } from './language.js';
import { escapeRegExp } from './word-patterns.js';

/** A span of the folded question that asks one thing. */
export interface PartSpan {
  start: number;
  end: number;
}

const PREPOSITIONS = 'voor|met|door|aan|bij|van|op|in|over|tot|naar|uit|for|with|by|to|from|on|about|at';

/**
 * The parts of a folded question: split after "?" or ";" when more text follows, and before "en"/"and"/"maar"/"but"
 * when a question word or a verb that opens a yes/no question comes next. One span when it asks one thing.
 */
export function questionParts(folded: string, language: Language, words: AnswerWords): PartSpan[] {
  const openers = new Set([...words.answerTypes[language].map(([phrase]) => phrase.split(' ')[0] as string), ...words.yesNoOpeners[language]]);
  const list = [...openers].map(escapeRegExp).join('|');
  // "…, en voor wie…?": a preposition may stand before the question word.
  const boundary = new RegExp(`[?;]\\s+(?=\\p{L})|,?\\s+(?:en|and|maar|but|of|or)\\s+(?=(?:(?:${PREPOSITIONS})\\s+)?(?:${list})\\b)`, 'gu');
  const spans: PartSpan[] = [];
  let start = 0;
  for (const match of folded.matchAll(boundary)) {
    const end = match.index;
    if (/\p{L}{3}/u.test(folded.slice(start, end))) spans.push({ start, end });
    start = end + match[0].length;
  }
  if (/\p{L}{3}/u.test(folded.slice(start))) spans.push({ start, end: folded.length });
  return spans.length > 0 ? spans : [{ start: 0, end: folded.length }];
}
