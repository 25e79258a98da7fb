import { describe, expect, it } from 'vitest';
import { answerSentences, checkCitations, normalizeMarkers } from '../../../server/answer/citation-check.js';
import { answerFigures } from '../../../server/answer/figure-mentions.js';
import { keepCitedCitations } from '../../../server/answer/renumber-citations.js';
import { BALANCE_CITATIONS, OUTLOOK_CITATIONS, STAFF_CITATIONS, YOUTH_CITATIONS } from './corpus-citations.js';

const rules = (answer: string, citations = STAFF_CITATIONS, language: 'nl' | 'en' = 'nl') =>
  checkCitations(answer, citations, language).problems.map((problem) => problem.rule);

describe('checkCitations', () => {
  it('passes sentences whose figures occur in the quotes they cite', () => {
    const answer = 'In 2022 werd 44,35 fte ingezet op de deelopdrachten en 8,95 fte op de voorbereiding van Basis Jeugdhulp [1]. Die 53,35 fte was niet begroot [2].';
    expect(checkCitations(answer, STAFF_CITATIONS, 'nl')).toMatchObject({ ok: true, problems: [], used: [1, 2] });
  });

  it('passes an amount written with a euro sign, and a year from the table row’s column header', () => {
    expect(rules('Eind 2022 had WIJ € 4.470.460 aan liquide middelen [1].', BALANCE_CITATIONS)).toEqual([]);
  });

  it('passes a percentage and a full date written as the quotes write them', () => {
    expect(rules('De meerjarenbegroting rekent met de 1,13% arbeidsmarkttoeslag uit het beleid 2022 [1].', OUTLOOK_CITATIONS)).toEqual([]);
    expect(rules('Sinds 1 januari 2023 voert WIJ Groningen ook de basisjeugdhulp uit [1].', YOUTH_CITATIONS)).toEqual([]);
  });

  it('accepts the English notation of a Dutch figure in an English answer, and a date in other words', () => {
    expect(rules('In 2022, 44.35 FTE were deployed on sub-assignments [1].', STAFF_CITATIONS, 'en')).toEqual([]);
    expect(rules('WIJ held €4,470,460 in cash at the end of 2022 [1].', BALANCE_CITATIONS, 'en')).toEqual([]);
    expect(rules('Since January 1, 2023 WIJ also provides basic youth care [1].', YOUTH_CITATIONS, 'en')).toEqual([]);
    expect(rules('Since 1-1-2023 WIJ also provides basic youth care [1].', YOUTH_CITATIONS, 'en')).toEqual([]);
  });

  it('accepts number words the quotes use written as digits, and the document date as a whole date', () => {
    expect(rules('Voorheen deden meer dan 100 jeugdhulpaanbieders dit werk [2].', YOUTH_CITATIONS)).toEqual([]);
    expect(rules('Het jaarverslag van 5 juli 2023 noemt 44,35 fte voor deelopdrachten [1].')).toEqual([]);
  });

  it('rejects a figure that occurs in the cited passage but not in the quote the model was shown', () => {
    expect(YOUTH_CITATIONS[0]!.text).toContain('5,7 miljoen');
    expect(rules('De deelopdrachten zijn samen 5,7 miljoen euro waard [1].', YOUTH_CITATIONS)).toEqual(['unsupported_figure', 'unsupported_scale']);
  });

  it('rejects an invented or rounded figure', () => {
    expect(rules('In 2022 werd 45 fte ingezet op de deelopdrachten [1].')).toEqual(['unsupported_figure']);
    expect(rules('Eind 2022 had WIJ € 4,5 miljoen aan liquide middelen [1].', BALANCE_CITATIONS)).toEqual(['unsupported_figure', 'unsupported_scale']);
    expect(rules('In 2023 werd 44,35 fte ingezet [1].')).toEqual(['unsupported_figure']);
  });

  it('does not read a Dutch thousands separator as a decimal point', () => {
    expect(rules('Er stond 4,470 euro op de bank [1].', BALANCE_CITATIONS)).toEqual(['unsupported_figure']);
  });

  it('rejects a figure that occurs only in a quote the sentence does not cite', () => {
    expect(rules('Die 53,35 fte was niet begroot [1].')).toEqual(['unsupported_figure']);
  });

  it('rejects a number as a percentage when the quotes do not give it as one', () => {
    expect(rules('De inzet op deelopdrachten steeg met 44,35% [1].')).toEqual(['unsupported_figure']);
  });

  it('rejects a date the quotes do not give, even when its numbers occur separately', () => {
    expect(rules('Sinds 1 juli 2023 voert WIJ de basisjeugdhulp uit [1].', YOUTH_CITATIONS)).toEqual(['unsupported_date']);
  });

  it('rejects an invented number word', () => {
    expect(rules('Het werk werd door drie aanbieders gedaan [2].', YOUTH_CITATIONS)).toEqual(['unsupported_figure']);
  });

  it('rejects a sentence without a marker, even when the others have one', () => {
    expect(rules('In 2022 werd 44,35 fte ingezet [1]. Dat is veel meer dan nodig was.')).toEqual(['unmarked_sentence']);
  });

  it('rejects a marker to a citation that was not given', () => {
    expect(rules('In 2022 werd 44,35 fte ingezet [3].')).toEqual(['unknown_marker']);
  });

  it('accepts a web address the cited quote gives', () => {
    const quote = 'Meer informatie staat op www.wijgroningen.nl.';
    expect(rules('Meer informatie staat op www.wijgroningen.nl [1].', [{ ...STAFF_CITATIONS[0]!, quote, text: quote }])).toEqual([]);
  });

  it('rejects links, markup, empty and overlong answers', () => {
    expect(rules('Zie [de site](https://example.org) [1].')).toContain('format');
    expect(rules('Meer staat op www.wijgroningen.nl [1].')).toEqual(['format']);
    expect(rules('<b>44,35 fte</b> [1].')).toEqual(['format']);
    expect(rules('   ')).toEqual(['empty']);
    expect(rules(Array.from({ length: 8 }, () => 'Er werd 44,35 fte ingezet [1].').join(' '))).toEqual(['too_long']);
  });
});

describe('answerSentences', () => {
  it('splits at sentence ends, not inside figures or abbreviations, and keeps trailing markers with their sentence', () => {
    const sentences = answerSentences('Er werd o.a. 44,35 fte ingezet. [1] De inzet van 53,35 fte was niet begroot [2]. Totaal € 4.470.460 [1][2].');
    expect(sentences).toEqual([
      { text: 'Er werd o.a. 44,35 fte ingezet. [1]', markers: [1] },
      { text: 'De inzet van 53,35 fte was niet begroot [2].', markers: [2] },
      { text: 'Totaal € 4.470.460 [1][2].', markers: [1, 2] },
    ]);
  });

  it('reads list items as sentences', () => {
    expect(answerSentences('- 44,35 fte [1]\n- 53,35 fte [2]').map((s) => s.markers)).toEqual([[1], [2]]);
  });
});

describe('normalizeMarkers', () => {
  it('writes grouped markers one by one', () => {
    expect(normalizeMarkers('Zo is het [1, 2]. En zo [2;3].')).toBe('Zo is het [1][2]. En zo [2][3].');
  });
});

describe('answerFigures', () => {
  it('reads amounts, decimals, percentages and dates from real corpus sentences', () => {
    const figures = answerFigures('Per 1 januari 2023 is € 4.470.460 beschikbaar, 44,35 fte ingezet en 1,13% toeslag gegeven.', 'nl');
    expect(figures.dates).toEqual(['2023-01-01']);
    expect(figures.figures.map((f) => [f.literal, f.keys.find((k) => k.startsWith('v:')), f.percent])).toEqual([
      ['4.470.460', 'v:4470460', false], ['44,35', 'v:44.35', false], ['1,13', 'v:1.13', true],
    ]);
  });
});

describe('keepCitedCitations', () => {
  it('keeps the used citations in order of first use, renumbered, with markers to match and quotes untouched', () => {
    const result = keepCitedCitations('Niet begroot: 53,35 fte [2]. Eerder: 44,35 fte [2][1].', STAFF_CITATIONS, [2, 1]);
    expect(result.answer).toBe('Niet begroot: 53,35 fte [1]. Eerder: 44,35 fte [1][2].');
    expect(result.citations.map((c) => [c.n, c.quote])).toEqual([[1, STAFF_CITATIONS[1]!.quote], [2, STAFF_CITATIONS[0]!.quote]]);
  });

  it('drops citations the answer does not use', () => {
    const result = keepCitedCitations('Alleen 53,35 fte [2].', STAFF_CITATIONS, [2]);
    expect(result).toEqual({ answer: 'Alleen 53,35 fte [1].', citations: [{ ...STAFF_CITATIONS[1], n: 1 }] });
  });
});
