import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrieveFor } from '../../../server/answer/ask.js';
import type { Engine } from '../../../server/engine.js';
import { corpusEngine } from '../../support/corpus-engine.js';

let engine: Engine;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ engine, dispose } = await corpusEngine());
});
afterAll(() => dispose());

/** Rank (1-based) of the first passage that contains every one of `words`, or null. */
async function rankOf(question: string, words: string[], history: { role: 'user' | 'assistant'; content: string }[] = []): Promise<number | null> {
  const result = await retrieveFor(engine, { question, history });
  const index = result.passages.findIndex((r) => words.every((word) => r.passage.text.toLowerCase().includes(word)));
  return index < 0 ? null : index + 1;
}

describe('retrieval on the default corpus', () => {
  it('puts the passage that names the asked figure in the top 5', async () => {
    expect(await rankOf('Hoeveel klachten van inwoners ontving WIJ in 2022?', ['klachten', '2022'])).toBeLessThanOrEqual(5);
  });

  it('maps an English question onto Dutch terms and finds the Dutch passage', async () => {
    const result = await retrieveFor(engine, { question: 'How many complaints did WIJ receive?' });
    expect(result.analysis.language).toBe('en');
    expect(result.analysis.terms.map((t) => t.word)).toContain('klacht');
    expect(await rankOf('How many complaints did WIJ receive?', ['klachten'])).toBeLessThanOrEqual(5);
  });

  it('carries the subject of the earlier turn into a follow-up question', async () => {
    const history = [{ role: 'user' as const, content: 'Wat doet de ondernemingsraad van WIJ?' }, { role: 'assistant' as const, content: 'De ondernemingsraad vergadert en adviseert.' }];
    const alone = await retrieveFor(engine, { question: 'En hoe vaak gebeurt dat?' });
    const followUp = await retrieveFor(engine, { question: 'En hoe vaak gebeurt dat?', history });
    expect(alone.analysis.followUp).toBe(false);
    expect(followUp.analysis.followUp).toBe(true);
    expect(followUp.analysis.terms.some((t) => t.origin === 'history')).toBe(true);
    // The previous answer's own words ("adviseert") are marked apart and weigh less than the previous question's.
    const adviseert = followUp.analysis.terms.find((t) => t.word === 'adviseert');
    const ondernemingsraad = followUp.analysis.terms.find((t) => t.word === 'ondernemingsraad');
    expect(adviseert?.origin).toBe('answer');
    expect(ondernemingsraad?.origin).toBe('history');
    expect(adviseert!.weight).toBeLessThan(ondernemingsraad!.weight);
    expect(await rankOf('En hoe vaak gebeurt dat?', ['ondernemingsraad'], history)).toBeLessThanOrEqual(5);
  });

  it('returns at least ten passages, best first', async () => {
    const result = await retrieveFor(engine, { question: 'Hoeveel klachten ontving WIJ?' });
    expect(result.passages.length).toBeGreaterThanOrEqual(10);
    const scores = result.passages.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('retrieval filters', () => {
  it('restricts passages to the requested document types', async () => {
    const result = await retrieveFor(engine, { question: 'Wat zijn de kosten?', filters: { docTypes: ['raadsvoorstel'] } });
    expect(result.passages.length).toBeGreaterThan(0);
    expect(new Set(result.passages.map((r) => r.passage.docType))).toEqual(new Set(['raadsvoorstel']));
  });

  it('restricts passages to a year range', async () => {
    const result = await retrieveFor(engine, { question: 'Wat besloot de raad over WIJ?', filters: { yearFrom: 2019, yearTo: 2019 } });
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages.every((r) => r.passage.year === 2019)).toBe(true);
  });

  it('restricts passages to one document', async () => {
    const result = await retrieveFor(engine, { question: 'governance', filters: { documentIds: ['004_27f37c8f34aada63'] } });
    expect(result.passages.every((r) => r.passage.documentId === '004_27f37c8f34aada63')).toBe(true);
  });

  it('recognises a source named in the question ("volgens Berenschot") as a filter', async () => {
    const result = await retrieveFor(engine, { question: 'Hoe wordt volgens Berenschot de opdracht aan WIJ bestuurd?' });
    expect(result.analysis.detected.documentIds).toEqual(['004_27f37c8f34aada63']);
    expect(result.passages.every((r) => r.passage.documentId === '004_27f37c8f34aada63')).toBe(true);
  });

  it('recognises a document type named in the question ("het raadsvoorstel")', async () => {
    const result = await retrieveFor(engine, { question: 'Wat staat er in het raadsvoorstel over frictiekosten?' });
    expect(result.analysis.detected.docTypes).toEqual(['raadsvoorstel']);
    expect(result.passages.every((r) => r.passage.docType === 'raadsvoorstel')).toBe(true);
  });

  it('ignores detected filters when asked to', async () => {
    const result = await retrieveFor(engine, { question: 'Hoe wordt volgens Berenschot de opdracht aan WIJ bestuurd?', detectFilters: false });
    expect(new Set(result.passages.map((r) => r.passage.documentId)).size).toBeGreaterThan(1);
  });

  it('treats a year in the question as a hint, not a filter', async () => {
    const result = await retrieveFor(engine, { question: 'Zijn er nu meer of minder mensen met een participatiebaan bij WIJ dan in 2020?' });
    expect(result.analysis.detected.years).toEqual([2020]);
    expect(result.passages.some((r) => r.passage.year !== 2020)).toBe(true);
  });
});
