import { describe, expect, it } from 'vitest';
import type { AskResponse, Citation, PassageHit } from '../../../server/answer/types.js';
import { answerMarkdown, escapeMarkdown, passageUrl, sourceMarkdown } from '../../../server/markdown/answer-markdown.js';

const source = { passageId: 'doc_1:abc', documentId: 'doc_1', source: 'doc_1.txt', title: 'Jaarverslag *2022*', docType: 'jaarverslag', date: '2023-07-05', page: 12, pageLabel: '10', section: 'Deel 1 › 1.2 Financiën' };
const citation: Citation = { ...source, n: 1, quote: 'Een zin.', text: 'Een zin. Nog een.' };
const hit: PassageHit = { ...source, text: 'Een zin.', score: 0.5 };

function response(overrides: Partial<AskResponse>): AskResponse {
  return {
    status: 'answered', answer: 'Volgens het jaarverslag: “Een zin.” [1]\n', citations: [citation], passages: [hit],
    query: { language: 'nl', intent: 'fact', filters: { detected: { docTypes: [], documentIds: [], years: [] } }, terms: [], followUp: false },
    ...overrides,
  };
}

describe('sourceMarkdown', () => {
  it('names title, type, date, the last section and the printed page, with a link to the passage', () => {
    expect(sourceMarkdown(source, 'nl', { webUrl: 'https://grip.example.nl/' })).toBe(
      '*Jaarverslag \\*2022\\** — jaarverslag, 5 juli 2023, § 1.2 Financiën, p. 10 — [bekijk in Grip](https://grip.example.nl/#/passage/doc_1%3Aabc)',
    );
  });

  it('leaves out what is unknown and the link without a web address, and speaks English for English questions', () => {
    expect(sourceMarkdown({ ...source, date: null, page: null, section: '' }, 'en')).toBe('*Jaarverslag \\*2022\\** — jaarverslag');
    expect(sourceMarkdown(source, 'en', { webUrl: 'http://x' })).toContain('5 July 2023, § 1.2 Financiën, p. 10 — [view in Grip](http://x/#/passage/doc_1%3Aabc)');
  });
});

describe('answerMarkdown', () => {
  it('gives the answer as written, then one footnote per citation', () => {
    expect(answerMarkdown(response({}))).toBe('Volgens het jaarverslag: “Een zin.” [1]\n\n**Bronnen**\n\n- [1] *Jaarverslag \\*2022\\** — jaarverslag, 5 juli 2023, § 1.2 Financiën, p. 10');
  });

  it('lists the related passages of a "not found" answer, and nothing when there are none', () => {
    const notFound = response({ status: 'not_found', answer: 'Dit staat niet in de documenten.', citations: [], passages: Array.from({ length: 8 }, () => hit) });
    const text = answerMarkdown(notFound);
    expect(text.startsWith('Dit staat niet in de documenten.\n\n**Mogelijk relevant**\n\n- *Jaarverslag')).toBe(true);
    expect(text.match(/^- /gm)).toHaveLength(5);
    expect(answerMarkdown({ ...notFound, passages: [] })).toBe('Dit staat niet in de documenten.');
  });
});

describe('escapeMarkdown and passageUrl', () => {
  it('escapes what would become markup or a link, and encodes the id', () => {
    expect(escapeMarkdown('a_b [c](d) <e> | `f` \\')).toBe('a\\_b \\[c\\](d) \\<e\\> \\| \\`f\\` \\\\');
    expect(passageUrl('http://h:1//', 'a/b c')).toBe('http://h:1/#/passage/a%2Fb%20c');
  });
});
