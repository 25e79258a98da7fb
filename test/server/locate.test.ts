import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../ingest/types.js';
import { createLocator, matchText, MIN_MATCH_CHARS, wordCoverage } from '../../server/answer/locate.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';

function passage(documentId: string, ordinal: number, text: string): Passage {
  return {
    id: `${documentId}:${ordinal}`, documentId, source: `${documentId}.txt`, title: documentId, docType: 'jaarverslag', date: null, year: 2022,
    organisation: null, page: null, pageLabel: null, section: [], ordinal, kind: 'text', start: 0, end: text.length, cleanStart: 0, cleanEnd: text.length, text,
  };
}

const passages = [
  passage('a', 0, 'In 2022 hebben we 82 klachten van inwoners ontvangen.'),
  passage('a', 1, 'De gemeente heeft de subsidie toegekend. Het Ĳsselmeer is geen onderwerp. De sa-\nmenwerking is goed geregeld'),
  passage('a', 2, 'in een overeenkomst met heldere afspraken.'),
  passage('b', 0, 'Klachten van inwoners worden centraal behandeld.'),
];

describe('matchText', () => {
  it('keeps letters and digits only, lower-cased and without accents, with offsets into the original', () => {
    const folded = matchText('Één, ĳs!');
    expect(folded.chars).toBe('eenijs');
    expect(folded.starts).toEqual([0, 1, 2, 5, 5, 6]);
    expect(folded.ends).toEqual([1, 2, 3, 6, 6, 7]);
  });
});

describe('createLocator', () => {
  const locator = createLocator(passages);

  it('finds a quote regardless of case, punctuation, quotes and line breaks, and marks the span in the original text', () => {
    const [match, ...rest] = locator.locate('“in 2022 HEBBEN we\n82 klachten”');
    expect(rest).toEqual([]);
    expect(match?.complete).toBe(true);
    const span = match?.spans[0] ?? { start: 0, end: 0 };
    expect(passages[0]?.text.slice(span.start, span.end)).toBe('In 2022 hebben we 82 klachten');
  });

  it('matches across a hyphenated line break and accents', () => {
    const [match] = locator.locate('het IJsselmeer is geen onderwerp. De samenwerking');
    const span = match?.spans[0] ?? { start: 0, end: 0 };
    expect(passages[1]?.text.slice(span.start, span.end)).toBe('Het Ĳsselmeer is geen onderwerp. De sa-\nmenwerking');
  });

  it('follows a quote across a passage boundary and marks the part in each passage', () => {
    const matches = locator.locate('samenwerking is goed geregeld in een overeenkomst');
    expect(matches.map((m) => [m.passage.id, m.complete])).toEqual([['a:1', false], ['a:2', false]]);
    const [first, second] = matches;
    expect(first?.passage.text.slice(first.spans[0]?.start, first.spans[0]?.end)).toBe('sa-\nmenwerking is goed geregeld');
    expect(second?.passage.text.slice(second.spans[0]?.start, second.spans[0]?.end)).toBe('in een overeenkomst');
  });

  it('never joins the end of one document to the start of another', () => {
    expect(locator.locate('heldere afspraken klachten van inwoners')).toEqual([]);
  });

  it('reports every passage that contains the text, complete matches first', () => {
    expect(locator.locate('klachten van inwoners').map((m) => m.passage.id)).toEqual(['a:0', 'b:0']);
  });

  it('ignores texts too short to identify a place', () => {
    expect(locator.locate('82 kl'.slice(0, MIN_MATCH_CHARS - 1))).toEqual([]);
    expect(locator.locate('82 klachten')).toHaveLength(1);
  });
});

describe('wordCoverage', () => {
  it('gives the share of distinct words found', () => {
    expect(wordCoverage(['klacht', 'inwoner', 'klacht', 'gemeente'], new Set(['klacht', 'gemeente']))).toBe(0.67);
    expect(wordCoverage([], new Set(['klacht']))).toBe(0);
  });
});

describe('POST /api/locate', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ listen: false });
  });
  afterAll(() => server.close());

  const locate = (body: unknown) => server.app.request('/api/locate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('returns the passage that holds a quote with differently wrapped lines, with the exact span marked', async () => {
    const quote = 'Totaal aantal gemelde\n  klachten 82 121 124 125 75';
    const response = await locate({ text: quote });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { exact: { text: string; title: string; spans: { start: number; end: number }[]; complete: boolean }[]; related: { passageId: string; coverage: number }[] };
    expect(body.exact.length).toBeGreaterThan(0);
    const [hit] = body.exact;
    expect(hit?.title).toMatch(/Jaarverslag 2022/);
    expect(hit?.complete).toBe(true);
    const marked = hit?.text.slice(hit.spans[0]?.start, hit.spans[0]?.end);
    expect(marked?.replace(/\s+/g, ' ')).toBe('Totaal aantal gemelde klachten 82 121 124 125 75');
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.every((r) => r.coverage >= 0 && r.coverage <= 1)).toBe(true);
  });

  it('returns supporting passages but no exact match for a paraphrased claim', async () => {
    const response = await locate({ text: 'WIJ kreeg in 2022 ruim 31 miljoen euro subsidie van de gemeente' });
    const body = (await response.json()) as { exact: unknown[]; related: { text: string }[] };
    expect(body.exact).toEqual([]);
    expect(body.related.some((r) => /subsidie/i.test(r.text))).toBe(true);
  });

  it('rejects an empty text with a readable error', async () => {
    const response = await locate({ text: '   ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });
});
