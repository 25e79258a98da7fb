import { describe, expect, it } from 'vitest';
import { readRow } from '../../../ingest/structure/table-cells.js';
import { headerColumns } from '../../../ingest/structure/table-columns.js';
import { tableLayout, tableLayouts, type TableSource } from '../../../ingest/structure/table-layout.js';

const source = (rows: string[], header = '', more: Partial<TableSource> = {}): TableSource =>
  ({ header, headerAfter: false, rows, before: [], section: ['Financiën'], ...more });

/** Each row as "label: column=text" pairs, for compact expectations. */
function cellsByColumn(rows: string[], header: string, more: Partial<TableSource> = {}): Record<string, Record<string, string>> {
  const layout = tableLayout(source(rows, header, more));
  return Object.fromEntries(layout.rows.flatMap((row) => (row ? [[row.label, Object.fromEntries(row.cells.map((cell) => [layout.columns[cell.column], cell.text]))]] : [])));
}

describe('readRow', () => {
  it('reads printed cells the Dutch way: "€ 1.234", "-", "n.v.t.", "-3.076", "(1.234)", "12,5%"', () => {
    const row = readRow('Kosten dagbesteding € 1.234 - n.v.t. -3.076 (1.234) 12,5%');
    expect(row.label).toBe('Kosten dagbesteding');
    expect(row.cells.map((cell) => [cell.text, cell.value])).toEqual([
      ['€ 1.234', 1234], ['-', null], ['n.v.t.', null], ['-3.076', -3076], ['(1.234)', -1234], ['12,5%', 12.5],
    ]);
  });

  it('keeps footnote marks with the label and reads amounts with a trailing euro sign', () => {
    const row = readRow('Buurtsport Zuid ** 16.500€ -€ 1.717€');
    expect(row.label).toBe('Buurtsport Zuid **');
    expect(row.cells.map((cell) => cell.value)).toEqual([16500, null, 1717]);
    for (const cell of row.cells) expect('Buurtsport Zuid ** 16.500€ -€ 1.717€'.slice(cell.start, cell.end)).toBe(cell.text);
  });
});

describe('headerColumns', () => {
  it('splits a header after every year', () => {
    expect(headerColumns('2024 Begroting 2024 2023', 3, false)).toEqual(['2024', 'Begroting 2024', '2023']);
  });

  it('puts the column words of a header printed after its rows back in the order tables print them', () => {
    const jumbled = 'Verschil Post Uitgaven 2024 jaarrekening Budget 2024 gemeente';
    expect(headerColumns(jumbled, 3, true)).toEqual(['Budget 2024 gemeente', 'Uitgaven 2024 jaarrekening', 'Verschil']);
  });

  it('keeps a number mark with its column and does not open a second column inside a phrase', () => {
    expect(headerColumns('Project 1. Nog te ontvangen 2. Terug te betalen', 2, false)).toEqual(['1. Nog te ontvangen', '2. Terug te betalen']);
  });

  it('gives a date its own column unless it says as of when', () => {
    expect(headerColumns('1-1-2024 Dotatie Onttrekking Vrijval 31-12-2024', 5, false)).toEqual(['1-1-2024', 'Dotatie', 'Onttrekking', 'Vrijval', '31-12-2024']);
    expect(headerColumns('Begroting 2024 Saldo per 31-12-2024', 2, false)).toEqual(['Begroting 2024', 'Saldo per 31-12-2024']);
  });

  it('gives no columns when the header does not split into as many as the rows have', () => {
    expect(headerColumns('2024 2023', 3, false)).toBeUndefined();
  });
});

describe('tableLayout', () => {
  it('names columns from the header and gives each cell the year of its column', () => {
    const layout = tableLayout(source(['Huur 1.200 1.000 950', 'Energie 300 250 -'], '2024 Begroting 2024 2023'));
    expect(layout.columns).toEqual(['2024', 'Begroting 2024', '2023']);
    expect(layout.years).toEqual([2024, 2024, 2023]);
    expect(layout.rows[1]?.cells.map((cell) => [cell.column, cell.value])).toEqual([[0, 300], [1, 250], [2, null]]);
  });

  it('places a row that lacks a cell where the column sums meet the totals row', () => {
    const rows = ['Alfa 100€ 90€ -€ 10€', 'Beta 50€ 40€ 10€', 'Gamma 30€ 35€ 5€ -€', 'Totaal 180€ 165€ 5€ 20€'];
    const cells = cellsByColumn(rows, 'Toegekend 2024 Besteed 2024 Nog te ontvangen Te verrekenen');
    expect(cells.Beta).toEqual({ 'Toegekend 2024': '50€', 'Besteed 2024': '40€', 'Te verrekenen': '10€' });
  });

  it('fills the last columns with the figures of a short row when no totals row decides', () => {
    const cells = cellsByColumn(['Huur 1 2 3 4', 'Energie 5 6', 'Water 7 8 9 10'], '2021 2022 2023 2024');
    expect(cells.Energie).toEqual({ 2023: '5', 2024: '6' });
  });

  it('reads "- 1.655" as one negative figure when that fits the columns, and leading extra figures as the label', () => {
    const layout = tableLayout(source(['Opbrengst - 1.655 - 2.540 - 3.940', 'Taak 140 1.805 4.420 4.520', 'Jonger dan 25 8 7 15 10'], '2021 2022 2023 2024'));
    expect(layout.rows[0]?.cells.map((cell) => [layout.columns[cell.column], cell.value])).toEqual([['2022', -1655], ['2023', -2540], ['2024', -3940]]);
    expect(layout.rows[2]?.label).toBe('Jonger dan 25');
  });

  it('splits a table whose second part has its own header row, each part under its own columns', () => {
    const places = tableLayouts(source(['ACTIVA 2024 2023', 'Debiteuren 28.350 76.151', 'Totaal activa 28.350 76.151', 'BATEN 2024 Begroting 2024 2023', 'Subsidie 33.702 31.642 30.969']));
    const last = places[4];
    expect(places[1]?.layout.columns).toEqual(['2024', '2023']);
    expect(last?.layout.columns).toEqual(['2024', 'Begroting 2024', '2023']);
    expect(last?.layout.rows[last.row]?.cells.map((cell) => cell.text)).toEqual(['33.702', '31.642', '30.969']);
    expect(last?.layout.caption).toBe('BATEN');
  });

  it('pairs a line of column words above a header of years, and keeps the rest of that line as the caption', () => {
    const layout = tableLayout(source(['Baten Rijk 2.247 2.207 2.084', 'Baten gemeenten 1.662 1.662 1.614'], '2023 2023 2022', { before: ['Baten en lasten Realisatie Begroting Realisatie'] }));
    expect(layout.columns).toEqual(['Realisatie 2023', 'Begroting 2023', 'Realisatie 2022']);
    expect(layout.caption).toBe('Baten en lasten');
  });

  it('takes a row of years inside the table as its header, and the unit from the line above', () => {
    const layout = tableLayout(source(['ACTIVA 2024 2023', 'Debiteuren 28.350 76.151', 'Liquide middelen 4.470 5.769'], '', { before: ['Balans (bedragen x € 1.000)'] }));
    expect(layout.rows[0]).toBeNull();
    expect(layout.columns).toEqual(['2024', '2023']);
    expect(layout.unit).toBe('bedragen x € 1.000');
  });

  it('gives the one year a header names to the columns that name none', () => {
    const layout = tableLayout(source(['Alfa 10 8 2', 'Beta 5 5 -'], 'Budget 2024 Besteed Verschil'));
    expect(layout.columns).toEqual(['Budget 2024', 'Besteed', 'Verschil']);
    expect(layout.years).toEqual([2024, 2024, 2024]);
  });

  it('names the columns of a table without header by position and takes "%" from its cells', () => {
    const layout = tableLayout(source(['Tevreden 76% 77%', 'Snel geholpen 70% 77%']));
    expect(layout.columns).toEqual(['kolom 1', 'kolom 2']);
    expect(layout.unit).toBe('%');
  });
});
