/**
 * Scoring the mandates extractor against the hand-labelled sentences of test/fixtures/registers/mandate-labels.json:
 * recall is the share of labelled sentences with at least one correct row, precision the share of rows that
 * stand in a labelled sentence with an actor and power the label allows.
 */
import { readFileSync } from 'node:fs';
import type { RegisterRow } from '../../../ingest/types.js';

/** A labelled sentence: a distinctive piece of it and the actor/power pairs a correct row may have. */
export interface MandateLabel {
  document: string;
  text: string;
  pairs: [string, string][];
}

type MandateRow = Extract<RegisterRow, { kind: 'mandates' }>;

/** The labelled sentences. */
export function mandateLabels(): MandateLabel[] {
  const url = new URL('../../fixtures/registers/mandate-labels.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { sentences: MandateLabel[] }).sentences;
}

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Recall, precision, and the rows and labels that missed, for a look when a score drops. */
export function scoreMandates(rows: MandateRow[], labels: MandateLabel[]) {
  const labelOf = (row: MandateRow) => labels.find((l) => l.document === row.documentId && squash(row.source.text).includes(squash(l.text)));
  const correct = (row: MandateRow) => labelOf(row)?.pairs.some(([actor, power]) => actor === row.actor && power === row.power) ?? false;
  const right = rows.filter(correct);
  const found = labels.filter((label) => right.some((row) => labelOf(row) === label));
  return {
    recall: found.length / labels.length,
    precision: right.length / rows.length,
    wrong: rows.filter((row) => !correct(row)),
    missed: labels.filter((label) => !found.includes(label)),
  };
}
