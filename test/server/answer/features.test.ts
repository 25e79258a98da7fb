import { describe, expect, it } from 'vitest';
import { passage, scored } from '../../support/answer-parts.js';

describe('sentenceFeatures: anchoring', () => {
  const text = [
    'In maart 2031 heeft de raad na een lang en levendig debat met alle fracties het nieuwe sportbeleid vastgesteld.',
    'In maart 2031 kwamen er 40 bezoekers; het nieuwe sportbeleid werd later besproken.',
    'De bibliotheek telde 40 bezoekers op een gewone dag, ver van het centrum en het nieuwe sportbeleid van de raad.',
  ].join(' ');
  const sentences = (question: string) => scored(question, [passage(text)]);

  it('anchors a date to every word of its clause, since a time adverbial places the whole clause in time', () => {
    const adopted = sentences('Wanneer heeft de raad het sportbeleid vastgesteld?').find((s) => s.text.includes('vastgesteld'));
    expect(adopted?.answerValue?.text).toBe('maart 2031');
    expect(adopted?.features.anchored).toBe(1);
  });

  it('keeps a date apart from the words of another clause', () => {
    const visited = sentences('Wanneer heeft de raad het sportbeleid vastgesteld?').find((s) => s.text.includes('later besproken'));
    expect(visited?.answerValue?.text).toBe('maart 2031');
    expect(visited?.features.anchored).toBe(0);
  });

  it('still anchors a count only to the words beside it', () => {
    const library = sentences('Hoeveel bezoekers had het sportbeleid?').find((s) => s.text.startsWith('De bibliotheek'));
    expect(library?.answerValue?.text).toBe('40 bezoekers');
    expect(library?.features.anchored).toBeLessThan(1);
  });
});

describe('sentenceFeatures: list entries and lines standing alone', () => {
  it('types the entries of a table read as text for a list question, but not the prose around them', () => {
    const text = [
      'Het bestuur vergaderde dit jaar vaak over de plannen.',
      'Voorgelegde plannen aan het bestuur',
      'Nieuw sportpark aan de rand Goedgekeurd 12-03-2031',
      'Renovatie van de bibliotheek Afgewezen 02-05-2031',
      'Fietsroute langs het kanaal Goedgekeurd 19-09-2031',
    ].join('\n');
    const sentences = scored('Welke plannen keurde het bestuur goed?', [passage(text)]);
    expect(sentences.find((s) => s.text.startsWith('Renovatie'))?.features.typed).toBe(1);
    expect(sentences.find((s) => s.text.startsWith('Het bestuur vergaderde'))?.features.typed).toBe(0);
  });

  it('does not take two short lines for a list', () => {
    const text = ['Sportbeleid', 'Het bestuur stelde het plan vast en de raad volgde.', 'Nieuw sportpark aan de rand', 'Het plan kost veel.'].join('\n');
    const sentences = scored('Welke plannen stelde het bestuur vast?', [passage(text)]);
    expect(sentences.find((s) => s.text.startsWith('Nieuw sportpark'))?.features.typed).toBe(0);
  });

  it('anchors a list item to the subject its lead-in names', () => {
    const text = ['De raad noemde drie speerpunten voor de wijken:', '- meer groen', '- veilige fietsroutes', '- betaalbare huizen'].join('\n');
    const item = scored('Welke speerpunten noemde de raad voor de wijken?', [passage(text, { kind: 'list' })]).find((s) => s.text.includes('fietsroutes'));
    expect(item?.features.typed).toBe(1);
    expect(item?.features.anchored).toBeGreaterThan(0.5);
  });

  it('anchors a value that stands alone on its line to the line above it', () => {
    const text = ['Evaluatie van het sportbeleid in de wijken', '3 maart 2031', 'Opgesteld door het onderzoeksbureau.'].join('\n');
    const date = scored('Van wanneer is de evaluatie van het sportbeleid?', [passage(text)]).find((s) => s.text === '3 maart 2031');
    expect(date?.answerValue?.text).toBe('3 maart 2031');
    expect(date?.features.anchored).toBeGreaterThan(0.5);
  });
});

describe('sentenceFeatures: the year of a table cell', () => {
  const text = 'Onderdeel 2023 2022\nAantal huisbezoeken 120 95';
  const rowStart = text.indexOf('Aantal');
  const cell = (figure: string, year: number) => {
    const start = text.indexOf(figure, rowStart);
    return { text: figure, value: Number(figure), column: String(year), year, start, end: start + figure.length };
  };
  const table = { caption: 'Resultaten', unit: null, columns: ['2023', '2022'], rows: [{ label: 'Aantal huisbezoeken', start: rowStart, end: text.length, cells: [cell('120', 2023), cell('95', 2022)] }] };
  const row = (question: string) => scored(question, [passage(text, { kind: 'table', table })]).find((s) => s.text.startsWith('Aantal'));

  it('takes the figure under the asked year’s column, since the header, not the row, says which year a figure is for', () => {
    const found = row('Hoeveel huisbezoeken waren er in 2022?');
    expect(found?.answerValue?.text).toBe('95');
    expect(found?.features.typed).toBe(1);
  });

  it('weighs a row less when no column is about the asked year', () => {
    expect(row('Hoeveel huisbezoeken waren er in 2021?')?.features.typed).toBeLessThan(1);
  });
});
