/**
 * Rendering the small Markdown subset answers use — paragraphs, "- " lists, pipe tables, *italic*, **bold** (the
 * direct answer) and citation markers [n] — by building DOM nodes. No HTML parser is involved, so quoted
 * document text stays text.
 */
import { append, h } from './dom.js';
import { isDelimiterRow, isPipeRow, parsePipeTable } from './tables/pipe-table.js';
import { pipeTableElement } from './tables/table-frame.js';

/** @typedef {(n: number) => Node | null} MarkerRenderer */
/** @typedef {import('./tables/pipe-table.js').PipeTable} PipeTable */
/** @typedef {{ kind: 'list' | 'paragraph', items: string[] } | { kind: 'table', items: string[], table: PipeTable }} Block */
/** Renders the index-th table of an answer; null falls back to the table as written. */
/** @typedef {(table: PipeTable, index: number) => Node | null} TableRenderer */

// Bold before italic so "**x**" is not read as two italics; a marker is one to three digits in brackets.
const INLINE = /\*\*(?=\S)([\s\S]+?)(?<=\S)\*\*|\*(?=[^\s*])([^*]+?)(?<=\S)\*|\[(\d{1,3})\]/g;

/**
 * Inline content: text with bold, italic and markers.
 * @param {string} text
 * @param {MarkerRenderer} marker
 * @returns {Node[]}
 */
export function renderInline(text, marker) {
  /** @type {Node[]} */
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push(document.createTextNode(text.slice(last, index)));
    if (match[1] !== undefined) nodes.push(h('strong', {}, renderInline(match[1], marker)));
    else if (match[2] !== undefined) nodes.push(h('em', {}, renderInline(match[2], marker)));
    else nodes.push(marker(Number(match[3])) ?? document.createTextNode(match[0]));
    last = index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/**
 * Splits Markdown into blocks: lists of items, pipe tables and paragraphs. A line that does not start a list
 * item continues the item or paragraph above it; a blank line ends a block. A table starts at a row followed by
 * its delimiter row ("|---|") and runs while lines are rows.
 * @param {string} markdown
 * @returns {Block[]}
 */
export function parseBlocks(markdown) {
  /** @type {Block[]} */
  const blocks = [];
  /** @type {{ kind: 'list' | 'paragraph', items: string[] } | null} */
  let open = null;
  const lines = markdown.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (isPipeRow(line) && isDelimiterRow(lines[index + 1] ?? '')) {
      let end = index + 2;
      while (end < lines.length && isPipeRow(lines[end] ?? '')) end += 1;
      const rows = lines.slice(index, end);
      blocks.push({ kind: 'table', items: [rows[0] ?? '', ...rows.slice(2)].map((row) => row.trim()), table: parsePipeTable(rows) });
      open = null;
      index = end - 1;
    } else if (line.trim() === '') {
      open = null;
    } else if (item) {
      if (open?.kind !== 'list') blocks.push((open = { kind: 'list', items: [] }));
      open.items.push(item[1] ?? '');
    } else if (open) {
      open.items[open.items.length - 1] += ` ${line.trim()}`;
    } else {
      blocks.push((open = { kind: 'paragraph', items: [line.trim()] }));
    }
  }
  return blocks;
}

/**
 * Renders answer Markdown into a fragment.
 * @param {string} markdown
 * @param {MarkerRenderer} marker renders citation n, or null to keep "[n]" as text
 * @param {TableRenderer} [table] renders a table from richer data (the answer's structured tables)
 */
export function renderMarkdown(markdown, marker, table = () => null) {
  const fragment = document.createDocumentFragment();
  let tables = 0;
  for (const block of parseBlocks(markdown)) {
    if (block.kind === 'table') {
      const index = tables++;
      append(fragment, [table(block.table, index) ?? pipeTableElement(block.table, (text) => renderInline(text, marker))]);
    } else if (block.kind === 'list') append(fragment, [h('ul', {}, block.items.map((item) => h('li', {}, renderInline(item, marker))))]);
    else {
      const text = block.items[0] ?? '';
      append(fragment, [h('p', { class: DIRECT_ANSWER.test(text) ? 'direct-answer' : undefined }, renderInline(text, marker))]);
    }
  }
  return fragment;
}

/** A paragraph of bold text and markers only: the direct answer an answer opens with ("**€ 4.470.460** [1]"). */
const DIRECT_ANSWER = /^\*\*(?=\S)[^*]+(?<=\S)\*\*(?:\s*\[\d{1,3}\])*\s*$/;

/** How many pipe tables the answer text holds. @param {string} markdown */
export function countTables(markdown) {
  return parseBlocks(markdown).filter((block) => block.kind === 'table').length;
}

/**
 * The answer as plain text for screen readers: Markdown emphasis removed, markers kept, table rows as cells
 * separated by semicolons.
 * @param {string} markdown
 */
export function plainText(markdown) {
  return parseBlocks(markdown)
    .flatMap((block) => (block.kind === 'table' ? [block.table.header, ...block.table.rows].map((cells) => cells.filter(Boolean).join('; ')) : block.items))
    .map((line) => line.replace(/\*\*|\*/g, ''))
    .join(' ');
}
