import { describe, expect, it } from 'vitest';
import { analyzeTerms, charNgrams, foldText, numberTokens, parseNumber, tokenize } from '../../../ingest/text/analyze.js';
import type { NumberToken } from '../../../ingest/text/analyze.js';

function numbersIn(text: string): NumberToken[] {
  return tokenize(text).filter((token): token is NumberToken => token.kind === 'number');
}

describe('foldText', () => {
  it('lower-cases and strips diacritics', () => {
    expect(foldText('Oekraïense Financiële Crèche')).toBe('oekraiense financiele creche');
  });

  it('expands the ĳ ligature and straightens curly quotes', () => {
    expect(foldText('Ĳssel ‘kadernota’ “WIJ”')).toBe('ijssel \'kadernota\' "wij"');
  });
});

describe('tokenize', () => {
  it('never splits a Dutch number at its thousands dots', () => {
    const [token] = numbersIn('Rabobank betaalrekening 3.464.044 4.749.959');
    expect(token).toMatchObject({ text: '3.464.044', normal: '3464044', value: 3464044 });
  });

  it('gives offsets into the original text', () => {
    const text = 'Het kasstroomoverzicht laat een afname zien van € 1.298.866.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokenize(text).at(-1)?.text).toBe('1.298.866');
  });

  it('reads decimal commas and attaches euro and percent signs', () => {
    expect(numbersIn('van € 0,10 naar € 0,19 per kilometer')).toMatchObject([
      { normal: '0.1', value: 0.1, currency: true },
      { normal: '0.19', value: 0.19, currency: true },
    ]);
    expect(numbersIn('een stijging van 1,13% en 38 % meer')).toMatchObject([
      { normal: '1.13', percent: true },
      { normal: '38', percent: true },
    ]);
  });

  it('attaches a trailing euro sign unless it opens the next amount', () => {
    expect(numbersIn('Schildersbuurt 18.320€ -€ -€ 18.320€').map((token) => token.currency)).toEqual([true, true]);
    expect(numbersIn('in 2022 € 500 uitgegeven')).toMatchObject([
      { normal: '2022', currency: false },
      { normal: '500', currency: true },
    ]);
  });

  it('keeps section numbers and codes as literals without a value', () => {
    expect(numbersIn('3.3.4 Klachten, Gezond Leven in 050')).toMatchObject([
      { normal: '3.3.4', value: null },
      { normal: '050', value: null },
    ]);
  });

  it('keeps hyphenated and apostrophe words whole and separates glued digits', () => {
    const tokens = tokenize('De WIJ-teams, auto\'s en krijgen hun beslag in2018.');
    expect(tokens.map((token) => token.text)).toEqual(['De', 'WIJ-teams', 'auto\'s', 'en', 'krijgen', 'hun', 'beslag', 'in', '2018']);
    expect(tokens[1]).toMatchObject({ kind: 'word', normal: 'wij-teams' });
  });
});

describe('parseNumber', () => {
  it('reads Dutch and English grouping alike', () => {
    expect(parseNumber('1.298.866,50')).toEqual({ normal: '1298866.5', value: 1298866.5 });
    expect(parseNumber('1,298,866.50')).toEqual({ normal: '1298866.5', value: 1298866.5 });
    expect(parseNumber('4,470,460')).toEqual({ normal: '4470460', value: 4470460 });
  });

  it('reads a single dot before three digits as thousands and a single comma as decimals', () => {
    expect(parseNumber('1.633').value).toBe(1633);
    expect(parseNumber('44,35').value).toBe(44.35);
    expect(parseNumber('2.5').value).toBe(2.5);
  });
});

describe('numberTokens', () => {
  it('makes the written forms of one amount compare equal', () => {
    const forms = ['€ 4.470.460', '4.470.460€', '4470460', 'EUR 4,470,460'].map((text) => numberTokens(text));
    for (const form of forms) expect(form).toEqual(['4470460']);
  });

  it('never equates a number with a longer one that starts the same', () => {
    expect(numberTokens('82%')).not.toEqual(numberTokens('821'));
    expect(numberTokens('€ 4.470.460')).not.toEqual(numberTokens('€ 4.470.46'));
  });
});

describe('analyzeTerms', () => {
  it('drops stop words and stems what remains', () => {
    expect(analyzeTerms('De klachten van de gemeenten over de ondersteuning')).toEqual(['klacht', 'gemeent', 'ondersteun']);
  });

  it('splits hyphenated compounds and drops the apostrophe-s', () => {
    expect(analyzeTerms('WIJ-teams en auto\'s')).toEqual(['wij', 'team', 'auto']);
  });

  it('reduces a person or plural ending after an apostrophe to the abbreviation it derives from', () => {
    expect(analyzeTerms('mbo\'ers, zzp\'er en pgb\'tjes')).toEqual(['mbo', 'zzp', 'pgb']);
    expect(analyzeTerms('mbo\'ers')).toEqual(analyzeTerms('MBO'));
  });

  it('gives the same terms with and without diacritics', () => {
    expect(analyzeTerms('Oekraïense kinderen')).toEqual(analyzeTerms('Oekraiense kinderen'));
    expect(analyzeTerms('Financiële middelen')).toEqual(['financiel', 'middel']);
  });

  it('ignores numbers', () => {
    expect(analyzeTerms('In 2022 waren er 1.633 deelnemers')).toEqual(['deelnemer']);
  });
});

describe('charNgrams', () => {
  it('yields 3- to 5-grams of the word with boundary markers', () => {
    expect(charNgrams('geld')).toEqual(['<ge', 'gel', 'eld', 'ld>', '<gel', 'geld', 'eld>', '<geld', 'geld>']);
  });

  it('lets a compound share n-grams with its parts', () => {
    const compound = new Set(charNgrams('geldmiddelen'));
    expect(charNgrams('geld').filter((gram) => compound.has(gram))).toEqual(['<ge', 'gel', 'eld', '<gel', 'geld', '<geld']);
  });

  it('keeps a word shorter than the smallest n-gram', () => {
    expect(charNgrams('a')).toEqual(['<a>']);
  });
});
