import { describe, expect, it } from 'vitest';
import type { Block } from '../../../ingest/structure/segment.js';
import { corpusDocument } from '../corpus-passages.js';

const jaarverslag = corpusDocument('001');
const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The one block of corpus/001 with a line containing `needle` (whitespace collapsed). */
function blockWith(needle: string): Block {
  const found = jaarverslag.blocks.filter((block) => block.lines.some((line) => collapse(line.text).includes(needle)));
  if (found.length !== 1) throw new Error(`${found.length} blocks of corpus/001 contain "${needle}".`);
  return found[0] as Block;
}

const rowsOf = (block: Block) => block.lines.map((line) => collapse(line.text));

describe('segmentDocument tables', () => {
  it('keeps the complaints table of corpus/001 together under its header "2022 2021 2020 2019 2018"', () => {
    const table = blockWith('Totaal aantal gemelde klachten 82 121 124 125 75');
    expect(table.kind).toBe('table');
    expect(table.header).toBe('2022 2021 2020 2019 2018');
    const rows = rowsOf(table);
    expect(rows[0]).toBe('Klachten waarvan behandeling niet afgerond begin jaar 12 11 15 12');
    // A group label between rows stays in the table, and so does the last row.
    expect(rows).toContain('Beoordeling');
    expect(rows.at(-1)).toBe('nog in behandeling einde jaar 22 12 11 15 12');
    expect(rows).not.toContain('2022 2021 2020 2019 2018');
  });

  it('gives the annex table of corpus/001 the column headers printed after its rows', () => {
    const table = blockWith('Pilot Buurtpreventiecoach Schildersbuurt 18.320€ -€ -€ 18.320€');
    expect(table.kind).toBe('table');
    for (const column of ['Deelopdracht', 'Subsidiekosten 2022 jaarrekening', 'Beschikking 2022 gemeente', 'Nog te ontvangen subsidie', 'Te verrekenen subsidie']) {
      expect(table.header).toContain(column);
    }
    // The footnotes under the header are not part of it.
    expect(table.header).not.toContain('akkoord');
    const rows = rowsOf(table);
    expect(rows[0]).toBe('School als Wijk 734.060€ 734.002€ -€ 58€');
    expect(rows.at(-1)).toBe('Totaal 4.897.657€ 4.614.341€ 105.910€ 315.239€');
    expect(rows.length).toBeGreaterThan(55);
  });

  it('takes the column header above a group label ("2022 Begroting 2022 2021" over "Overige bedrijfskosten")', () => {
    const table = blockWith('Huisvestingskosten 135.471 39.000 79.947');
    expect(table.kind).toBe('table');
    expect(table.header).toBe('2022 Begroting 2022 2021');
    expect(rowsOf(table)[0]).toBe('Overige bedrijfskosten');
  });

  it('leaves a sentence that ends in an amount in its paragraph rather than opening a table with it', () => {
    for (const needle of ['accountantskosten van € 36.905.', 'wegwerken wachtlijsten ad € 662.750.']) {
      expect(blockWith(needle).kind, needle).toBe('paragraph');
    }
  });
});
