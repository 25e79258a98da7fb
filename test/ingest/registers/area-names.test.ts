import { describe, expect, it } from 'vitest';
import { areaOf, areasIn, learnAreaNames } from '../../../ingest/registers/area-names.js';

// A made-up town: nothing here is taken from the corpus.
const TOWN = `Veldhaven telt zes wijken. In de wijken Noordhoek, Oosthaven en De Weide werkt het buurtteam.
Het stadsdeel Ten Brink kreeg een eigen loket. In de wijk Kreekrug
Met het project bereiken we ouders. De buurt Lage Akkers/Hofstede doet mee, net als het dorp Zandpol.
In de wijk SWT werken drie coaches. Het plan voor de wijk is klaar. Veel kinderen in de Molenwijk gaan naar de Vogelbuurt.
Een woonwijk is geen Woonwijk. Het gebied de komende jaren.`;

describe('learnAreaNames', () => {
  const names = learnAreaNames([TOWN]);

  it('learns the names after an area noun, a list split on commas, "en" and "/", particles kept', () => {
    expect(names).toEqual(expect.arrayContaining(['Noordhoek', 'Oosthaven', 'De Weide', 'Ten Brink', 'Kreekrug', 'Lage Akkers', 'Hofstede', 'Zandpol']));
  });

  it('learns capitalised compounds ending in an area noun, unless the text also prints them in lower case', () => {
    expect(names).toEqual(expect.arrayContaining(['Molenwijk', 'Vogelbuurt']));
    expect(names).not.toContain('Woonwijk');
  });

  it('stops a name at a sentence starting on the next line, and takes no acronyms or lower-case words', () => {
    expect(names.some((name) => name.includes('Met'))).toBe(false);
    expect(names).not.toContain('SWT');
    expect(names.some((name) => /komende|is|doet/.test(name))).toBe(false);
  });

  it('keeps each name once, spelled with its capital', () => {
    expect(learnAreaNames(['in de wijk de Weide', 'de wijken De Weide en Noordhoek'])).toEqual(['De Weide', 'Noordhoek']);
  });

  it('learns nothing from a text that names no areas', () => {
    expect(learnAreaNames(['De raad stelt de begroting vast. Het college besluit.'])).toEqual([]);
  });
});

describe('areasIn', () => {
  const names = ['Noordhoek', 'Oost', 'Groot Oost', 'De Weide', 'Ten Brink'];

  it('finds the names a text mentions in order, case and accents aside, whole words only', () => {
    expect(areasIn('Buurtwerk ten  brink en noordhoek', names)).toEqual(['Ten Brink', 'Noordhoek']);
    expect(areasIn('Noordhoeks plan', names)).toEqual([]);
    expect(areaOf('Huiskamer De Weide / Noordhoek', names)).toBe('De Weide, Noordhoek');
    expect(areaOf('Zwemles voor kinderen', names)).toBeNull();
  });

  it('counts the longer of two overlapping names', () => {
    expect(areasIn('Jongerenwerk Groot Oost', names)).toEqual(['Groot Oost']);
  });
});
