/**
 * The shapes cleaning works with: what a step returns and what the whole cleaning hands to structure
 * detection and chunking.
 */
import type { OffsetText } from './offset-text.js';

/** Kinds of content cleaning removes from the text (whitespace and markup tags are not counted as content). */
export type RemovalKind =
  | 'page-footer'
  | 'running-header'
  | 'page-number'
  | 'form-boilerplate'
  | 'table-of-contents'
  | 'footnote-marker';

/** A piece of the original text that cleaning removed, in original offsets. */
export interface Removal {
  kind: RemovalKind;
  start: number;
  end: number;
}

/** Kinds of edits cleaning makes, for counts and ingest warnings. */
export type ChangeKind =
  | 'characters'
  | 'whitespace'
  | 'line-spacing'
  | 'markup'
  | 'dehyphenation'
  | 'ocr-characters'
  | 'ocr-word-boundaries'
  | 'ocr-punctuation'
  | RemovalKind;

/** A heading taken from Markdown or HTML markup, in clean offsets; `text` is the heading without markup. */
export interface CleanHeading {
  start: number;
  end: number;
  /** 1 for "#" or <h1>, 2 for "##", and so on. */
  level: number;
  text: string;
}

/**
 * A cleaned document: the text structure detection and chunking read, the map back to the original that
 * every passage offset goes through, the headings found in markup, and an account of what was taken out.
 */
export interface CleanDocument extends OffsetText {
  /** Markup headings in document order, in clean offsets (`text.slice(start, end)` is the heading line). */
  headings: CleanHeading[];
  /** Content removed from the original (footers, boilerplate, contents lines, footnote markers), in order. */
  removed: Removal[];
  /** How many edits of each kind cleaning made; kinds with no edits are left out. */
  changes: { kind: ChangeKind; count: number }[];
}

/** What one cleaning step returns. */
export interface StepResult {
  text: OffsetText;
  /** Number of edits, counted under the step's kind. */
  count: number;
  removed?: Removal[];
}
