/**
 * Some exports put an empty line after every line of text (corpus/000), so every line looks like a paragraph
 * of its own. In such a document a single blank line is a line break and two or more are a paragraph break.
 * Must run before whitespace normalisation, which would make both look alike.
 */
import type { StepResult } from './clean-types.js';
import { isBlankLine, removeLinesQuietly, splitTextLines, type TextLine } from './text-lines.js';
import type { OffsetText } from './offset-text.js';

// Share of text lines followed by exactly one blank line before the document counts as double-spaced; and
// share of those that end mid-sentence, which tells wrapped lines from one-line paragraphs (Markdown).
const MIN_DOUBLED = 0.75;
const MIN_WRAPPED = 0.3;
const SENTENCE_END = /[.!?:;]["'’”)]*$/;
const PARAGRAPH_END_SHARE = 0.8;
const TITLE_SHARE = 0.5;

interface BlankRun {
  first: number;
  length: number;
}

/** Runs of blank lines that lie between two text lines. */
function innerBlankRuns(lines: readonly TextLine[]): BlankRun[] {
  const runs: BlankRun[] = [];
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    if (!isBlankLine(lines[i] as TextLine)) {
      seenText = true;
      continue;
    }
    let end = i;
    while (end < lines.length && isBlankLine(lines[end] as TextLine)) end++;
    if (seenText && end < lines.length) runs.push({ first: i, length: end - i });
    i = end - 1;
  }
  return runs;
}

/** Whether the line layout says "double-spaced": most text lines are followed by one blank line, mid-sentence. */
export function isDoubleSpaced(lines: readonly TextLine[]): boolean {
  const textLines = lines.filter((line) => !isBlankLine(line)).length;
  const single = innerBlankRuns(lines).filter((run) => run.length === 1);
  if (textLines < 10 || single.length < MIN_DOUBLED * textLines) return false;
  const wrapped = single.filter((run) => !SENTENCE_END.test((lines[run.first - 1] as TextLine).text.trim())).length;
  return wrapped >= MIN_WRAPPED * single.length;
}

function medianLength(lines: readonly TextLine[]): number {
  const lengths = lines.filter((line) => !isBlankLine(line)).map((line) => line.text.trim().length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

/**
 * Whether the line before a single blank line ends a paragraph anyway: a sentence that stops well short of
 * the usual line width ("uitvoeringspartner."), or a short line without punctuation, a title ("Aanleiding").
 */
function endsParagraph(line: TextLine, median: number): boolean {
  const text = line.text.trim();
  if (SENTENCE_END.test(text)) return text.length < PARAGRAPH_END_SHARE * median;
  return text.length < TITLE_SHARE * median;
}

/**
 * Removes the single blank lines of a double-spaced document, except where the line before ends a
 * paragraph; leaves any other document alone.
 */
export function undoubleLineSpacing(source: OffsetText): StepResult {
  const lines = splitTextLines(source.text);
  if (!isDoubleSpaced(lines)) return { text: source, count: 0 };
  const median = medianLength(lines);
  const single = innerBlankRuns(lines).filter((run) => run.length === 1 && !endsParagraph(lines[run.first - 1] as TextLine, median));
  const text = removeLinesQuietly(source, single.map((run) => lines[run.first] as TextLine));
  return { text, count: single.length };
}
