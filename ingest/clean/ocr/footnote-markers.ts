/**
 * OCR reads superscript footnote numbers as "^", '^"', "°̂" or "*̂" (corpus/002: "ondersteuningstaken^ en",
 * "civil society^en", "Groningen^" bouwt", "^ Ondersteuning omvat …"). They are noise inside words and
 * sentences; the footnote texts themselves stay.
 */
import type { Removal, StepResult } from '../clean-types.js';
import { applyEdits, type Edit, type OffsetText } from '../offset-text.js';

// 1 a marker glued between two words ("society^en"): it separated them, so a space stays;
// 2 any other run of carets, with a misread '"' right after it and, at a line start, the space after it;
// 3 a degree sign or asterisk carrying a combining circumflex.
const MARKER = /(?<=[\p{L}\p{N}])(\^+)(?=\p{L})|(?:^\^+ ?|\^+(?:"(?=[\s.,;:)]|$))?)|([°*]\u0302)/gmu;

/** Removes OCR footnote markers and records each as a removed `footnote-marker`. */
export function removeOcrFootnoteMarkers(source: OffsetText): StepResult {
  const edits: Edit[] = [];
  const removed: Removal[] = [];
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(source.text); match !== null; match = MARKER.exec(source.text)) {
    if (match[0] === '') {
      MARKER.lastIndex++;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    edits.push({ start, end, text: match[1] !== undefined ? ' ' : '' });
    removed.push({ kind: 'footnote-marker', start: source.toOriginal[start] as number, end: source.toOriginal[end] as number });
  }
  return { text: applyEdits(source, edits), count: edits.length, removed };
}
