/**
 * Whitespace normalisation: single spaces, no spaces at line starts or ends, at most one blank line in a row.
 * Line breaks themselves stay, because structure detection reads the text line by line.
 */
import type { StepResult } from './clean-types.js';
import { replaceMatches, type OffsetText } from './offset-text.js';

// Spaces at a line end or start, or a run of spaces inside a line.
const SPACES = /( +)$|^( +)| {2,}/gm;
// Three or more line breaks (two or more blank lines), or line breaks at the very start or end.
const BREAKS = /\n{3,}|^\n+|\n+$/g;

/** Normalises spaces and blank lines; see the module comment. Expects tabs already turned into spaces. */
export function normaliseWhitespace(source: OffsetText): StepResult {
  let count = 0;
  const spaced = replaceMatches(source, SPACES, (match) => {
    count++;
    return match[1] !== undefined || match[2] !== undefined ? '' : ' ';
  });
  const text = replaceMatches(spaced, BREAKS, (match) => {
    count++;
    return match.index === 0 || match.index + match[0].length === spaced.text.length ? '' : '\n\n';
  });
  return { text, count };
}
