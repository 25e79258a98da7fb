import { describe, expect, it } from 'vitest';
import { decideLineEndHyphen, dehyphenate } from '../../../ingest/clean/dehyphenate.js';
import { normaliseWhitespace } from '../../../ingest/clean/normalise-whitespace.js';
import { fromOriginal, originalSpan } from '../../../ingest/clean/offset-text.js';
import { loadDutchLexicon } from '../../../ingest/text/dutch-lexicon.js';
import { corpusLines } from './corpus.js';

const lexicon = loadDutchLexicon();

/** Real lines of a corpus file through whitespace normalisation and de-hyphenation. */
function dehyphenateCorpus(number: '001' | '002' | '003', needle: string, count: number): string {
  const prepared = normaliseWhitespace(fromOriginal(corpusLines(number, needle, count))).text;
  return dehyphenate(prepared, lexicon).text.text;
}

describe('dehyphenate', () => {
  it('joins "ega-" / "lisatiereserve" across a blank line into "egalisatiereserve"', () => {
    expect(dehyphenateCorpus('001', 'verstrekt door de gemeente Groningen als ega-', 3)).toContain('als egalisatiereserve (bruidsschat);');
  });

  it('joins "Afhankelijk-" / "heidsrelaties" even when extraction glued a word before it', () => {
    expect(dehyphenateCorpus('001', 'OverigAfhankelijk-', 3)).toContain('OverigAfhankelijkheidsrelaties');
  });

  it('joins words broken in the middle of a syllable ("vervaardi-" / "gingsprijs", "toe-" / "zicht")', () => {
    const joined = dehyphenateCorpus('001', 'gewaardeerd tegen de verkrijgings- of vervaardi-', 2);
    expect(joined).toContain('verkrijgings- of vervaardigingsprijs of de actuele waarde');
    expect(dehyphenateCorpus('001', 'met toestemming van de raad van toe-', 3)).toContain('raad van toezicht, een specifieke');
  });

  it('keeps "buurt- en opbouwwerkers": a hyphen before "en" is an elision', () => {
    expect(dehyphenateCorpus('001', 'inzet van buurt-', 2)).toContain('buurt-\nen opbouwwerkers');
  });

  it('keeps "kas- en bankmiddelen" and "Kind- en gezinsbescherming"', () => {
    expect(dehyphenateCorpus('001', 'voldoende kas-', 2)).toContain('kas-\nen bankmiddelen');
    expect(dehyphenateCorpus('001', 'Toekomstscenario Kind-', 2)).toContain('Kind-\nen gezinsbescherming');
  });

  it('keeps the hyphen and the line break before a capitalised or numeric part ("Noord-" / "Nederlandse", "COVID-" / "19")', () => {
    expect(dehyphenateCorpus('001', 'detentieschade voor Noord-', 2)).toContain('Noord-\nNederlandse');
    expect(dehyphenateCorpus('001', 'gevolg te zijn van COVID-', 2)).toContain('COVID-\n19.');
  });

  it('joins an abbreviation and its word but keeps their hyphen ("WIJ-" / "teams", "SBO-" / "medewerker")', () => {
    expect(dehyphenateCorpus('001', 'aangesloten wordt bij de netwerken en de WIJ-', 2)).toContain('de WIJ-teams.');
    expect(dehyphenateCorpus('001', 'De SBO-', 2)).toContain('De SBO-medewerker ervaart');
  });

  it('keeps a real hyphen in a chain: "gemeente-instellingen-" / "burger"', () => {
    expect(dehyphenateCorpus('002', 'in de driehoek gemeente-instellingen-', 3)).toContain('gemeente-instellingen-burger');
  });

  it('keeps line breaks that have no hyphen', () => {
    const joined = dehyphenateCorpus('003', 'In het coalitieakkoord is daarom een taakstelling', 2);
    expect(joined).toBe('In het coalitieakkoord is daarom een taakstelling opgenomen op het terugdringen van de zorgkosten,\noplopend tot 7,5 miljoen in 2022. Dit naast taakstellingen voor de aanpak van multiproblematiek en');
  });

  it('maps the joined word back onto both halves in the original', () => {
    const original = 'de raad van toe-\nzicht';
    const clean = dehyphenate(fromOriginal(original), lexicon).text;
    const start = clean.text.indexOf('toezicht');
    const span = originalSpan(clean, start, start + 'toezicht'.length);
    expect(original.slice(span.start, span.end)).toBe('toe-\nzicht');
  });
});

describe('decideLineEndHyphen', () => {
  it.each([
    ['exploitatiete', 'kort', 'join'],
    ['on', 'der', 'join'],
    ['sociaal', 'emotionele,', 'join-keep-hyphen'],
    ['oningen.nl/doorbraak/verhalen', 'uit-de-praktijk/', 'join-keep-hyphen'],
    ['kind', 'en', 'keep'],
    ['verkrijgings', 'of', 'keep'],
    ['HR', 'en', 'keep'],
    ['pagina', 't/m', 'keep'],
    ['xqz', 'vbn', 'keep'],
  ])('decides "%s-" / "%s" as %s', (left, right, decision) => {
    expect(decideLineEndHyphen(left, right, lexicon)).toBe(decision);
  });
});
