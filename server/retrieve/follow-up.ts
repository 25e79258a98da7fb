/**
 * Follow-up questions without a language model: "En hoeveel daarvan zijn via bemiddeling opgelost?" only
 * makes sense after the turn it follows. When a question leans on the conversation (it opens with "en",
 * points back with "daarvan"/"toen"/"they", or says too little on its own), the subject of the earlier user
 * turns is carried into retrieval.
 */
import { foldText, tokenize } from '../../ingest/index.js';

/** A turn of the conversation, as the API receives it. */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

const OPENERS = new Set(['en', 'maar', 'ook', 'dan', 'and', 'but', 'also', 'so', 'what', 'wat']);
const POINTERS = new Set([
  'daarvan', 'hiervan', 'daarvoor', 'daarmee', 'daarin', 'daarbij', 'hierbij', 'toen', 'daar', 'hun', 'hen', 'ervan', 'erin', 'zulke',
  'those', 'them', 'they', 'their', 'its', 'these', 'then', 'there',
]);
const MIN_OWN_WORDS = 3;
const USER_TURNS_CARRIED = 2;

/** True when the question needs the conversation before it to be understood. */
export function isFollowUp(question: string, history: Turn[], ownContentWords: number): boolean {
  if (!history.some((turn) => turn.role === 'user')) return false;
  const words = tokenize(foldText(question)).filter((t) => t.kind === 'word').map((t) => t.normal);
  if (words.length === 0) return true;
  if (OPENERS.has(words[0] as string) && words.length <= 12) return true;
  return words.some((word) => POINTERS.has(word)) || ownContentWords < MIN_OWN_WORDS;
}

/** Content words of the most recent user turns (newest first), via the caller's own word extractor. */
export function historyTerms(history: Turn[], contentWords: (text: string) => string[]): string[] {
  const userTurns = history.filter((turn) => turn.role === 'user').slice(-USER_TURNS_CARRIED).reverse();
  return userTurns.flatMap((turn) => contentWords(turn.content));
}

/** The most recent user turn, the question a follow-up continues. */
export function previousQuestion(history: Turn[]): string | undefined {
  return history.filter((turn) => turn.role === 'user').at(-1)?.content;
}

/** Content words of the most recent answer, whose entities a follow-up may point at ("wie zitten daar in?"). */
export function answerTerms(history: Turn[], contentWords: (text: string) => string[]): string[] {
  const answer = history.filter((turn) => turn.role === 'assistant').at(-1);
  return answer ? contentWords(answer.content) : [];
}
