/**
 * Packing units into passages: roughly 60–250 words, never over the character limit, ending at sentence
 * boundaries, preferring section and paragraph breaks, never splitting a table row, and repeating a table's
 * column headers at the top of every passage cut from it.
 */
import type { PassageKind } from '../types.js';
import type { Unit } from './units.js';

/** Size limits for passages. */
export interface ChunkLimits {
  minWords: number;
  targetWords: number;
  maxWords: number;
  maxChars: number;
}

/** The limits the issue asks for: about 60–250 words, never longer than 1,500 characters. */
export const DEFAULT_LIMITS: ChunkLimits = { minWords: 60, targetWords: 170, maxWords: 250, maxChars: 1500 };

/** A passage before metadata is attached: its units, clean-text span and composed text. */
export interface PassageDraft {
  units: Unit[];
  section: string[];
  kind: PassageKind;
  start: number;
  end: number;
  text: string;
}

/**
 * A passage's text as its units are added one at a time, with what is needed to add the next unit and to count
 * words as `text.split(/\s+/).length` does: composing the whole passage anew for every candidate unit made
 * packing quadratic in the passage length.
 */
interface Composed {
  units: Unit[];
  text: string;
  /** The table header last written into the text. */
  header: string | undefined;
  /** Maximal runs of whitespace in `text`: its word count, as split on whitespace, is one more. */
  spaceRuns: number;
  /** Words of the units that are not headings. */
  contentWords: number;
}

const EMPTY: Composed = { units: [], text: '', header: undefined, spaceRuns: 0, contentWords: 0 };

/** Whether the UTF-16 unit `code` is whitespace as `\s` in a regular expression defines it. */
function isSpace(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Maximal runs of whitespace in `text` (counted, not matched: this runs for every unit of every passage). */
function spaceRuns(text: string): number {
  let runs = 0;
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i)) && (i === 0 || !isSpace(text.charCodeAt(i - 1)))) runs++;
  return runs;
}

/** `composed` with `piece` appended: two whitespace runs that meet become one. */
function extend(composed: Composed, piece: string): Pick<Composed, 'text' | 'spaceRuns'> {
  const merged = isSpace(composed.text.charCodeAt(composed.text.length - 1)) && isSpace(piece.charCodeAt(0)) ? 1 : 0;
  return { text: composed.text + piece, spaceRuns: composed.spaceRuns + spaceRuns(piece) - merged };
}

/** Adds a unit: a heading or table row on its own line, sentences of one block run on. */
function append(composed: Composed, unit: Unit): Composed {
  const previous = composed.units[composed.units.length - 1];
  let grown: Pick<Composed, 'text' | 'spaceRuns'> = composed;
  let header = composed.header;
  if (unit.kind === 'row' && unit.header && unit.header !== header) {
    grown = extend(composed, (composed.text ? '\n' : '') + unit.header);
    header = unit.header;
  }
  const sameLine = previous && previous.block === unit.block && unit.kind === 'sentence' && previous.kind === 'sentence';
  grown = extend({ ...composed, ...grown }, grown.text === '' ? unit.text : (sameLine ? ' ' : '\n') + unit.text);
  const contentWords = composed.contentWords + (unit.kind === 'heading' ? 0 : unit.words);
  return { units: [...composed.units, unit], ...grown, header, contentWords };
}

function compose(units: Unit[]): Composed {
  return units.reduce(append, EMPTY);
}

/** Composes passage text: a heading or table row on its own line, sentences of one block run on. */
export function composeText(units: Unit[]): string {
  return compose(units).text;
}

function kindOf(units: Unit[]): PassageKind {
  const rows = units.filter((u) => u.kind === 'row').length;
  const items = units.filter((u) => u.kind === 'item').length;
  if (rows * 2 >= units.length) return 'table';
  return items * 2 >= units.length ? 'list' : 'text';
}

function draft({ units, text }: Composed): PassageDraft {
  const first = units.find((u) => u.kind !== 'heading') ?? units[0];
  const last = units[units.length - 1];
  return {
    units,
    // The text's own section: after "Inhoudsopgave" with nothing under it, "Managementsamenvatting" names the text.
    section: first?.section ?? [],
    kind: kindOf(units),
    start: units[0]?.start ?? 0,
    end: last?.end ?? 0,
    text,
  };
}

function fits(composed: Composed, limits: ChunkLimits): boolean {
  return composed.spaceRuns + 1 <= limits.maxWords && composed.text.length <= limits.maxChars;
}

/** Decides whether `next` must or should start a new passage after `current` (which grows to `grown` if not). */
function breaksBefore(current: Composed, grown: Composed, next: Unit, limits: ChunkLimits): boolean {
  if (current.units.length === 0) return false;
  if (!fits(grown, limits)) return true;
  const words = current.contentWords;
  const last = current.units[current.units.length - 1] as Unit;
  // A lead-in ("De kernactiviteiten van WIJ Groningen zijn:") stays with what it introduces.
  if (last.kind !== 'heading' && last.text.endsWith(':')) return false;
  if (next.kind === 'heading') return words >= limits.minWords || last.kind !== 'heading' && words > 0 && sectionDepthChanges(last, next);
  const newBlock = next.block !== last.block;
  const tableEdge = (next.kind === 'row') !== (last.kind === 'row') && last.kind !== 'heading';
  if (newBlock && tableEdge && words >= limits.minWords / 2) return true;
  return newBlock && words >= limits.targetWords;
}

/** A heading of a different major section ends even a short passage; a minor heading may join it. */
function sectionDepthChanges(last: Unit, heading: Unit): boolean {
  return heading.section[0] !== last.section[0];
}

/** Packs units into passage drafts. */
export function chunkUnits(units: Unit[], limits: ChunkLimits = DEFAULT_LIMITS): PassageDraft[] {
  const drafts: PassageDraft[] = [];
  let current = EMPTY;
  for (const unit of units) {
    const grown = append(current, unit);
    if (!breaksBefore(current, grown, unit, limits)) {
      current = grown;
      continue;
    }
    drafts.push(draft(current));
    current = append(EMPTY, unit);
  }
  if (current.units.length > 0) drafts.push(draft(current));
  return mergeSmallTails(drafts, limits);
}

/** A short passage at the end of a section joins the one before it when both fit. */
function mergeSmallTails(drafts: PassageDraft[], limits: ChunkLimits): PassageDraft[] {
  const merged: PassageDraft[] = [];
  for (const next of drafts) {
    const previous = merged[merged.length - 1];
    const words = next.units.reduce((sum, unit) => sum + (unit.kind === 'heading' ? 0 : unit.words), 0);
    if (previous && words < limits.minWords / 2 && next.units[0]?.kind !== 'heading' && sameSection(previous, next)) {
      const grown = compose([...previous.units, ...next.units]);
      if (fits(grown, limits)) {
        merged[merged.length - 1] = draft(grown);
        continue;
      }
    }
    merged.push(next);
  }
  return merged;
}

function sameSection(a: PassageDraft, b: PassageDraft): boolean {
  return a.section.join('\u0000') === b.section.join('\u0000');
}
