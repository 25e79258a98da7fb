import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../server/retrieve/analyze-query.js';
import { passage, queryContext } from '../../support/answer-parts.js';

const context = queryContext([passage('De provincie stelde het plan in 2020 vast.')]);

describe('analyzeQuery: English possessives', () => {
  it('searches the owner of a possessive, not the word with its "\'s"', () => {
    const words = analyzeQuery("What was the province's plan?", [], context).terms.map((t) => t.word);
    expect(words).not.toContain("province's");
    expect(words).toContain('provincie');
  });
});

describe('analyzeQuery: separable verbs', () => {
  it('searches a verb split by its particle as the whole verb the documents write, in the verb’s concept', () => {
    const corpus = queryContext([passage('Het waterschap levert een bijdrage aan het fonds.')]);
    const terms = analyzeQuery('Wat draagt het waterschap aan het fonds bij?', [], corpus).terms;
    const joined = terms.find((t) => t.term === 'bijdrag');
    expect(joined?.group).toBe('draagt');
    // Joins the corpus does not know are no search terms.
    expect(terms.some((t) => t.term.startsWith('bijwaterschap'))).toBe(false);
  });
});
