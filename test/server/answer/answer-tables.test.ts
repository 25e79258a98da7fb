import { describe, expect, it } from 'vitest';
import type { PassageTable } from '../../../ingest/types.js';
import { answerTables, comparedCells, difference, formatDutch, tableMarkdown } from '../../../server/answer/answer-tables.js';
import { sentencesOfPassage } from '../../../server/answer/passage-sentences.js';
import { passage } from '../../support/answer-parts.js';

/** A passage with a table, its structure written by hand the way ingest records it. */
function tablePassage() {
  const text = 'Kosten 2023 2022\nSalarissen 39,56 35,06\nHuur 2,10 -';
  const cell = (row: string, textOf: string, column: string, year: number) => {
    const at = text.indexOf(textOf, text.indexOf(row));
    return { text: textOf, value: textOf === '-' ? null : Number(textOf.replace(',', '.')), column, year, start: at, end: at + textOf.length };
  };
  const rowOf = (label: string, cells: ReturnType<typeof cell>[]) => {
    const start = text.indexOf(label);
    return { label, start, end: text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start), cells };
  };
  const table: PassageTable = {
    caption: 'Kosten', unit: 'x € 1 miljoen', columns: ['2023', '2022'],
    rows: [rowOf('Salarissen', [cell('Salarissen', '39,56', '2023', 2023), cell('Salarissen', '35,06', '2022', 2022)]), rowOf('Huur', [cell('Huur', '2,10', '2023', 2023), cell('Huur', '-', '2022', 2022)])],
  };
  return passage(text, { kind: 'table', table });
}

describe('formatDutch and difference', () => {
  it('writes numbers the Dutch way and shows a difference with its percentage', () => {
    expect(formatDutch(168000, 0)).toBe('168.000');
    expect(formatDutch(-4.5, 2)).toBe('-4,50');
    const row = tablePassage().table!.rows[0]!;
    const { newer, older } = comparedCells(row)!;
    expect(difference(newer, older)).toBe('39,56 − 35,06 = 4,50 (+12,8%)');
  });

  it('compares the asked years when the row has both, and the latest two otherwise', () => {
    const cell = (text: string, year: number) => ({ text, value: Number(text), column: String(year), year, start: 0, end: 0 });
    const row = { label: 'Bezoekers', start: 0, end: 0, cells: [cell('130', 2024), cell('120', 2023), cell('100', 2022)] };
    const years = (asked: number[]) => { const c = comparedCells(row, asked)!; return [c.newer.year, c.older.year]; };
    expect(years([2022, 2024])).toEqual([2024, 2022]);
    expect(years([])).toEqual([2024, 2023]);
    expect(years([2023, 2030])).toEqual([2024, 2023]);
  });

  it('compares nothing when a row has one year with a figure', () => {
    expect(comparedCells(tablePassage().table!.rows[1]!)).toBeUndefined();
  });
});

describe('answerTables', () => {
  it('gives the quoted rows with their headers and unit, cited, and a computed column for a comparison', () => {
    const source = tablePassage();
    const rows = sentencesOfPassage(source).filter((s) => s.row && !s.text.startsWith('Kosten'));
    const [table] = answerTables(rows, () => 3, { asked: true, years: [] }, 'nl');
    expect(table).toEqual({
      caption: 'Kosten', unit: 'x € 1 miljoen', columns: ['2023', '2022', 'Verschil (berekend)'],
      rows: [
        { label: 'Salarissen', cells: [{ text: '39,56', n: 3 }, { text: '35,06', n: 3 }, { text: '39,56 − 35,06 = 4,50 (+12,8%)', n: null, computed: true }] },
        { label: 'Huur', cells: [{ text: '2,10', n: 3 }, { text: '-', n: 3 }, { text: '', n: null }] },
      ],
    });
    expect(tableMarkdown(table!).split('\n')).toEqual([
      '| Kosten (x € 1 miljoen) | 2023 | 2022 | Verschil (berekend) |',
      '| --- | --- | --- | --- |',
      '| Salarissen [3] | 39,56 | 35,06 | 39,56 − 35,06 = 4,50 (+12,8%) |',
      '| Huur [3] | 2,10 | - |  |',
    ]);
  });

  it('makes no table of rows whose passage has no table structure', () => {
    const plain = passage('2023 2022\nSalarissen 39,56 35,06', { kind: 'table' });
    expect(answerTables(sentencesOfPassage(plain).filter((s) => s.row), () => 1, { asked: true, years: [] }, 'nl')).toEqual([]);
  });
});
