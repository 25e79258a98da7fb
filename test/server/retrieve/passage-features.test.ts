import { describe, expect, it } from 'vitest';
import { buildCorpusStats } from '../../../server/retrieve/corpus-stats.js';
import { typeScore } from '../../../server/retrieve/passage-features.js';
import { passage } from '../../support/answer-parts.js';

const numberWords = new Set(['drie', 'twaalf']);

describe('typeScore', () => {
  const passages = [
    passage('In de wijk werken drie buurtcoaches samen met de school.'),
    passage('Het plan voor de wijk werd in 2021 vastgesteld.'),
    passage('De wijk telt 14 speeltuinen.'),
  ];
  const stats = buildCorpusStats(passages);
  const [words, year, digits] = passages.map((p) => stats.byId.get(p.id)!);

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
  const passages = [
    passage('De commissie bestaat uit mevrouw Jansen en twee leden.'),
    passage('Voorzitter is P.K. (Pieter) van den Berg, benoemd door het college.'),
    passage('Het college besluit over de verdeling van het budget.'),
  ];
  const stats = buildCorpusStats(passages);
  const [address, initials, body] = passages.map((p) => stats.byId.get(p.id)!);

  it('favours a passage that names a person, by form of address or by initials and surname', () => {
    expect(typeScore('actor', address!)).toBe(1);
    expect(typeScore('actor', initials!)).toBe(1);
  });

  it('leaves a passage naming only a body neutral', () => {
    expect(typeScore('actor', body!)).toBe(0.5);
  });
});
