import { describe, expect, it } from 'vitest';
import { detectFilters, type DocumentFacts } from '../../../server/retrieve/detect-filters.js';

const facts = (docType: string, organisation: string | null = null): DocumentFacts => ({ documentId: docType.replace(/\W+/g, '-') || 'doc', title: 'Titel', docType, organisation });

describe('detectFilters', () => {
  it.each(['de het van', 'van de', 'het', 'de-het', 'a b'])('never detects the document type "%s", which has no real term', (docType) => {
    for (const question of ['Hoeveel klachten kwamen er binnen in 2022?', 'Wat staat er in de brief van het college?', 'de het van']) {
      expect(detectFilters(question, [facts(docType), facts('jaarverslag')]).docTypes, question).toEqual([]);
    }
  });

  it('still detects a type whose name mixes stop words with a real term, and only when the term is asked about', () => {
    const documents = [facts('brief van het college')];
    expect(detectFilters('Wat staat er in de brief van het college?', documents).docTypes).toEqual(['brief van het college']);
    expect(detectFilters('Wat zegt het college van de gemeente?', documents).docTypes).toEqual([]);
  });

  it('detects the corpus types by their aliases as before', () => {
    expect(detectFilters('Wat staat er in het jaarverslag over klachten?', [facts('jaarverslag'), facts('raadsvoorstel')]).docTypes).toEqual(['jaarverslag']);
  });

  it('detects every document of a source the question names, in the order of the list, and none of another source', () => {
    const documents: DocumentFacts[] = [
      { documentId: 'a', title: 'A', docType: 'rapport', organisation: 'Berenschot' },
      { documentId: 'b', title: 'B', docType: 'rapport', organisation: 'Rekenkamer Groningen' },
      { documentId: 'c', title: 'C', docType: 'rapport', organisation: 'Berenschot' },
    ];
    expect(detectFilters('Wat adviseert Berenschot?', documents).documentIds).toEqual(['a', 'c']);
    expect(detectFilters('Wat zegt de rekenkamer?', documents).documentIds).toEqual(['b']);
    expect(detectFilters('Wat zegt de gemeente Groningen?', documents).documentIds).toEqual([]);
  });
});
