/**
 * The sentences an answer can be made of: every line of a passage (a heading, a table row, a list item or a
 * paragraph) split into sentences, each kept as an exact span of the passage text so it can be quoted verbatim.
 */
import { splitSentences, isColumnHeader, isTableRow, type Passage } from '../../ingest/index.js';

/** A sentence of a retrieved passage. */
export interface CandidateSentence {
  passage: Passage;
  /** Rank of the passage in the retrieval (0 = best). */
  rank: number;
  /** The passage's retrieval score relative to the best passage's, in [0, 1] (1 when unknown). */
  relevance?: number;
  /** Exact span in `passage.text`. */
  start: number;
  end: number;
  text: string;
  /** Position of the sentence within its passage. */
  index: number;
  /** The line is a table row or column header. */
  row: boolean;
  /** The line is a heading of the passage (its section title), which says nothing on its own. */
  heading: boolean;
  /** The sentence opens a list item ("- 4 WIJ-managers…", "2. Inwoners…"; the marker may be split off). */
  item: boolean;
  /** Text elsewhere that says what the sentence is about, when it does not say so itself (a table row's item). */
  context?: string;
}

const MAX_ROW_WORDS = 25;

/** What opens a list item: "- ", "• ", "2. ", "b) ", "iii. ". */
const ITEM_MARKER = /^\s*(?:[-–•*·]|\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)])(?:\s|$)/u;

/** A sentence that introduces what follows ("…de volgende zes hoofdresultaten:"). */
export function leadsIn(text: string): boolean {
  return /:\s*$/.test(text);
}

function isRow(line: string): boolean {
  return (isTableRow(line) || isColumnHeader(line)) && line.split(/\s+/).length <= MAX_ROW_WORDS;
}

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Splits passages into candidate sentences, in ranking order. */
export function candidateSentences(passages: Passage[]): CandidateSentence[] {
  const sentences: CandidateSentence[] = [];
  passages.forEach((passage, rank) => {
    let index = 0;
    let lineStart = 0;
    const titles = new Set(passage.section.map(normal));
    for (const line of passage.text.split('\n')) {
      const row = isRow(line);
      const heading = titles.has(normal(line));
      const spans = row ? [{ start: 0, end: line.length }] : splitSentences(line);
      for (const span of spans) {
        const text = line.slice(span.start, span.end).trim();
        if (text.length < 3) continue;
        const start = lineStart + span.start + line.slice(span.start, span.end).indexOf(text);
        const item = !row && (ITEM_MARKER.test(text) || ITEM_MARKER.test(line.slice(0, start - lineStart)));
        sentences.push({ passage, rank, start, end: start + text.length, text, index: index++, row, heading, item });
      }
      lineStart += line.length + 1;
    }
  });
  return sentences;
}
