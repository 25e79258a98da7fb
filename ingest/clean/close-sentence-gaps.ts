/**
 * Extraction often puts a blank line inside a sentence (corpus/002: "• de perspectieven … gewicht in het" /
 * "" / "huidige model;", corpus/003 likewise), which splits one paragraph into two for structure detection.
 * A blank line between a line that ends mid-sentence and a line that goes on in lower case is such a gap.
 * Lines that start a list item ("o …", "e …", "i. …") are never taken for a continuation.
 */
import type { StepResult } from './clean-types.js';
import type { OffsetText } from './offset-text.js';
import { isBlankLine, removeLinesQuietly, splitTextLines, type TextLine } from './text-lines.js';

const ENDS_SENTENCE_OR_BLOCK = /[.!?:;]["'’”)]*$|^[-–•*o]$/u;
const CONTINUES = /^\p{Ll}/u;
const LIST_ITEM = /^(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})[.)]\s|^[oe•▪◦·-]\s/u;

/** Removes blank lines that interrupt a sentence; see the module comment. */
export function closeSentenceGaps(source: OffsetText): StepResult {
  const lines = splitTextLines(source.text);
  const gaps: TextLine[] = [];
  for (let i = 1; i + 1 < lines.length; i++) {
    const before = lines[i - 1] as TextLine;
    const gap = lines[i] as TextLine;
    const after = lines[i + 1] as TextLine;
    if (!isBlankLine(gap) || isBlankLine(before) || isBlankLine(after)) continue;
    if (ENDS_SENTENCE_OR_BLOCK.test(before.text.trim()) || !CONTINUES.test(after.text) || LIST_ITEM.test(after.text)) continue;
    gaps.push(gap);
  }
  return { text: removeLinesQuietly(source, gaps), count: gaps.length };
}
