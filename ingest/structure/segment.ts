/**
 * Segmenting clean text into blocks — headings, paragraphs, list items and tables — each carrying the
 * section path it falls under. This is the structure the chunker cuts passages from.
 */
import { detectHeadings, type Heading, type MarkupHeading } from './headings.js';
import { isBlank, isListItem, splitLines, type Line } from './lines.js';
import { sectionTracker } from './section-path.js';
import { detectTables, type TableBlock } from './tables.js';

/** A structural block; offsets are clean-text offsets. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'list' | 'table';
  start: number;
  end: number;
  /** The block's lines (for tables: the rows). */
  lines: Line[];
  /** Section path in force for this block (for a heading: the path it opens). */
  section: string[];
  /** Table only: column-header text to repeat with every passage. */
  header?: string;
  /** Table only: the header was printed after the rows. */
  headerAfter?: boolean;
}

/** The clean document as structure detection needs it. */
export interface StructureInput {
  text: string;
  headings: MarkupHeading[];
}

/** Cuts clean text into blocks under their section paths. */
export function segmentDocument(input: StructureInput): Block[] {
  const lines = splitLines(input.text);
  const headings = new Map<number, Heading>(detectHeadings(lines, input.headings).map((h) => [h.lineIndex, h]));
  const tables = new Map<number, TableBlock>(detectTables(lines, (i) => headings.has(i)).map((t) => [t.first, t]));
  const sections = sectionTracker();
  const blocks: Block[] = [];
  let open: Block | undefined;
  const close = () => {
    if (open) blocks.push(open);
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const heading = headings.get(i);
    const table = tables.get(i);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', start: line.start, end: line.end, lines: [line], section: sections.enter(heading) });
    } else if (table) {
      close();
      const last = lines[table.last] as Line;
      blocks.push({ kind: 'table', start: line.start, end: last.end, lines: table.rows, section: sections.current(), header: table.header, headerAfter: table.headerAfter });
      i = table.last;
    } else if (isBlank(line)) {
      close();
    } else if (isListItem(line.text) || !open) {
      close();
      open = { kind: isListItem(line.text) ? 'list' : 'paragraph', start: line.start, end: line.end, lines: [line], section: sections.current() };
    } else {
      open.lines.push(line);
      open.end = line.end;
    }
  }
  close();
  return blocks;
}
