import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../../server/retrieve/glossary.js';

const glossary = parseGlossary(
  JSON.stringify({ english: { careful: ['zorgvuldig'], easy: ['eenvoudig'], fly: ['vliegen'], tall: ['lang'], wide: ['breed'], fat: ['vet'], order: ['volgorde'] } }),
);

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

describe('parseGlossary: comparatives and superlatives', () => {
  it('translates them through their adjective', () => {
    expect(glossary.translateWord('taller')).toEqual(['lang']);
    expect(glossary.translateWord('tallest')).toEqual(['lang']);
    expect(glossary.translateWord('wider')).toEqual(['breed']);
    expect(glossary.translateWord('fattest')).toEqual(['vet']);
    expect(glossary.translateWord('easier')).toEqual(['eenvoudig']);
  });

  it('keeps a word ending in -er that is itself in the glossary', () => {
    expect(glossary.translateWord('order')).toEqual(['volgorde']);
  });
});
