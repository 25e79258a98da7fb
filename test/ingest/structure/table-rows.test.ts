import { describe, expect, it } from 'vitest';
import { isColumnHeader, isTableRow, trailingCells } from '../../../ingest/structure/table-rows.js';
import { corpusLine } from '../clean/corpus.js';

/** A real line of a corpus file with its column spacing collapsed, as the cleaner leaves table rows. */
function realLine(number: '001' | '003', needle: string): string {
  return corpusLine(number, needle).trim().replace(/\s+/g, ' ');
}

describe('isTableRow', () => {
  it('reads flattened rows of the annual report as rows: counts, percentages and euro cells', () => {
    expect(isTableRow(realLine('001', 'Totaal aantal gemelde klachten'))).toBe(true);
    expect(isTableRow(realLine('001', '% klachten t.o.v. aantal wettelijke meldingen'))).toBe(true);
    expect(isTableRow(realLine('001', 'Pilot Buurtpreventiecoach Schildersbuurt 18.320'))).toBe(true);
    expect(isTableRow(realLine('001', 'Integraal vakantieplan **'))).toBe(true);
    expect(isTableRow(realLine('003', 'Kosten voor frictie en sturing'))).toBe(true);
  });

  it('does not take a prose sentence that ends in two numbers for a row', () => {
    const sentences = [
      realLine('001', 'om een omzetgroei van ongeveer 15 miljoen euro in de jaren 2023 -2025.'),
      realLine('001', 'accountantskosten van € 36.905.'),
      realLine('001', 'uitvoeren van deelopdrachten en wegwerken wachtlijsten ad € 662.750.'),
      realLine('001', 'euro in de periode 2019 -2022.'),
    ];
    for (const sentence of sentences) {
      expect(trailingCells(sentence), sentence).toBeGreaterThanOrEqual(2);
      expect(isTableRow(sentence), sentence).toBe(false);
    }
  });

  it('does not take ordinary prose or a column header for a row', () => {
    expect(isTableRow(realLine('001', 'In 2022 hebben we 82 klachten van inwoners ontvangen'))).toBe(false);
    expect(isTableRow('2022 2021 2020 2019 2018')).toBe(false);
  });
});

describe('isColumnHeader', () => {
  it('recognises year lines with header words as column headers', () => {
    expect(isColumnHeader(realLine('001', '2022 2021 2020 2019 2018'))).toBe(true);
    expect(isColumnHeader('2022 Begroting 2022 2021')).toBe(true);
  });

  it('rejects a single year and a line with ordinary words', () => {
    expect(isColumnHeader('2022')).toBe(false);
    expect(isColumnHeader('Resultaat 2022 2021')).toBe(false);
  });
});
