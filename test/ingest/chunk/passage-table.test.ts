import { beforeAll, describe, expect, it } from 'vitest';
import { buildPassages } from '../../../ingest/chunk/build-passages.js';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadFile } from '../../../ingest/load/load-file.js';
import { fromPassageRow, toPassageRow } from '../../../ingest/store/rows.js';
import type { Passage, TableRow } from '../../../ingest/types.js';
import { pdfBytes } from '../../support/fixtures.js';
import { corpusDocument } from '../corpus-passages.js';

const tablePassages = (passages: Passage[]) => passages.filter((passage) => passage.table);

/** Every row, cell and label of every table passage points at its own text in the passage. */
function expectOffsetsHold(passages: Passage[]): void {
  for (const passage of tablePassages(passages)) {
    for (const row of passage.table?.rows ?? []) {
      expect(passage.text.slice(row.start, row.end)).toContain(row.label);
      for (const cell of row.cells) {
        expect(passage.text.slice(cell.start, cell.end)).toBe(cell.text);
        expect(passage.table?.columns).toContain(cell.column);
      }
    }
  }
}

const cellsOf = (row: TableRow | undefined) => Object.fromEntries((row?.cells ?? []).map((cell) => [cell.column, [cell.text, cell.year]]));

describe('passage tables of the annual report (corpus/001)', () => {
  const passages = corpusDocument('001').passages;
  const annex = tablePassages(passages).filter((passage) => passage.table?.columns.some((column) => column.startsWith('Beschikking')));
  const rows = annex.flatMap((passage) => passage.table?.rows ?? []);
  const row = (label: string) => rows.find((r) => r.label === label);

  it('gives every table passage its structure, with offsets into the passage text', () => {
    for (const passage of passages.filter((p) => p.kind === 'table')) expect(passage.table, passage.text.slice(0, 80)).toBeDefined();
    // The header above a group label that looks like a heading ("Subsidie gemeente Groningen") still heads the rows.
    const income = passages.find((p) => p.text.includes('Subsidie voorinvestering Basis-jeugdhulp 2.060.871'));
    expect(cellsOf(income?.table?.rows.find((r) => r.label === 'Subsidie voorinvestering Basis-jeugdhulp'))).toEqual({ 2022: ['2.060.871', 2022], 'Begroting 2022': ['-', 2022], 2021: ['-', 2021] });
    expectOffsetsHold(passages);
  });

  it('puts the annex columns printed after the rows back in their order, with the year of the grant', () => {
    expect(annex[0]?.table?.columns).toEqual(['Beschikking 2022 gemeente', 'Subsidiekosten 2022 jaarrekening', '1. Nog te ontvangen subsidie', '2. Te verrekenen subsidie']);
    expect(annex[0]?.table?.unit).toBe('€');
    expect(cellsOf(row('School als Wijk'))).toEqual({
      'Beschikking 2022 gemeente': ['734.060€', 2022], 'Subsidiekosten 2022 jaarrekening': ['734.002€', 2022],
      '1. Nog te ontvangen subsidie': ['-€', 2022], '2. Te verrekenen subsidie': ['58€', 2022],
    });
  });

  it('places the cells of a row that lacks one so the columns add up to the totals row', () => {
    const short = rows.filter((r) => r.cells.length === 3);
    expect(short.length).toBeGreaterThan(0);
    const total = row('Totaal');
    const columns = annex[0]?.table?.columns ?? [];
    columns.forEach((column, i) => {
      const sum = rows.filter((r) => r !== total).reduce((s, r) => s + (r.cells.find((c) => c.column === column)?.value ?? 0), 0);
      // The printed totals are rounded: one euro apart at most.
      expect(Math.abs(sum - (total?.cells[i]?.value ?? 0)), column).toBeLessThanOrEqual(1);
    });
  });

  it('names the columns of the cost table from its header "2022 Begroting 2022 2021"', () => {
    const brutolonen = tablePassages(passages).flatMap((p) => p.table?.rows ?? []).find((r) => r.label === 'Brutolonen');
    expect(cellsOf(brutolonen)).toEqual({ 2022: ['22.691.664', 2022], 'Begroting 2022': ['19.357.000', 2022], 2021: ['19.903.857', 2021] });
  });

  it('keeps the table through a stored row', () => {
    const passage = annex[0] as Passage;
    expect(fromPassageRow({ ...toPassageRow(passage, '', [0], 'model') })).toEqual(passage);
    const text = passages.find((p) => !p.table) as Passage;
    expect(fromPassageRow({ ...toPassageRow(text, '', [0], 'model') })).toEqual(text);
  });
});

describe('passage tables of a real PDF with year columns (overijssel_jaarstukken_2023.pdf)', () => {
  let passages: Passage[] = [];
  beforeAll(async () => {
    const loaded = await loadFile(pdfBytes('nl/overijssel_jaarstukken_2023.pdf'), 'overijssel_jaarstukken_2023.pdf');
    const meta = { documentId: 'overijssel', source: 'overijssel_jaarstukken_2023.pdf', title: 'Jaarstukken 2023', docType: 'jaarverslag', date: null, year: 2023, organisation: null, metadataSource: 'inferred' as const };
    passages = buildPassages(meta, cleanDocument(loaded), loaded.pages);
  }, 240_000);

  it('pairs the column words above the years: realisation and budget of 2023 and the realisation of 2022', () => {
    const table = tablePassages(passages).find((passage) => passage.table?.caption === 'Baten en Lasten')?.table;
    expect(table?.columns).toEqual(['Realisatie 2023', 'Begroting 2023', 'Realisatie 2022']);
    const first = table?.rows.find((r) => r.cells.length === 3);
    expect(first?.label).toBe('Baten GR Rijk');
    expect(first?.cells.map((cell) => [cell.column, cell.year, cell.text])).toEqual([['Realisatie 2023', 2023, '2.247'], ['Begroting 2023', 2023, '2.207'], ['Realisatie 2022', 2022, '2.084']]);
  });

  it('gives every table passage cells under named columns, each pointing at its text', () => {
    const tables = tablePassages(passages);
    expect(tables.length).toBeGreaterThanOrEqual(10);
    expectOffsetsHold(passages);
    const dated = tables.flatMap((p) => p.table?.rows ?? []).flatMap((r) => r.cells).filter((cell) => cell.year !== null);
    expect(dated.length).toBeGreaterThan(100);
  });
});
