import { describe, expect, it } from 'vitest';
import { isComparisonFigure, valueFit, valueSpans, valueYear } from '../../../server/answer/values.js';
import { WORDS } from '../../support/answer-parts.js';

const kinds = (text: string) => valueSpans(text, WORDS).map((v) => [v.kind, v.text]);

describe('valueSpans', () => {
  it('reads a text once per word lists: the same spans again, and other word lists read it anew', () => {
    const text = 'Het college besloot op 3 februari 2021 tot € 12.000.';
    const first = valueSpans(text, WORDS);
    expect(valueSpans(text, WORDS)).toBe(first);
    expect(Object.isFrozen(first) && first.every((span) => Object.isFrozen(span))).toBe(true);
    const noActors = { ...WORDS, actors: [] };
    expect(first.map((v) => v.text)).toContain('college');
    expect(valueSpans(text, noActors).map((v) => v.text)).not.toContain('college');
  });

  it('reads amounts written with €, as table cells, with euro and with scale words', () => {
    expect(kinds('De stichting ontving € 1.250.300 en 2,5 miljoen euro.')).toEqual([['amount', '€ 1.250.300'], ['amount', '2,5 miljoen euro']]);
    expect(kinds('Project Noord 12.400€ -€ -€ 12.400€')).toEqual([['amount', '12.400€'], ['amount', '12.400€']]);
  });

  it('reads dates, periods and moments before bare years', () => {
    expect(kinds('Gestart op 3 februari 2021, loopt tot eind 2025 en in de periode 2024-2026; sinds 2019.')).toEqual([
      ['date', '3 februari 2021'], ['date', 'eind 2025'], ['date', '2024-2026'], ['date', 'sinds 2019'],
    ]);
    expect(kinds('Het verslag over 2020.')).toEqual([['year', '2020']]);
  });

  it('reads parts and seasons of a year, quarters and a month after a preposition as dates', () => {
    expect(kinds('De pilot start in het voorjaar van 2031 en eindigt in de tweede helft van 2032.')).toEqual([
      ['date', 'voorjaar van 2031'], ['date', 'de tweede helft van 2032'],
    ]);
    expect(kinds('Begin derde kwartaal 2030 volgt Q4 2031; sinds Q2 en in de 2e helft van het jaar.')).toEqual([
      ['date', 'Begin derde kwartaal 2030'], ['date', 'Q4 2031'], ['date', 'Q2'], ['date', 'de 2e helft van het jaar'],
    ]);
    expect(kinds('In november besloot het bestuur; met ingang van 2029 vervalt het, medio maart 2027 niet.')).toEqual([
      ['date', 'In november'], ['actor', 'bestuur'], ['date', 'met ingang van 2029'], ['date', 'medio maart 2027'],
    ]);
    expect(kinds('It starts in the course of 2031, by the second quarter of 2032.')).toEqual([
      ['date', 'in the course of 2031'], ['date', 'the second quarter of 2032'],
    ]);
  });

  it('leaves frequencies, shares and month names inside words alone', () => {
    expect(kinds('Per kwartaal komen 40 bewoners; de helft van de deelnemers; de mei- en junimarkt.')).toEqual([
      ['frequency', 'Per kwartaal'], ['count', '40 bewoners'],
    ]);
  });

  it('reads counts with the noun they count, but not outline numbers, list markers or references', () => {
    expect(kinds('3.2.1 Bezoeken: circa 75 bewoners kwamen, zeven leden bleven.')).toEqual([['count', 'circa 75 bewoners'], ['count', 'zeven leden']]);
    expect(kinds('2. Zie bijlage 4 voor de 1.310 meldingen')).toEqual([['count', '1.310 meldingen']]);
  });

  it('does not take a capitalised number word inside a sentence for a count', () => {
    expect(kinds('Het team werkt in Ten Post en in Vier Gemeenten.')).toEqual([]);
  });

  it('keeps a count after a year apart from the year', () => {
    expect(kinds('In 2021 zes projecten.')).toEqual([['year', '2021'], ['count', 'zes projecten']]);
  });

  it('reads percentages, frequencies and actors', () => {
    expect(kinds('Het college besluit; 12,5% daalt; het bestuur overlegt eens per drie maanden.')).toEqual([
      ['actor', 'college'], ['percentage', '12,5%'], ['actor', 'bestuur'], ['frequency', 'eens per drie maanden'],
    ]);
    expect(kinds('voorzitter mr. A.B. de Vries')).toEqual([['actor', 'voorzitter'], ['actor', 'mr. A.B. de Vries']]);
  });

  it('reads an organisation as an actor when a responsibility predicate names it, whatever its name', () => {
    expect(kinds('Stichting Noord is zelf verantwoordelijk voor de scholing; de regie ligt bij Zorgbureau Oost.')).toEqual([
      ['actor', 'Stichting Noord'], ['actor', 'Zorgbureau Oost'],
    ]);
    expect(kinds('De toekomstige Stichting Noord is bevoegd.')).toEqual([['actor', 'Stichting Noord']]);
  });

  it('takes no capitalised first word for the holder of a responsibility', () => {
    expect(kinds('Het is verantwoordelijk werk.')).toEqual([]);
    expect(kinds('Dit blijft ook eigenaar van niets.')).toEqual([]);
  });
});

describe('isComparisonFigure', () => {
  it('marks a figure in parentheses after another as the comparison figure', () => {
    const text = 'Er waren 410 meldingen (388) in totaal.';
    const [first, second] = valueSpans(text, WORDS);
    expect(isComparisonFigure(text, first!)).toBe(false);
    expect(isComparisonFigure(text, second!)).toBe(true);
  });
});

describe('valueFit', () => {
  it('lets each answer type accept its own kind of value', () => {
    expect(valueFit('amount', 'amount')).toBe(1);
    expect(valueFit('amount', 'count')).toBe(0);
    expect(valueFit('date', 'year')).toBe(0.5);
    expect(valueFit('who_decides', 'actor')).toBe(1);
    expect(valueFit('count', 'frequency')).toBe(0.5);
    expect(valueFit('count', 'percentage')).toBe(0.5);
    expect(valueFit('description', 'amount')).toBe(0);
  });
});

describe('valueYear', () => {
  const yearOf = (text: string, figure: string) => {
    const values = valueSpans(text, WORDS);
    const value = values.find((v) => v.text === figure);
    if (!value) throw new Error(`no value ${figure} in ${JSON.stringify(values)}`);
    return valueYear(text, value, values);
  };

  it('gives a figure in parentheses the year its parentheses name', () => {
    const text = 'De provincie kende het fonds voor 2030 een bijdrage toe van € 812.000 (€ 790.500 over 2029).';
    expect(yearOf(text, '€ 812.000')).toBe(2030);
    expect(yearOf(text, '€ 790.500')).toBe(2029);
  });

  it('prefers the year right after a figure over one earlier in the clause', () => {
    expect(yearOf('Sinds het plan van 2015 kost het beheer € 2,4 miljoen in 2031.', '€ 2,4 miljoen')).toBe(2031);
  });

  it('does not reach past another figure or out of the clause', () => {
    expect(yearOf('In 2030 kwamen 40 bezoekers; later kwamen 55 bezoekers.', '55 bezoekers')).toBeNull();
    expect(yearOf('In 2030 kwamen 40 bezoekers en 55 deelnemers.', '55 deelnemers')).toBeNull();
    expect(yearOf('In 2030 kwamen 40 bezoekers en 55 deelnemers.', '40 bezoekers')).toBe(2030);
  });

  it('gives no year to a figure whose clause names none, nor to a date', () => {
    expect(yearOf('Het budget (ruim € 300.000) is besteed.', '€ 300.000')).toBeNull();
    expect(yearOf('Gestart op 3 februari 2031.', '3 februari 2031')).toBeNull();
  });
});
