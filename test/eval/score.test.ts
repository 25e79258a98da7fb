import { describe, expect, it } from 'vitest';
import { citationPrecision, citationsValid, containsEvidence, figureRecall, firstHitRank, quoteCoverage, retrievalMetrics } from './score.js';

describe('containsEvidence', () => {
  it('counts a passage holding 80% of the quote words, ignoring case, accents and punctuation', () => {
    const quote = 'Met de aanstelling van een buurtpreventiecoach in de Schildersbuurt voor een periode van 2 jaar';
    expect(containsEvidence('MET DE AANSTELLING VAN EEN BUURTPREVENTIECOACH, in de schildersbuurt; voor 2 jaar.', quote)).toBe(true);
    expect(quoteCoverage('Oekraïense kinderen', 'oekraiense kinderen')).toBe(1);
  });

  it('does not count a passage holding less than 80% of the quote words', () => {
    expect(containsEvidence('de ondernemingsraad vergadert', 'De ondernemingsraad vergadert wekelijks. De overlegvergadering met de bestuurder is eens per vier weken.')).toBe(false);
  });

  it('never counts a passage longer than 2,000 characters', () => {
    const quote = 'de ondernemingsraad vergadert wekelijks';
    expect(containsEvidence(`${quote} ${'x '.repeat(1000)}`, quote)).toBe(false);
  });
});

describe('retrievalMetrics', () => {
  it('computes hit@k and MRR@10 from first-hit ranks', () => {
    const metrics = retrievalMetrics([1, 3, null, 12]);
    expect(metrics.hitAt).toEqual({ 1: 0.25, 3: 0.5, 5: 0.5, 10: 0.5 });
    expect(metrics.mrrAt10).toBeCloseTo((1 + 1 / 3) / 4);
    expect(firstHitRank(['a b c', 'de ondernemingsraad vergadert wekelijks'], ['ondernemingsraad vergadert wekelijks'])).toBe(2);
  });
});

describe('figureRecall', () => {
  it('matches figures written in Dutch or English notation', () => {
    expect(figureRecall('€ 4.470.460 en 0,19 per kilometer', 'Het saldo was 4,470,460 euro; 0.19 per km')).toBe(1);
    expect(figureRecall('44.35 FTE', 'op de deelopdrachten 44,35 fte')).toBe(1);
  });

  it('does not match a near-miss number or a date', () => {
    expect(figureRecall('82 klachten', '821 klachten op 31-12-2022')).toBe(0);
    expect(figureRecall('Geen cijfers hier', 'iets')).toBeNull();
  });
});

describe('citationsValid', () => {
  const citations = [{ n: 1, quote: 'vergadert wekelijks', text: 'De ondernemingsraad vergadert wekelijks.' }];
  it('accepts markers that resolve to citations whose quotes occur in their text', () => {
    expect(citationsValid('Zie “vergadert wekelijks” [1]', citations)).toBe(true);
  });

  it('rejects a marker without citation, an unused citation and a quote not in its passage', () => {
    expect(citationsValid('Zie [1] en [2]', citations)).toBe(false);
    expect(citationsValid('Geen markers', citations)).toBe(false);
    expect(citationsValid('Zie [1]', [{ n: 1, quote: 'maandelijks', text: 'De ondernemingsraad vergadert wekelijks.' }])).toBe(false);
  });

  it('measures the share of citations whose passage holds gold evidence', () => {
    expect(citationPrecision(citations, ['De ondernemingsraad vergadert wekelijks'])).toBe(1);
    expect(citationPrecision([], ['x'])).toBeNull();
  });
});
