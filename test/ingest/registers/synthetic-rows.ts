/**
 * Register rows of all three kinds made up for one passage: the storage, merge and route tests need deelopdrachten
 * and budgets rows before their extractors exist, and rows whose values they control.
 */
import type { Passage, RegisterFigure, RegisterRow, RegisterSource } from '../../../ingest/types.js';

/** A source span over the first occurrence of `text` in the passage (or its start when absent). */
export function spanOf(passage: Passage, text: string): RegisterSource {
  const start = Math.max(0, passage.text.indexOf(text));
  return { passageId: passage.id, documentId: passage.documentId, page: passage.page, start, end: start + text.length, text: passage.text.slice(start, start + text.length) };
}

/** A figure printed as `printed` (read the Dutch way), cited to the passage. */
export function figure(passage: Passage, printed: string, column: string, unit: string | null = '€'): RegisterFigure {
  return { ...spanOf(passage, printed), text: printed, value: Number(printed.replace(/\./g, '').replace(',', '.')), unit, column };
}

/** One row of each kind for `passage`. */
export function syntheticRegisterRows(passage: Passage): RegisterRow[] {
  const documentId = passage.documentId;
  return [
    {
      kind: 'deelopdrachten', documentId, number: '7', name: 'Buurtkracht Noord', period: '2022-2023', year: 2022, area: 'Noord',
      granted: figure(passage, '120.000', 'Toegekend'), spent: figure(passage, '80.500', 'Besteed'), toReceive: null, toSettle: null,
      source: spanOf(passage, passage.text.slice(0, 20)),
    },
    { kind: 'budgets', documentId, subject: 'Reguliere opdracht', year: 2022, figure: figure(passage, '31.642.000', 'Begroting 2022') },
    { kind: 'mandates', documentId, actor: 'college', power: 'benoemt', object: 'de secretaris', source: spanOf(passage, passage.text.slice(0, 30)) },
  ];
}
