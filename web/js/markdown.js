/**
 * Rendering the small Markdown subset answers use — paragraphs, "- " lists, *italic*, **bold** and citation
 * markers [n] — by building DOM nodes. No HTML parser is involved, so quoted document text stays text.
 */
import { append, h } from './dom.js';

/** @typedef {(n: number) => Node | null} MarkerRenderer */

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
 * Splits Markdown into blocks: lists of items and paragraphs. A line that does not start a list item continues
 * the item or paragraph above it; a blank line ends a block.
 * @param {string} markdown
 * @returns {{ kind: 'list' | 'paragraph', items: string[] }[]}
 */
export function parseBlocks(markdown) {
  /** @type {{ kind: 'list' | 'paragraph', items: string[] }[]} */
  const blocks = [];
  /** @type {{ kind: 'list' | 'paragraph', items: string[] } | null} */
  let open = null;
  for (const line of markdown.split(/\r?\n/)) {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
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
 */
export function renderMarkdown(markdown, marker) {
  const fragment = document.createDocumentFragment();
  for (const block of parseBlocks(markdown)) {
    if (block.kind === 'list') append(fragment, [h('ul', {}, block.items.map((item) => h('li', {}, renderInline(item, marker))))]);
    else append(fragment, [h('p', {}, renderInline(block.items[0] ?? '', marker))]);
  }
  return fragment;
}

/**
 * The answer as plain text for screen readers: Markdown emphasis removed, markers kept.
 * @param {string} markdown
 */
export function plainText(markdown) {
  return parseBlocks(markdown)
    .flatMap((block) => block.items)
    .map((line) => line.replace(/\*\*|\*/g, ''))
    .join(' ');
}
