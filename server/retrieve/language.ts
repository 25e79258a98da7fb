/**
 * Is the question Dutch or English? Counted by stop words, which every sentence has and which hardly overlap
 * between the two languages. Dutch wins ties: it is the users' language.
 */
import { DUTCH_STOP_WORDS, tokenize } from '../../ingest/index.js';

/** A language Grip answers in. */
export type Language = 'nl' | 'en';

const ENGLISH_MARKERS = new Set(['the', 'what', 'which', 'who', 'how', 'when', 'where', 'why', 'does', 'did', 'is', 'are', 'was', 'were', 'of', 'and', 'for', 'with', 'many', 'much', 'to', 'on', 'by', 'from', 'has', 'have', 'their', 'about', 'it', 'this', 'that', 'there']);
const DUTCH_MARKERS = new Set([...DUTCH_STOP_WORDS, 'hoeveel', 'welke', 'wanneer', 'waarom', 'waar', 'wie', 'hoe', 'wat', 'heeft', 'zijn', 'worden', 'staat']);

/** Detects the language of a question. `englishStopWords` widens the English markers. */
export function detectLanguage(text: string, englishStopWords: ReadonlySet<string> = new Set()): Language {
  let english = 0;
  let dutch = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word') continue;
    const word = token.normal;
    const isEnglish = ENGLISH_MARKERS.has(word) || englishStopWords.has(word);
    const isDutch = DUTCH_MARKERS.has(word);
    if (isEnglish && !isDutch) english += 1;
    if (isDutch && !isEnglish) dutch += 1;
  }
  return english > dutch ? 'en' : 'nl';
}
