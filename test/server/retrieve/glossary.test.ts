import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../../server/retrieve/glossary.js';

const glossary = parseGlossary(JSON.stringify({ english: { careful: ['zorgvuldig'], easy: ['eenvoudig'], fly: ['vliegen'] } }));

describe('parseGlossary: translateWord', () => {
  it('translates an adverb through its adjective', () => {
    expect(glossary.translateWord('carefully')).toEqual(['zorgvuldig']);
    expect(glossary.translateWord('easily')).toEqual(['eenvoudig']);
  });

  it('keeps a word that ends in -ly and is itself in the glossary', () => {
    expect(glossary.translateWord('fly')).toEqual(['vliegen']);
  });

  it('finds nothing for an adverb whose adjective it does not know', () => {
    expect(glossary.translateWord('quickly')).toBeUndefined();
  });
});
