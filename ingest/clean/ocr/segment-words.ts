/**
 * Re-segmenting a run of letters into Dutch words, for OCR text where spaces went missing ("notiesin",
 * "Hetinrichten"), appeared inside words ("wi j", "Maatschappel i jk") or moved ("ui tde" → "uit de").
 * The letters never change; only where the word boundaries are.
 */
import type { DutchLexicon } from '../../text/dutch-lexicon.js';

// Words that may stand right after a boundary OCR dropped: "notiesin" → "noties in", "ui tde" → "uit de".
const FOLLOWERS = new Set(['de', 'het', 'een', 'en', 'in', 'op', 'te', 'is', 'van', 'dat', 'met', 'voor', 'door', 'naar', 'zijn', 'of', 'die', 'om', 'tot', 'dit', 'deze', 'uit']);
// Words that may stand right before a dropped boundary. Prepositions that also start compounds ("in", "op",
// "voor", "door") are left out: "inbesteden" must not become "in besteden".
const LEADERS = new Set(['de', 'het', 'een', 'dat', 'deze', 'dit', 'met', 'van', 'naar', 'tot', 'vanuit', 'zoals', 'wordt', 'worden', 'zijn', 'is', 'hun', 'onze', 'uw', 'dan', 'maar', 'ook', 'niet', 'nog', 'wij', 'zij']);
const MAX_PARTS = 6;
const MIN_CONTENT_WORD = 4;
const MAX_VISITS = 4000;

/** Whether `word` is a function word that may stand before a boundary OCR dropped ("Het|inrichten"). */
export function isLeader(word: string): boolean {
  return LEADERS.has(word.toLowerCase());
}

/** Capitals may only open a word ("Het|inrichten"), unless the whole word is in capitals ("W I J"). */
function caseFits(part: string): boolean {
  return part === part.toUpperCase() || part.slice(1) === part.slice(1).toLowerCase();
}

/**
 * Whether a boundary that was not there before may go between `left` and `right`: one side is a function
 * word and the other is a function word too or a word of at least four letters ("pitchmethode" must not
 * become "pitch met ho de").
 */
function newBoundaryFits(left: string, right: string): boolean {
  const lowerLeft = left.toLowerCase();
  const lowerRight = right.toLowerCase();
  const isFunction = (word: string) => FOLLOWERS.has(word) || LEADERS.has(word);
  if (FOLLOWERS.has(lowerRight)) return isFunction(lowerLeft) || lowerLeft.length >= MIN_CONTENT_WORD;
  if (LEADERS.has(lowerLeft)) return isFunction(lowerRight) || lowerRight.length >= MIN_CONTENT_WORD;
  return false;
}

/**
 * The segmentation of `letters` into the fewest known words (each at least two letters), where every
 * boundary not in `original` sits next to a function word. Null when there is none.
 */
export function segmentLetters(letters: string, original: ReadonlySet<number>, lexicon: DutchLexicon): number[] | null {
  let best: number[] | null = null;
  let visits = 0;
  const path: number[] = [];
  const search = (start: number, previous: string): void => {
    if (++visits > MAX_VISITS || (best !== null && path.length >= best.length)) return;
    for (let end = letters.length; end >= start + 2; end--) {
      const part = letters.slice(start, end);
      if (!caseFits(part) || !lexicon.isKnown(part)) continue;
      if (start > 0 && !original.has(start) && !newBoundaryFits(previous, part)) continue;
      path.push(end);
      if (end === letters.length) {
        if (best === null || path.length < best.length) best = [...path];
      } else if (path.length < MAX_PARTS) {
        search(end, part);
      }
      path.pop();
    }
  };
  search(0, '');
  return best === null ? null : (best as number[]).slice(0, -1);
}
