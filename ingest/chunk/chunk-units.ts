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

/** Composes passage text: a heading or table row on its own line, sentences of one block run on. */
export function composeText(units: Unit[]): string {
  let text = '';
  let header: string | undefined;
  units.forEach((unit, i) => {
    const previous = units[i - 1];
    if (unit.kind === 'row' && unit.header && unit.header !== header) {
      text += (text ? '\n' : '') + unit.header;
      header = unit.header;
    }
    const sameLine = previous && previous.block === unit.block && unit.kind === 'sentence' && previous.kind === 'sentence';
    text += text === '' ? unit.text : (sameLine ? ' ' : '\n') + unit.text;
  });
  return text;
}

function size(units: Unit[]): { words: number; chars: number } {
  const text = composeText(units);
  return { words: text.split(/\s+/).length, chars: text.length };
}

function kindOf(units: Unit[]): PassageKind {
  const rows = units.filter((u) => u.kind === 'row').length;
  const items = units.filter((u) => u.kind === 'item').length;
  if (rows * 2 >= units.length) return 'table';
  return items * 2 >= units.length ? 'list' : 'text';
}

function draft(units: Unit[]): PassageDraft {
  const first = units.find((u) => u.kind !== 'heading') ?? units[0];
  const last = units[units.length - 1];
  return {
    units,
    // The text's own section: after "Inhoudsopgave" with nothing under it, "Managementsamenvatting" names the text.
    section: first?.section ?? [],
    kind: kindOf(units),
    start: units[0]?.start ?? 0,
    end: last?.end ?? 0,
    text: composeText(units),
  };
}

function contentWords(units: Unit[]): number {
  return units.filter((u) => u.kind !== 'heading').reduce((sum, u) => sum + u.words, 0);
}

/** Decides whether `next` must or should start a new passage after `current`. */
function breaksBefore(current: Unit[], next: Unit, limits: ChunkLimits): boolean {
  if (current.length === 0) return false;
  const grown = size([...current, next]);
  if (grown.words > limits.maxWords || grown.chars > limits.maxChars) return true;
  const words = contentWords(current);
  const last = current[current.length - 1] as Unit;
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
  let current: Unit[] = [];
  for (const unit of units) {
    if (breaksBefore(current, unit, limits)) {
      drafts.push(draft(current));
      current = [];
    }
    current.push(unit);
  }
  if (current.length > 0) drafts.push(draft(current));
  return mergeSmallTails(drafts, limits);
}

/** A short passage at the end of a section joins the one before it when both fit. */
function mergeSmallTails(drafts: PassageDraft[], limits: ChunkLimits): PassageDraft[] {
  const merged: PassageDraft[] = [];
  for (const next of drafts) {
    const previous = merged[merged.length - 1];
    const words = contentWords(next.units);
    if (previous && words < limits.minWords / 2 && next.units[0]?.kind !== 'heading' && sameSection(previous, next)) {
      const units = [...previous.units, ...next.units];
      const grown = size(units);
      if (grown.words <= limits.maxWords && grown.chars <= limits.maxChars) {
        merged[merged.length - 1] = draft(units);
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
