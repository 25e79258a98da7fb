import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDeelopdrachten } from '../../../ingest/registers/deelopdrachten.js';
import type { Passage, RegisterFigure, RegisterRow } from '../../../ingest/types.js';
import { corpusDir, corpusDocument } from '../corpus-passages.js';
import { syntheticPassages } from './synthetic-document.js';

type Deelopdracht = Extract<RegisterRow, { kind: 'deelopdrachten' }>;

const deelopdrachten = (passages: Passage[], documentId: string) =>
  extractDeelopdrachten(passages, documentId).filter((row): row is Deelopdracht => row.kind === 'deelopdrachten');

interface PrintedRow {
  name: string;
  cells: [string | null, string | null, string | null, string | null];
}

const euros = (text: string | null) => (text === null ? 0 : Number(text.replace(/[€.]/g, '').replace(/^-$/, '0')) || 0);

/**
 * The annex of deelopdrachten read straight from the file, without the ingest code: every line with euro amounts
 * after the annex heading, up to the totals line. A row with three amounts lacks one of the middle two columns;
 * granted − spent = to settle − to receive tells which.
 */
function printedAnnex(): { rows: PrintedRow[]; totals: string[] } {
  const lines = readFileSync(path.join(corpusDir, '001_9e23d01a41b8f33e.txt'), 'utf8').split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  const start = lines.findIndex((line) => line === 'Bijlage 1. Deelopdrachten');
  const rows: PrintedRow[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^(.*?)((?: -?[\d.]*€)+)$/.exec(line);
    if (!match) continue;
    const amounts = (match[2] as string).trim().split(' ');
    if ((match[1] as string).startsWith('Totaal')) return { rows, totals: amounts };
    const name = (match[1] as string).replace(/[\s*]+$/, '');
    if (amounts.length === 4) rows.push({ name, cells: amounts as PrintedRow['cells'] });
    else {
      const [granted = '', spent = '', last = ''] = amounts;
      const settles = euros(granted) - euros(spent) === euros(last);
      rows.push({ name, cells: settles ? [granted, spent, null, last] : [granted, spent, last, null] });
    }
  }
  throw new Error('The annex has no totals line.');
}

const text = (figure: RegisterFigure | null) => figure?.text ?? null;
const key = (name: string, cells: (string | null)[]) => JSON.stringify([name, ...cells]);

describe('extractDeelopdrachten on the annual report (corpus/001)', () => {
  const document = corpusDocument('001');
  const rows = deelopdrachten(document.passages, document.meta.documentId);
  const isTableRow = (row: Deelopdracht) => document.passages.find((p) => p.id === row.source.passageId)?.table?.rows.some((r) => r.start === row.source.start);
  const fromTables = rows.filter(isTableRow);
  const annex = printedAnnex();

  it('finds every row of the annex with its four amounts exactly as printed, and nothing else (precision and recall 1.0)', () => {
    const extracted = fromTables.map((row) => key(row.name, [text(row.granted), text(row.spent), text(row.toReceive), text(row.toSettle)]));
    const printed = annex.rows.map((row) => key(row.name, row.cells));
    const matched = extracted.filter((entry) => printed.includes(entry));
    expect(printed).toHaveLength(59);
    expect(matched.length / extracted.length).toBe(1);
    expect(matched.length / printed.length).toBe(1);
  });

  it('adds up to the printed totals: 4.897.657 granted and 4.614.341 spent, 59 deelopdrachten of 2022', () => {
    const sum = (pick: (row: Deelopdracht) => RegisterFigure | null) => fromTables.reduce((total, row) => total + (pick(row)?.value ?? 0), 0);
    expect(annex.totals.slice(0, 2)).toEqual(['4.897.657€', '4.614.341€']);
    expect(sum((row) => row.granted)).toBe(4_897_657);
    expect(sum((row) => row.spent)).toBe(4_614_341);
    expect(sum((row) => row.toReceive)).toBe(euros(annex.totals[2] ?? null));
    expect(fromTables.filter((row) => row.year === 2022)).toHaveLength(59);
  });

  it('cites every amount with the span of its passage that prints it, in the table unit and column', () => {
    for (const row of fromTables) {
      for (const figure of [row.granted, row.spent, row.toReceive, row.toSettle]) {
        if (!figure) continue;
        const passage = document.passages.find((p) => p.id === figure.passageId) as Passage;
        expect(passage.text.slice(figure.start, figure.end)).toBe(figure.text);
        expect(figure.unit).toBe('€');
      }
      expect(row.granted?.column).toBe('Beschikking 2022 gemeente');
    }
  });

  it('reads the numbered list of the fifteen largest and the numbered descriptions, each run counting up from 1', () => {
    const mentions = rows.filter((row) => !isTableRow(row));
    // The list of fifteen, then the annex's 59 descriptions. Their numbers are places in a list, not the
    // deelopdracht's own number (another document ranks them otherwise), so the rows carry none.
    expect(mentions).toHaveLength(15 + 59);
    expect(mentions.every((row) => row.number === null && row.granted === null)).toBe(true);
    const printed = (row: Deelopdracht) => /^(\d+)\./.exec(row.source.text)?.[1];
    expect(mentions.map(printed)).toEqual([...Array.from({ length: 15 }, (_, i) => String(i + 1)), ...Array.from({ length: 59 }, (_, i) => String(i + 1))]);
    expect(mentions[1]?.name).toBe('Jeugdstraatwerk');
    const described = mentions.slice(15);
    expect(described[1]).toMatchObject({ name: 'Jeugdstraatwerk', period: '2020 – 2024' });
    expect(described[21]).toMatchObject({ name: 'Kansrijk Oost', period: '01-04-2021 tot 01-04-2023' });
    for (const row of mentions) expect(document.passages.find((p) => p.id === row.source.passageId)?.text.slice(row.source.start, row.source.end)).toBe(row.source.text);
  });

  it('finds the list of the fifteen largest in the Rekenkamer request (corpus/000) too, and no table rows there', () => {
    const request = corpusDocument('000');
    const found = deelopdrachten(request.passages, request.meta.documentId);
    expect(found).toHaveLength(15);
    expect(found.map((row) => /^(\d+)\./.exec(row.source.text)?.[1])).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    expect(found[0]?.name).toBe('School als Wijk (SAW) op mbo-scholen in de gemeente Groningen');
    expect(found.every((row) => row.granted === null && row.year === null && row.number === null)).toBe(true);
  });
});

const UNSEEN = `Jaarrekening 2024 Stichting Buurtkracht

Bijlage 3. Projecten met aanvullende subsidie

Bedragen in €

Project Toegekend 2024 Besteed 2024 Nog te ontvangen Terug te betalen

Taalcafé Noord 12.500 11.000 - 1.500

Sportmaatje 8.000 8.400 400 -

Huiswerkhulp Oost 20.000 15.000 5.000

Totaal 40.500 34.400 400 6.500

Toelichting op de projecten

Voor de deelopdracht Zomerschool West is € 4.500 toegekend. De deelopdracht Buurtsoep loopt door.

De gemeente verleende dit jaar drie deelopdrachten. Deze deelopdrachten zijn:

1. Taalcafé Noord (2023 – 2025)
2. Sportmaatje
3. Huiswerkhulp Oost, waarvoor € 20.000 is toegekend
`;

describe('extractDeelopdrachten on a document it has never seen', () => {
  const passages = syntheticPassages(UNSEEN);
  const rows = deelopdrachten(passages, 'synthetic');
  const listed = rows.filter((row) => /^\d+\./.test(row.source.text));
  const tableRows = rows.filter((row) => !listed.includes(row) && row.granted?.column !== 'granted');

  it('reads a table of grants with its columns named by other words, and places the short row by the totals', () => {
    expect(tableRows.map((row) => [row.name, text(row.granted), text(row.spent), text(row.toReceive), text(row.toSettle), row.year])).toEqual([
      ['Taalcafé Noord', '12.500', '11.000', '-', '1.500', 2024],
      ['Sportmaatje', '8.000', '8.400', '400', '-', 2024],
      ['Huiswerkhulp Oost', '20.000', '15.000', null, '5.000', 2024],
    ]);
    expect(tableRows[0]?.granted).toMatchObject({ value: 12500, unit: 'Bedragen in €', column: 'Toegekend 2024' });
  });

  it('reads the numbered list that names deelopdrachten, with a period and an amount said to be granted', () => {
    expect(listed.map((row) => [row.number, row.name, row.period])).toEqual([
      [null, 'Taalcafé Noord', '2023 – 2025'], [null, 'Sportmaatje', null], [null, 'Huiswerkhulp Oost, waarvoor € 20.000 is toegekend', null],
    ]);
    expect(listed[2]?.granted).toMatchObject({ text: '€ 20.000', value: 20000, column: 'granted' });
  });

  it('reads a sentence that names a deelopdracht with an amount it says was granted, and not one without an amount', () => {
    const named = rows.filter((row) => !listed.includes(row) && row.granted?.column === 'granted');
    expect(named.map((row) => [row.name, text(row.granted), row.year])).toEqual([['Zomerschool West', '€ 4.500', 2024]]);
    expect(named[0]?.source.text).toBe('Voor de deelopdracht Zomerschool West is € 4.500 toegekend.');
  });

  it('finds nothing in a document without deelopdrachten', () => {
    const plain = syntheticPassages('Verslag\n\nDe raad vergaderde op 3 maart. Er waren 12 leden aanwezig.\n\n1. Opening\n2. Vaststellen agenda\n', 'plain');
    expect(deelopdrachten(plain, 'plain')).toEqual([]);
  });
});
