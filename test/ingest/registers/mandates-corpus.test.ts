import { describe, expect, it } from 'vitest';
import { extractMandates } from '../../../ingest/registers/mandates.js';
import type { RegisterRow } from '../../../ingest/types.js';
import { corpusDocuments } from '../corpus-passages.js';
import { mandateLabels, scoreMandates } from './mandate-scores.js';

type MandateRow = Extract<RegisterRow, { kind: 'mandates' }>;

describe('extractMandates on the five corpus documents', () => {
  const rows = corpusDocuments().flatMap((d) => extractMandates(d.passages, d.meta.documentId)) as MandateRow[];
  const labels = mandateLabels();

  it('finds at least 90% of the hand-labelled mandate sentences', () => {
    const { recall, missed } = scoreMandates(rows, labels);
    expect(recall, `missed: ${missed.map((l) => l.text).join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('gets actor and power right in at least 90% of its rows', () => {
    const { precision, wrong } = scoreMandates(rows, labels);
    expect(precision, `wrong: ${wrong.map((r) => `${r.actor}/${r.power}: ${r.source.text.slice(0, 80)}`).join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('cites every row with a span of its passage that holds the sentence', () => {
    const passages = new Map(corpusDocuments().flatMap((d) => d.passages).map((p) => [p.id, p]));
    for (const row of rows) {
      const passage = passages.get(row.source.passageId);
      expect(passage?.text.slice(row.source.start, row.source.end)).toBe(row.source.text);
      expect(row.source.page).toBe(passage?.page);
    }
  });
});
