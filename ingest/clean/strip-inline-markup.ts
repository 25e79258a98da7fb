/**
 * Inline Markdown and HTML left by document converters (corpus/004): emphasis markers, tags, links, horizontal
 * rules and entities. The words inside stay; only the markers go, each as its own small deletion so every
 * remaining character keeps its exact original offset.
 */
import type { Removal, StepResult } from './clean-types.js';
import { applyEdits, type Edit, type OffsetText } from './offset-text.js';

// Tags converters emit around text; other "<…>" (e.g. "< 1 jaar") is not markup.
const TAG = /<\/?(?:b|i|u|s|em|strong|mark|small|span|font|a|p|div|h[1-6]|sub|sup|br|hr|li|ul|ol)\b[^<>\n]*\/?>/gi;
// An inline footnote reference "<sup>1</sup>" after a word; at a line start it numbers the footnote itself.
const FOOTNOTE_REFERENCE = /(?<=\S)<sup>\s*(\d{1,3}|[*†‡]+)\s*<\/sup>/gi;
// **bold** / __bold__ within a paragraph.
const STRONG = /(\*\*|__)(?=\S)(?:(?!\1)[^\n]|\n(?!\n))+?(?<=\S)\1/g;
// *italic* / _italic_: the marker stands at a word edge on both sides, so "werker* en" or "a*b" never pair.
const EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?![\s*_])(?:(?!\1)[^\n]|\n(?!\n))+?(?<![\s\\*_])\1(?![\p{L}\p{N}*_])/gu;
// [text](target) and ![alt](target).
const LINK = /!?\[([^\]\n]+)\]\(([^()\s]*)\)/g;
const RULE_LINE = /^(?:[-*_][ \t]*){3,}$/gm;
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,6})|#x([0-9a-f]{1,6}));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function collect(text: string, pattern: RegExp, toEdits: (match: RegExpExecArray) => Edit[]): Edit[] {
  const edits: Edit[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) edits.push(...toEdits(match));
  return edits;
}

/** Deletes the `marker`-long markers at both ends of a match. */
function unwrap(match: RegExpExecArray, marker: number): Edit[] {
  const end = match.index + match[0].length;
  return [
    { start: match.index, end: match.index + marker, text: '' },
    { start: end - marker, end, text: '' },
  ];
}

function decodeEntity(match: RegExpExecArray): Edit[] {
  const [whole, name, decimal, hex] = match;
  const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : null;
  const text = name !== undefined ? (NAMED[name.toLowerCase()] ?? whole) : code !== null && code > 31 && code < 0x110000 ? String.fromCodePoint(code) : whole;
  return [{ start: match.index, end: match.index + whole.length, text }];
}

/** Drops edits that overlap an earlier one, so markers nested in odd ways never produce a conflict. */
function withoutOverlaps(edits: Edit[]): Edit[] {
  // At equal starts the longer edit wins: a footnote reference beats the "<sup>" tag it starts with.
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Edit[] = [];
  for (const edit of sorted) if (kept.length === 0 || edit.start >= (kept.at(-1) as Edit).end) kept.push(edit);
  return kept;
}

/** Removes inline markup; inline footnote references are recorded as removed content. */
export function stripInlineMarkup(source: OffsetText): StepResult {
  const text = source.text;
  const footnotes = collect(text, FOOTNOTE_REFERENCE, (m) => [{ start: m.index, end: m.index + m[0].length, text: '' }]);
  const edits = withoutOverlaps([
    ...footnotes,
    ...collect(text, TAG, (m) => [{ start: m.index, end: m.index + m[0].length, text: /^<br/i.test(m[0]) ? '\n' : '' }]),
    ...collect(text, STRONG, (m) => unwrap(m, 2)),
    ...collect(text, EMPHASIS, (m) => unwrap(m, 1)),
    ...collect(text, LINK, (m) => [
      { start: m.index, end: m.index + (m[0].startsWith('!') ? 2 : 1), text: '' },
      { start: m.index + m[0].length - (m[2] ?? '').length - 3, end: m.index + m[0].length, text: '' },
    ]),
    ...collect(text, RULE_LINE, (m) => [{ start: m.index, end: m.index + m[0].length, text: '' }]),
    ...collect(text, ENTITY, decodeEntity),
  ]);
  const removed: Removal[] = footnotes.map((edit) => ({
    kind: 'footnote-marker',
    start: source.toOriginal[edit.start] as number,
    end: source.toOriginal[edit.end] as number,
  }));
  return { text: applyEdits(source, edits), count: edits.length, removed };
}
