import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../ingest/index.js';
import { infinitivesOf, joinedVerbs, passageVerbJoins } from '../../../server/retrieve/separable-verbs.js';

const particles = new Set(['bij', 'op', 'vast']);

describe('joinedVerbs', () => {
  it('joins a particle that ends a clause to every earlier word of that clause', () => {
    const words = joinedVerbs('wat draagt de provincie hieraan bij? en wie betaalt', particles).map((j) => j.word);
    expect(words).toContain('bijdraagt');
    expect(words).not.toContain('bijprovincie');
    expect(words.some((w) => w.endsWith('betaalt'))).toBe(false);
  });

  it('leaves a particle inside a clause alone', () => {
    expect(joinedVerbs('wie neemt bij de provincie het besluit', particles)).toEqual([]);
  });
});

describe('infinitivesOf', () => {
  it('gives the infinitives a present tense in -t may belong to', () => {
    expect(infinitivesOf('draagt')).toContain('dragen');
    expect(infinitivesOf('neemt')).toContain('nemen');
    expect(infinitivesOf('leeft')).toContain('leven');
    expect(infinitivesOf('werkt')).toContain('werken');
  });

  it('gives nothing for a word without the -t', () => {
    expect(infinitivesOf('provincie')).toEqual([]);
  });
});

describe('passageVerbJoins', () => {
  it('joins a clause-final particle to the words of its clause that end like a verb, at the verb', () => {
    const text = 'Het waterschap draagt jaarlijks aan het fonds bij. Het stelt de plannen vast';
    const tokens = tokenize(text);
    const joins = passageVerbJoins(text, tokens, particles);
    const draagt = joins.find((j) => j.word === 'bijdraagt');
    expect(draagt && tokens[draagt.token]?.text).toBe('draagt');
    expect(joins.map((j) => j.word)).toContain('vaststelt');
    expect(joins.map((j) => j.word)).not.toContain('bijfonds');
  });

  it('does not reach across a clause boundary', () => {
    const text = 'De provincie draagt de kosten, de gemeente zet het op';
    expect(passageVerbJoins(text, tokenize(text), particles).map((j) => j.word)).not.toContain('opdraagt');
  });
});
