/**
 * Breaking blocks into the smallest pieces a passage may start or end at: sentences of paragraphs, list items,
 * table rows and headings. Offsets stay clean-text offsets.
 */
import type { Block } from '../structure/segment.js';
import { tableLayouts, type RowPlace, type TableLayout } from '../structure/table-layout.js';
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
  table?: RowPlace;
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
function layoutOf(block: Block, text: string, previous: TableLayout | undefined): RowPlace[] {
  const before = text.slice(Math.max(0, block.start - CONTEXT_CHARS), block.start).split(/[\n\f]/).map(collapse).filter((line) => line !== '').slice(-3);
  const rows = block.lines.map((line) => collapse(line.text));
  return tableLayouts({ header: collapse(block.header ?? ''), headerAfter: block.headerAfter ?? false, rows, before, section: block.section, ...(previous ? { previous } : {}) });
}

const MAX_LABEL_WORDS = 7;

function isShortLabel(block: Block, text: string): boolean {
  return block.lines.length === 1 && text.slice(block.start, block.end).trim().split(/\s+/).length <= MAX_LABEL_WORDS;
}

/** Turns blocks into units, in document order. `text` is the clean text the blocks point into. */
export function blocksToUnits(blocks: Block[], text: string): Unit[] {
  const units: Unit[] = [];
  // The table just before: in the same section, or with only headings and short labels between ("BEDRIJFSLASTEN").
  let previous: { layout: TableLayout; section: string; adjacent: boolean } | undefined;
  blocks.forEach((block, index) => {
    const section = block.section.join('\u0000');
    if (previous && block.kind !== 'table' && block.kind !== 'heading' && !isShortLabel(block, text)) previous.adjacent = false;
    if (block.kind === 'heading') {
      units.push(unit('heading', index, block, block.start, block.end, text.slice(block.start, block.end)));
    } else if (block.kind === 'table') {
      const places = layoutOf(block, text, previous && (previous.adjacent || previous.section === section) ? previous.layout : undefined);
      const last = places[places.length - 1];
      if (last) previous = { layout: last.layout, section, adjacent: true };
      block.lines.forEach((row, i) => {
        const place = places[i];
        units.push({ ...unit('row', index, block, row.start, row.end, row.text), header: block.header ?? '', ...(place ? { table: place } : {}) });
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
