/**
 * What kind of answer a question asks for. Each question gets exactly one answer type; the retrieval features,
 * the sentence features, the support gate and the direct answer span all read it. Pure: the question words come
 * from data/answer-words.json.
 */
import type { AnswerWords } from './answer-words.js';
import { hasPhrase, phraseIndex } from './phrases.js';
import type { Language } from './language.js';

/** The answer types, a closed union. */
export const ANSWER_TYPES = ['amount', 'count', 'percentage', 'date', 'actor', 'who_decides', 'list', 'yes_no', 'description', 'procedure'] as const;

/** The kind of answer a question asks for. */
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Answer types whose answer is a figure (a value a sentence must hold). */
export const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set(['amount', 'count', 'percentage', 'date']);

/** Answer types that must be answered by a value of their kind: a figure, a body or person, an enumeration. */
export const VALUE_TYPES: ReadonlySet<AnswerType> = new Set(['amount', 'count', 'percentage', 'date', 'actor', 'who_decides', 'list']);

/** What a question asks for. */
export interface QuestionKind {
  answerType: AnswerType;
  /** The question compares (years, documents, plan and result, before and after). */
  comparison: boolean;
  /** The type comes from the question's own words (a question phrase, an opening verb, a unit, money), not the default. */
  explicit: boolean;
}

/** The type named by the earliest question phrase; of phrases at the same place, the longest. */
function phraseType(folded: string, pairs: [string, AnswerType][]): { type: AnswerType; at: number } | undefined {
  let best: { type: AnswerType; at: number; length: number } | undefined;
  for (const [phrase, type] of pairs) {
    const at = phraseIndex(folded, phrase);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && phrase.length > best.length)) best = { type, at, length: phrase.length };
  }
  return best;
}

/** The unit a word names, also as the head of a compound ("ziekteverzuimpercentage" names a percentage). */
export function unitOf(word: string, words: AnswerWords): AnswerType | undefined {
  const own = words.unitTypes.get(word);
  if (own) return own;
  for (const [unit, type] of words.unitTypes) if (unit.length >= 5 && word.length >= unit.length + 3 && word.endsWith(unit)) return type;
  return undefined;
}

/**
 * Classifies a question. `contentWords` are the question's own content words in order (folded, Dutch or translated);
 * `years` the years it names.
 */
export function classifyQuestion(folded: string, language: Language, contentWords: string[], years: number[], words: AnswerWords): QuestionKind {
  const first = folded.match(/[\p{L}]+/u)?.[0] ?? '';
  const phrase = phraseType(folded, words.answerTypes[language]);
  // "Is de staf gegroeid…?", "Did WIJ buy…?": a question that opens with a verb asks yes or no, unless a question
  // word ("Is er iemand die weet wie…") comes right after.
  const opensWithVerb = words.yesNoOpeners[language].has(first) && (!phrase || phrase.at > first.length + 1);
  let type: AnswerType = opensWithVerb ? 'yes_no' : phrase?.type ?? 'description';
  // The first word that is not a degree word ("hoog" in "hoe hoog", "lang") names the unit, if any.
  const named = contentWords.find((word) => !(words.unitNouns.has(word) && !words.unitTypes.has(word)));
  const unit = named ? unitOf(named, words) : undefined;
  // "welke bedragen", "hoeveel procent", "wat is het aantal": the first content word names the unit asked for.
  if (unit && (type === 'list' || type === 'description' || (type === 'count' && unit !== 'count'))) type = unit;
  // "Wat heeft het personeel gekost?", "Kreeg WIJ daar geld voor?": money anywhere asks for an amount;
  // after "hoeveel" only when it is the first content word ("hoeveel betaalt…", not "hoeveel … betaalde baan").
  const money = contentWords.some((word) => words.money.has(word));
  if (money && (type === 'description' || type === 'yes_no')) type = 'amount';
  if (type === 'count' && contentWords[0] && words.money.has(contentWords[0])) type = 'amount';
  if (type === 'actor' && words.decisionVerbs.some((verb) => hasPhrase(folded, verb))) type = 'who_decides';
  const comparison = new Set(years).size >= 2 || words.comparison.some((marker) => hasPhrase(folded, marker));
  return { answerType: type, comparison, explicit: opensWithVerb || phrase !== undefined || unit !== undefined || money };
}
