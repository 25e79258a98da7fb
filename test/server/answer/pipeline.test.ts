/**
 * The answer pipeline end to end on a small synthetic corpus written for these tests (test/fixtures/answers):
 * indexed with the real ingest pipeline, retrieved and answered as /api/ask does.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../server/answer/ask.js';
import { RULES } from '../../../server/answer/rules.js';
import type { AskResponse } from '../../../server/answer/types.js';
import type { Engine } from '../../../server/engine.js';
import { citationsValid } from '../../eval/score.js';
import { corpusEngine } from '../../support/corpus-engine.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/answers/', import.meta.url));
let engine: Engine;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ engine, dispose } = await corpusEngine(FIXTURES));
}, 120_000);
afterAll(() => dispose());

const answer = (question: string, history: { role: 'user' | 'assistant'; content: string }[] = []) => ask(engine, { question, history });

/** The text of the direct answer span, from the response's JSON. */
function span(response: AskResponse): string | undefined {
  const cited = response.citations.find((c) => c.answerSpan);
  return cited?.answerSpan ? cited.text.slice(cited.answerSpan.start, cited.answerSpan.end) : undefined;
}

describe('the answer pipeline', () => {
  it('opens a figure answer with the figure, in bold with its marker and as offsets in its citation', async () => {
    const response = await answer('Hoeveel subsidie kreeg Buurtkracht in 2023 van de gemeente?');
    expect(response.status).toBe('answered');
    expect(response.answerType).toBe('amount');
    expect(span(response)).toBe('€ 2.750.000');
    expect(response.answer.startsWith('**€ 2.750.000** [1]')).toBe(true);
    expect(citationsValid(response.answer, response.citations)).toBe(true);
  });

  it('names the body that decides', async () => {
    const response = await answer('Wie benoemt de directeur-bestuurder van de stichting?');
    expect(response.answerType).toBe('who_decides');
    expect(span(response)).toBe('raad van toezicht');
  });

  it('gives a list with every item its lead-in announces', async () => {
    const response = await answer('Aan welke speerpunten werkte de stichting?');
    expect(response.query.rules).toContain('list-items');
    expect(response.citations.filter((c) => c.quote.startsWith('- '))).toHaveLength(4);
  });

  it('gives each document’s figure when the documents disagree', async () => {
    const response = await answer('Hoeveel deelprojecten voert Buurtkracht uit?');
    expect(response.query.rules).toContain('conflicting-figures');
    expect(new Set(response.citations.map((c) => c.documentId)).size).toBe(2);
    expect(response.answer).toMatch(/\*\*vijf deelprojecten\*\* \[\d\]; \*\*zes deelprojecten\*\* \[\d\]|\*\*zes deelprojecten\*\* \[\d\]; \*\*vijf deelprojecten\*\* \[\d\]/);
  });

  it('resolves a follow-up against the earlier turn and keeps its answer type', async () => {
    const history = [
      { role: 'user' as const, content: 'Hoeveel huisbezoeken deden de buurtcoaches in 2023?' },
      { role: 'assistant' as const, content: 'In 2023 voerden de buurtcoaches 2.418 huisbezoeken uit.' },
    ];
    const response = await answer('En in de Molenstreek?', history);
    expect(response.query.followUp).toBe(true);
    expect(response.answerType).toBe('count');
    expect(span(response)).toBe('640 huisbezoeken');
  });

  it('answers each part of a question that asks two things', async () => {
    const response = await answer('Hoe vaak overlegt de ondernemingsraad met de directeur-bestuurder, en hoeveel leden heeft de raad van toezicht?');
    const quotes = response.citations.map((c) => c.quote).join(' ');
    expect(quotes).toContain('maandelijks');
    expect(quotes).toContain('vijf leden');
  });

  it('refuses a year later than the documents speak of, and a name no document uses', async () => {
    const later = await answer('Hoeveel subsidie kreeg Buurtkracht in 2031?');
    expect(later.status).toBe('not_found');
    expect(later.query.rules).toContain('year-not-covered');
    const unknown = await answer('Hoeveel subsidie kreeg Buurtkracht van de provincie Drenthe?');
    expect(unknown.status).toBe('not_found');
    expect(unknown.query.rules).toContain('unknown-name');
    expect(unknown.citations).toEqual([]);
    expect(unknown.passages.length).toBeGreaterThan(0);
  });

  it('refuses a question about something no document mentions', async () => {
    const response = await answer('Welke voetbalclub sponsort de stichting?');
    expect(response.status).toBe('not_found');
    expect(response.query.rules).toContain('unknown-subject');
  });

  it('records only rules of the registry', async () => {
    const response = await answer('Wanneer begon Buurtkracht met het opbouwwerk?');
    expect(response.query.rules.length).toBeGreaterThan(2);
    for (const rule of response.query.rules) expect(Object.keys(RULES)).toContain(rule);
  });
});
