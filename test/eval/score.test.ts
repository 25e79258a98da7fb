import { describe, expect, it } from 'vitest';
import { answerOk, citationPrecision, citationsValid, containsEvidence, figureRecall, firstHitRank, quoteCoverage, retrievalMetrics } from './score.js';

describe('containsEvidence', () => {
  it('counts a passage holding 80% of the quote words, ignoring case, accents and punctuation', () => {
    const quote = 'Met de komst van een wijkconciërge in de Bloemenbuurt voor een periode van 3 jaar';
    expect(containsEvidence('MET DE KOMST VAN EEN WIJKCONCIËRGE, in de bloemenbuurt; voor 3 jaar.', quote)).toBe(true);
    expect(quoteCoverage('Roemeense gezinnen uit Brașov', 'roemeense gezinnen uit brasov')).toBe(1);
  });

  it('does not count a passage holding less than 80% of the quote words', () => {
    expect(containsEvidence('het bestuur vergadert', 'Het bestuur vergadert maandelijks. Het overleg met de wethouder is eens per kwartaal.')).toBe(false);
  });

  it('never counts a passage longer than 2,000 characters', () => {
    const quote = 'het bestuur vergadert maandelijks';
    expect(containsEvidence(`${quote} ${'x '.repeat(1000)}`, quote)).toBe(false);
  });
});

describe('retrievalMetrics', () => {
  it('computes hit@k and MRR@10 from first-hit ranks', () => {
    const metrics = retrievalMetrics([1, 3, null, 12]);
    expect(metrics.hitAt).toEqual({ 1: 0.25, 3: 0.5, 5: 0.5, 10: 0.5 });
    expect(metrics.mrrAt10).toBeCloseTo((1 + 1 / 3) / 4);
    expect(firstHitRank(['a b c', 'het bestuur vergadert maandelijks'], ['bestuur vergadert maandelijks'])).toBe(2);
  });
});

describe('figureRecall', () => {
  it('matches figures written in Dutch or English notation', () => {
    expect(figureRecall('€ 1.234.567 en 0,23 per kilometer', 'Het saldo was 1,234,567 euro; 0.23 per km')).toBe(1);
    expect(figureRecall('12.75 FTE', 'op de projecten 12,75 fte')).toBe(1);
  });

  it('does not match a near-miss number or a date', () => {
    expect(figureRecall('64 meldingen', '641 meldingen op 31-12-2021')).toBe(0);
    expect(figureRecall('Geen cijfers hier', 'iets')).toBeNull();
  });
});

describe('citationsValid', () => {
  const citations = [{ n: 1, quote: 'vergadert maandelijks', text: 'Het bestuur vergadert maandelijks.' }];
  it('accepts markers that resolve to citations whose quotes occur in their text', () => {
    expect(citationsValid('Zie “vergadert maandelijks” [1]', citations)).toBe(true);
  });

  it('rejects a marker without citation, an unused citation and a quote not in its passage', () => {
    expect(citationsValid('Zie [1] en [2]', citations)).toBe(false);
    expect(citationsValid('Geen markers', citations)).toBe(false);
    expect(citationsValid('Zie [1]', [{ n: 1, quote: 'wekelijks', text: 'Het bestuur vergadert maandelijks.' }])).toBe(false);
  });

  it('measures the share of citations whose passage holds gold evidence', () => {
    expect(citationPrecision(citations, ['Het bestuur vergadert maandelijks'])).toBe(1);
    expect(citationPrecision([], ['x'])).toBeNull();
  });
});

describe('answerOk', () => {
  const citations = [{ n: 1, quote: 'telde 410 leden', text: 'De vereniging telde 410 leden en 12 vrijwilligers.' }];
  it('counts a refusal of an unanswerable question and an answer with evidence and half the figures as right', () => {
    expect(answerOk(false, 'not_found', [], [], null)).toBe(true);
    expect(answerOk(true, 'answered', citations, ['De vereniging telde 410 leden'], 0.5)).toBe(true);
    expect(answerOk(true, 'answered', citations, ['De vereniging telde 410 leden'], null)).toBe(true);
  });

  it('counts a refused answerable question, a missing figure share and a citation without evidence as wrong', () => {
    expect(answerOk(false, 'answered', citations, [], null)).toBe(false);
    expect(answerOk(true, 'not_found', [], ['De vereniging telde 410 leden'], null)).toBe(false);
    expect(answerOk(true, 'answered', citations, ['De vereniging telde 410 leden'], 0.25)).toBe(false);
    expect(answerOk(true, 'answered', citations, ['Het bestuur vergadert elke maand'], 1)).toBe(false);
  });
});
