import { describe, expect, it } from 'vitest';
import { extractBudgets } from '../../../ingest/registers/budgets.js';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { corpusDocument } from '../corpus-passages.js';
import { syntheticPassages } from './synthetic-document.js';

type Budget = Extract<RegisterRow, { kind: 'budgets' }>;

const budgets = (passages: Passage[], documentId: string) =>
  extractBudgets(passages, documentId).filter((row): row is Budget => row.kind === 'budgets');
const brief = (row: Budget | undefined) => row && [row.subject, row.year, row.figure.text, row.figure.value];

describe('extractBudgets on the shipped corpus', () => {
  const report = corpusDocument('001');
  const rows = budgets(report.passages, report.meta.documentId);
  const find = (subject: string, year: number, column?: string) =>
    rows.find((row) => row.subject === subject && row.year === year && (column === undefined || row.figure.column === column));

  it('reads the income table per year and column: the regular subsidy, the voorinvestering and the deelopdrachten', () => {
    expect(brief(find('Subsidie volgens uitvoeringsovereenkomst', 2022, '2022'))).toEqual(['Subsidie volgens uitvoeringsovereenkomst', 2022, '31.642.000', 31_642_000]);
    expect(brief(find('Subsidie volgens uitvoeringsovereenkomst', 2021))).toEqual(['Subsidie volgens uitvoeringsovereenkomst', 2021, '30.969.000', 30_969_000]);
    expect(find('Subsidie voorinvestering Basis-jeugdhulp', 2022, '2022')?.figure.value).toBe(2_060_871);
    expect(find('Projectsubsidies (deelopdrachten)', 2021)?.figure.value).toBe(2_960_812);
    expect(find('Subsidie volgens uitvoeringsovereenkomst', 2022, 'Begroting 2022')?.figure.text).toBe('31.642.000');
  });

  it('reads the income statement printed under the balance sheet with its own columns', () => {
    expect(brief(find('Subsidie gemeente Groningen', 2022, '2022'))).toEqual(['Subsidie gemeente Groningen', 2022, '33.702.871', 33_702_871]);
    expect(find('Subsidie gemeente Groningen', 2022, 'Begroting 2022')?.figure.text).toBe('31.642.000');
    expect(find('Lonen en salarissen', 2021)?.figure.text).toBe('23.312.406');
  });

  it('gives the table of grants only its totals, and reads amounts in sentences with the year they are about', () => {
    expect(rows.filter((row) => row.subject === 'Jeugdstraatwerk')).toEqual([]);
    expect(rows.filter((row) => row.subject.endsWith('Totaal') && row.subject.includes('Deelopdrachten')).map((row) => row.figure.text)).toEqual(['4.897.657€', '4.614.341€', '105.910€', '315.239€']);
    // "… een subsidie toegekend van € 31.642.000 (€ 30.969.000 over 2021)."
    const sentence = rows.filter((row) => row.figure.column === null && row.subject === 'subsidie');
    expect(sentence.find((row) => row.figure.text === '€ 31.642.000')?.year).toBe(2022);
    expect(sentence.find((row) => row.figure.text === '€ 30.969.000')?.year).toBe(2021);
  });

  it('reads the taakstelling and frictiekosten per year from the raadsvoorstel (corpus/003)', () => {
    const voorstel = corpusDocument('003');
    const found = budgets(voorstel.passages, voorstel.meta.documentId);
    const perYear = (subject: string) => found.filter((row) => row.subject === subject).map((row) => [row.year, row.figure.text]);
    expect(perYear('Resterende taakstelling')).toEqual([[2019, '140'], [2020, '1.805'], [2021, '4.420'], [2022, '4.520']]);
    expect(perYear('Kosten voor frictie en sturing')).toEqual([[2019, '375'], [2020, '850'], [2021, '350'], [2022, '125']]);
  });

  it('cites every figure with the span of its passage that prints it', () => {
    for (const row of rows) {
      const passage = report.passages.find((p) => p.id === row.figure.passageId) as Passage;
      expect(passage.text.slice(row.figure.start, row.figure.end)).toBe(row.figure.text);
    }
  });
});

const UNSEEN = `Jaarverslag 2024 Stichting Buurtkracht

Financiën

Voor 2024 ontving de stichting een subsidie van € 1.250.000 (€ 1.100.000 over 2023). Het resultaat over 2024 is € 12.400.

Lasten 2024 Begroting 2024 2023

Personeelskosten 800.000 750.000 700.000

Huisvesting 120.000 125.000 118.000

Totaal lasten 920.000 875.000 818.000

Formatie 2024 Begroting 2024 2023

Medewerkers 12 12 11

Totaal fte 10,4 10,5 9,8
`;

describe('extractBudgets on a document it has never seen', () => {
  const rows = budgets(syntheticPassages(UNSEEN), 'synthetic');

  it('reads amounts per year from a cost table and from sentences, and leaves a table of fte alone', () => {
    expect(rows.filter((row) => row.subject === 'Personeelskosten').map((row) => [row.year, row.figure.column, row.figure.value])).toEqual([
      [2024, 'Lasten 2024', 800_000], [2024, 'Begroting 2024', 750_000], [2023, '2023', 700_000],
    ]);
    expect(rows.some((row) => row.subject === 'Medewerkers' || row.subject.includes('fte'))).toBe(false);
    expect(rows.filter((row) => row.figure.column === null).map((row) => [row.subject, row.year, row.figure.value])).toEqual([
      ['subsidie', 2024, 1_250_000], ['subsidie', 2023, 1_100_000], ['resultaat', 2024, 12_400],
    ]);
  });
});
