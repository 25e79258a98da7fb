/**
 * Breaking blocks into the smallest pieces a passage may start or end at: sentences of paragraphs, list items,
 * table rows and headings. Offsets stay clean-text offsets.
 */
import type { Block } from '../structure/segment.js';
import { tableLayout, type TableLayout } from '../structure/table-layout.js';
import { splitSentences } from './sentences.js';

/** An indivisible piece of a passage. */
export interface Unit {
  kind: 'heading' | 'sentence' | 'item' | 'row';
  /** Index of the block the unit comes from; a new block is a paragraph boundary. */
  block: number;
  start: number;
  end: number;
  /** Text with whitespace collapsed. */
  text: string;
  words: number;
  section: string[];
  /** Table rows only: the table's column-header text. */
  header?: string;
  /** Table rows only: the layout of the row's table and the row's index in it. */
  table?: { layout: TableLayout; row: number };
}

const MAX_UNIT_WORDS = 120;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function unit(kind: Unit['kind'], blockIndex: number, block: Block, start: number, end: number, text: string): Unit {
  const collapsed = collapse(text);
  return { kind, block: blockIndex, start, end, text: collapsed, words: collapsed.split(' ').length, section: block.section };
}

/** Splits a long run of words into pieces of at most MAX_UNIT_WORDS, so no unit can overflow a passage. */
function splitLong(u: Unit, source: string): Unit[] {
  if (u.words <= MAX_UNIT_WORDS) return [u];
  const pieces: Unit[] = [];
  const pattern = /\S+/g;
  pattern.lastIndex = u.start;
  let pieceStart = -1;
  let pieceEnd = u.start;
  let count = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null && match.index < u.end) {
    if (pieceStart < 0) pieceStart = match.index;
    pieceEnd = match.index + match[0].length;
    if (++count === MAX_UNIT_WORDS) {
      pieces.push({ ...u, start: pieceStart, end: pieceEnd, text: collapse(source.slice(pieceStart, pieceEnd)), words: count });
      pieceStart = -1;
      count = 0;
    }
  }
  if (count > 0) pieces.push({ ...u, start: pieceStart, end: pieceEnd, text: collapse(source.slice(pieceStart, pieceEnd)), words: count });
  return pieces;
}

const CONTEXT_CHARS = 600;

/** The table block's layout, read with the lines above it (its caption, a "Bedragen x € 1.000" line). */
function layoutOf(block: Block, text: string, previous: TableLayout | undefined): TableLayout {
  const before = text.slice(Math.max(0, block.start - CONTEXT_CHARS), block.start).split(/[\n\f]/).map(collapse).filter((line) => line !== '').slice(-3);
  const rows = block.lines.map((line) => collapse(line.text));
  return tableLayout({ header: collapse(block.header ?? ''), headerAfter: block.headerAfter ?? false, rows, before, section: block.section, ...(previous ? { previous } : {}) });
}

/** Turns blocks into units, in document order. `text` is the clean text the blocks point into. */
export function blocksToUnits(blocks: Block[], text: string): Unit[] {
  const units: Unit[] = [];
  let previous: { layout: TableLayout; section: string } | undefined;
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      units.push(unit('heading', index, block, block.start, block.end, text.slice(block.start, block.end)));
    } else if (block.kind === 'table') {
      const section = block.section.join('\u0000');
      const layout = layoutOf(block, text, previous?.section === section ? previous.layout : undefined);
      previous = { layout, section };
      block.lines.forEach((row, i) => {
        units.push({ ...unit('row', index, block, row.start, row.end, row.text), header: block.header ?? '', table: { layout, row: i } });
      });
    } else {
      // Newlines become spaces of the same length, so sentence offsets stay clean-text offsets.
      const body = text.slice(block.start, block.end).replace(/[\n\f]/g, ' ');
      const kind = block.kind === 'list' ? 'item' : 'sentence';
      const spans = block.kind === 'list' && body.split(/\s+/).length <= MAX_UNIT_WORDS ? [{ start: 0, end: body.length }] : splitSentences(body);
      for (const span of spans) {
        const u = unit(kind, index, block, block.start + span.start, block.start + span.end, body.slice(span.start, span.end));
        units.push(...splitLong(u, text));
      }
    }
  });
  return units.filter((u) => u.text !== '');
}
