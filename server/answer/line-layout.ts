/**
 * What the layout of a passage's lines says about a sentence: whether it is an entry of a list or table printed
 * without markers, and which line stands above it. Documents lay out lists, tables read as text, cover pages and
 * forms as short lines without full stops; prose ends its sentences. Pure.
 */
import type { Passage } from '../../ingest/index.js';
import type { CandidateSentence } from './candidate-sentences.js';
import { sentencesOfPassage } from './passage-sentences.js';

/** How many bare lines in a row make a list or table without markers. */
const ENTRY_RUN = 3;
/** Longer lines are prose, however they end. */
const MAX_ENTRY_WORDS = 25;

interface Line {
  start: number;
  end: number;
  bare: boolean;
}

/** A line that is an entry rather than prose: short, and not closed by a full stop. */
function isBare(line: string): boolean {
  const text = line.trim();
  return !/[.!?;]["”’)]?$/.test(text) && text.split(/\s+/).length <= MAX_ENTRY_WORDS;
}

const layouts = new WeakMap<Passage, Line[]>();

/** The passage's non-empty lines, each marked bare or not; kept with the passage. */
function linesOf(passage: Passage): Line[] {
  let lines = layouts.get(passage);
  if (lines) return lines;
  lines = [];
  let offset = 0;
  for (const line of passage.text.split('\n')) {
    if (line.trim() !== '') lines.push({ start: offset, end: offset + line.length, bare: isBare(line) });
    offset += line.length + 1;
  }
  layouts.set(passage, lines);
  return lines;
}

/**
 * Whether the sentence is a whole line among at least ENTRY_RUN bare lines in a row (blank lines between them
 * allowed): an entry of a list or of a table read as text, which has no marker and no lead-in colon.
 */
export function isEntryLine(sentence: CandidateSentence): boolean {
  const lines = linesOf(sentence.passage);
  const at = lines.findIndex((l) => l.start <= sentence.start && sentence.end <= l.end);
  const own = lines[at];
  if (!own || !own.bare || sentence.passage.text.slice(own.start, own.end).trim() !== sentence.text) return false;
  let first = at;
  let last = at;
  while (first > 0 && lines[first - 1]?.bare) first--;
  while (last + 1 < lines.length && lines[last + 1]?.bare) last++;
  return last - first + 1 >= ENTRY_RUN;
}

/**
 * The sentence right above one in its passage. A value that stands alone on its line (a cover page's date under
 * the title, a form's value under its label) is about the line above it.
 */
export function lineAbove(sentence: CandidateSentence): string {
  return sentencesOfPassage(sentence.passage).find((s) => s.index === sentence.index - 1)?.text ?? '';
}
