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
