import { describe, expect, it } from 'vitest';
import { buildCorpusStats } from '../../../server/retrieve/corpus-stats.js';
import { typeScore } from '../../../server/retrieve/passage-features.js';
import { passage } from '../../support/answer-parts.js';

const numberWords = new Set(['drie', 'twaalf']);

/** The analysed form of each text, as the rerank reads a candidate. */
function analysed(...texts: string[]) {
  const passages = texts.map((text) => passage(text));
  const stats = buildCorpusStats(passages);
  return passages.map((p) => stats.byId.get(p.id)!);
}

describe('typeScore', () => {
  const [words, year, digits] = analysed(
    'In de wijk werken drie buurtcoaches samen met de school.',
    'Het plan voor de wijk werd in 2021 vastgesteld.',
    'De wijk telt 14 speeltuinen.',
  );

  it('lets a count written in words hold a count answer', () => {
    expect(typeScore('count', words!, numberWords)).toBe(1);
    expect(typeScore('count', digits!, numberWords)).toBe(1);
  });

  it('does not take a year for a count, nor a written number for a percentage', () => {
    expect(typeScore('count', year!, numberWords)).toBe(0);
    expect(typeScore('percentage', words!, numberWords)).toBe(0);
    expect(typeScore('percentage', digits!, numberWords)).toBe(1);
  });

  it('reads digits only when it is given no written numbers', () => {
    expect(typeScore('count', words!)).toBe(0);
  });
});

describe('typeScore for a person or body', () => {
  const [address, initials, body] = analysed(
    'De commissie bestaat uit mevrouw Jansen en twee leden.',
    'Voorzitter is P.K. (Pieter) van den Berg, benoemd door het college.',
    'Het college besluit over de verdeling van het budget.',
  );

  it('favours a passage that names a person, by form of address or by initials and surname', () => {
    expect(typeScore('actor', address!)).toBe(1);
    expect(typeScore('actor', initials!)).toBe(1);
  });

  it('leaves a passage naming only a body neutral', () => {
    expect(typeScore('actor', body!)).toBe(0.5);
  });
});
