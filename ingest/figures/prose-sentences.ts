/**
 * The sentences of a passage's running text, as spans of its text: each line that is not one of its table rows
 * (a row or a header line ends in no full stop, so a sentence would run on into the table) split into sentences.
 */
import { splitSentences } from '../chunk/sentences.js';
import type { Passage } from '../types.js';

/** A sentence of a passage: its span of the passage text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** The sentences of the passage's lines that are not table rows, in order. */
export function proseSentences(passage: Passage): SentenceSpan[] {
  const rows = passage.table?.rows ?? [];
  const header = passage.kind === 'table' ? passage.text.split('\n')[0] : undefined;
  const sentences: SentenceSpan[] = [];
  let start = 0;
  for (const line of passage.text.split('\n')) {
    const end = start + line.length;
    const isRow = rows.some((row) => row.start < end && start < row.end) || (start === 0 && line === header && rows.length > 0);
    if (!isRow) for (const span of splitSentences(line)) sentences.push({ start: start + span.start, end: start + span.end });
    start = end + 1;
  }
  return sentences;
}
