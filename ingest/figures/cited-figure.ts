/**
 * Register values with where they stand: a span of a passage, and a figure (a table cell or an amount in a
 * sentence) with its value, unit and column.
 */
import type { Passage, RegisterFigure, RegisterSource, TableCell } from '../types.js';

/** The span [start, end) of a passage's text as a register source. */
export function passageSpan(passage: Passage, start: number, end: number): RegisterSource {
  return { passageId: passage.id, documentId: passage.documentId, page: passage.page, start, end, text: passage.text.slice(start, end) };
}

/** A table cell as a register figure, in the table's unit and under its column. */
export function cellFigure(passage: Passage, cell: TableCell): RegisterFigure {
  return { ...passageSpan(passage, cell.start, cell.end), value: cell.value, unit: passage.table?.unit ?? null, column: cell.column };
}

/** An amount in a sentence as a register figure. */
export function amountFigure(passage: Passage, amount: { start: number; end: number; value: number | null; unit: string | null }, column: string | null): RegisterFigure {
  return { ...passageSpan(passage, amount.start, amount.end), value: amount.value, unit: amount.unit, column };
}

/** A document's passages in reading order. */
export function documentPassages(passages: Passage[], documentId: string): Passage[] {
  return passages.filter((passage) => passage.documentId === documentId).sort((a, b) => a.ordinal - b.ordinal);
}
