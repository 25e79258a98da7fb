import { describe, expect, it } from 'vitest';
import { figureYear, type TextSpan } from '../../../ingest/figures/figure-year.js';

/** The spans of `figures` in `text`, in order. */
function spansOf(text: string, figures: string[]): TextSpan[] {
  let from = 0;
  return figures.map((figure) => {
    const start = text.indexOf(figure, from);
    if (start < 0) throw new Error(`no ${figure} in ${text}`);
    from = start + figure.length;
    return { start, end: from };
  });
}

/** The year of figure number `which` among `figures` of `text`. */
function yearOf(text: string, figures: string[], which = 0): number | null {
  const spans = spansOf(text, figures);
  const figure = spans[which] as TextSpan;
  return figureYear(text, figure, spans.filter((span) => span !== figure));
}

describe('figureYear', () => {
  it('takes the year of its own parentheses, the year right after it, or the year before it in its clause', () => {
    const sentence = 'Voor het kalenderjaar 2024 is een subsidie toegekend van € 1.250.000 (€ 1.100.000 over 2023).';
    expect(yearOf(sentence, ['€ 1.250.000', '€ 1.100.000'], 0)).toBe(2024);
    expect(yearOf(sentence, ['€ 1.250.000', '€ 1.100.000'], 1)).toBe(2023);
    expect(yearOf('De taakstelling loopt op tot 7,5 miljoen in 2026.', ['7,5 miljoen'])).toBe(2026);
  });

  it('gives no year when the figure’s own clause names none', () => {
    expect(yearOf('Er is € 4,89 miljoen toegekend (t.o.v. € 3,19 miljoen in 2023).', ['€ 4,89 miljoen', '€ 3,19 miljoen'])).toBeNull();
    expect(yearOf('In 2019 begon het project; het kost nu € 80.000.', ['€ 80.000'])).toBeNull();
  });

  it('does not give a figure the year that belongs to the figure before it', () => {
    const text = 'De bijdrage was € 2 miljoen in 2021 en is nu € 3 miljoen.';
    expect(yearOf(text, ['€ 2 miljoen', '€ 3 miljoen'], 0)).toBe(2021);
    expect(yearOf(text, ['€ 2 miljoen', '€ 3 miljoen'], 1)).toBeNull();
  });

  it('does not read a longer number or a decimal as a year', () => {
    expect(yearOf('Het tekort van € 12.020 blijft over 2.021 posten.', ['€ 12.020'])).toBeNull();
  });
});
