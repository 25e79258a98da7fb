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
