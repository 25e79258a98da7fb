import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPassages } from '../../../ingest/chunk/build-passages.js';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadFile } from '../../../ingest/load/load-file.js';
import { extractMandates } from '../../../ingest/registers/mandates.js';
import type { DocumentMeta, RegisterRow } from '../../../ingest/types.js';
import { pdfBytes } from '../../support/fixtures.js';
import { scoreMandates, type MandateLabel } from './mandate-scores.js';

type MandateRow = Extract<RegisterRow, { kind: 'mandates' }>;

const FILES = ['denhelder_besluitenlijst_2015', 'overijssel_jaarstukken_2023'];

/** A PDF through the real load, clean and chunk steps. */
async function mandatesOf(name: string): Promise<MandateRow[]> {
  const loaded = await loadFile(pdfBytes(`nl/${name}.pdf`), `${name}.pdf`);
  const meta: DocumentMeta = { documentId: name, source: `${name}.pdf`, title: name, docType: 'onbekend', date: null, year: null, organisation: null, metadataSource: 'inferred' };
  const passages = buildPassages(meta, cleanDocument(loaded), loaded.pages);
  return extractMandates(passages, name) as MandateRow[];
}

describe('extractMandates on documents of other public bodies (real PDFs)', () => {
  let rows: MandateRow[];
  const labels = (JSON.parse(readFileSync(new URL('../../fixtures/registers/mandate-labels-other.json', import.meta.url), 'utf8')) as { sentences: MandateLabel[] }).sentences;

  beforeAll(async () => {
    rows = (await Promise.all(FILES.map(mandatesOf))).flat();
  }, 120_000);

  it('finds at least 90% of their hand-labelled mandate sentences, with bodies such as an algemeen bestuur', () => {
    const { recall, missed } = scoreMandates(rows, labels);
    expect(recall, `missed: ${missed.map((l) => l.text).join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    expect(rows.some((row) => row.actor === 'algemeen bestuur' && row.power === 'stelt vast')).toBe(true);
  });

  it('gets actor and power right in at least 90% of its rows', () => {
    const { precision, wrong } = scoreMandates(rows, labels);
    expect(precision, `wrong: ${wrong.map((r) => `${r.actor}/${r.power}: ${r.source.text.slice(0, 80)}`).join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
