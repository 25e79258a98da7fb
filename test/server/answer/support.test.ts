/**
 * The support check on the real corpus: a figure question is answered only by a sentence that is at once the
 * right kind of figure, about what the question counts and, where the question asks what really happened,
 * not a plan or expectation. Each refusal is paired with a neighbouring question the documents do answer, so
 * a check that refused everything would fail too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, retrieveFor } from '../../../server/answer/ask.js';
import type { Engine } from '../../../server/engine.js';
import { corpusEngine } from '../../support/corpus-engine.js';

let engine: Engine;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ engine, dispose } = await corpusEngine());
}, 120_000);
afterAll(async () => dispose());

const answer = (question: string) => ask(engine, { question });

describe('figure questions', () => {
  it('refuses how often a meeting the documents only name convenes, but answers for a meeting whose frequency they give', async () => {
    const named = await answer('Hoe vaak komt het bestuurdersoverleg bij elkaar?');
    expect(named.status).toBe('not_found');
    expect(named.citations).toEqual([]);
    const given = await answer('Hoe vaak overlegt de raad van toezicht met WIJ?');
    expect(given.status).toBe('answered');
    expect(given.answer).toMatch(/twee keer/);
  });

  it('does not answer what a measure really yielded with what it was expected to yield', async () => {
    const realised = await answer('Hoeveel heeft de bezuiniging in 2020 werkelijk opgeleverd?');
    expect(realised.status).toBe('not_found');
    const expected = await answer('Welke bezuiniging verwachtte het college in 2020?');
    expect(expected.status).toBe('answered');
    expect(expected.answer).toContain('1,655 miljoen');
  });

  it('refuses an amount for a year or a subject the documents give none for, but answers the year they do', async () => {
    expect((await answer('Hoeveel subsidie krijgt WIJ in 2025?')).status).toBe('not_found');
    expect((await answer('Hoeveel kost een WIJ-manager per jaar?')).status).toBe('not_found');
    const given = await answer('Hoeveel subsidie kreeg WIJ in 2022?');
    expect(given.status).toBe('answered');
    expect(given.answer).toContain('31.642.000');
  });

  it('lets the items of a list carry the subject of the sentence that introduces them', async () => {
    const response = await answer('Hoeveel WIJ-managers blijven er over na de reorganisatie?');
    expect(response.status).toBe('answered');
    expect(response.answer).toContain('4 WIJ-managers');
  });
});

describe('answer sentences', () => {
  it('goes on from the best sentence to the next one when it gives another figure on the subject', async () => {
    const response = await answer('Hoe vaak vergadert de ondernemingsraad van WIJ?');
    expect(response.status).toBe('answered');
    const wekelijks = response.answer.indexOf('vergadert wekelijks');
    expect(wekelijks).toBeGreaterThanOrEqual(0);
    expect(response.answer.indexOf('eens per vier weken')).toBeGreaterThan(wekelijks);
  });
});

describe('item figures', () => {
  it('adds the budget row of the item an answer describes when the question asks about money', async () => {
    const response = await answer('Welke ondersteuning biedt WIJ gedupeerden van de aardbevingen, en hoeveel geld is daaraan besteed?');
    expect(response.status).toBe('answered');
    const row = response.citations.find((c) => c.quote.startsWith('Sociaal-emotionele ondersteuning aardbevingen'));
    expect(row?.quote).toContain('306.000');
    expect(response.answer).toContain(row?.quote);
    expect(response.citations.some((c) => c.section.includes('Sociaal-emotionele ondersteuning') && c !== row)).toBe(true);
  });

  it('leaves the row out when the question does not ask about money', async () => {
    const response = await answer('Welke ondersteuning biedt WIJ gedupeerden van de aardbevingen?');
    expect(response.status).toBe('answered');
    expect(response.answer).not.toContain('306.000');
  });
});

describe('question analysis', () => {
  const analysis = async (question: string) => (await retrieveFor(engine, { question })).analysis;

  it('reads "hoeveel" followed by a money verb as a question for an amount, but not a money word later on', async () => {
    expect((await analysis('Hoeveel betaalt WIJ de gemeente voor huisvesting?')).intent).toBe('amount');
    expect((await analysis('Hoeveel stagiairs vonden via WIJ een betaalde baan?')).intent).toBe('quantity');
  });

  it('reads "hoeveel subsidie" as a question for an amount and "kost" as its unit, not its subject', async () => {
    expect((await analysis('Hoeveel subsidie krijgt WIJ?')).intent).toBe('amount');
    expect((await analysis('Hoeveel kost een WIJ-manager per jaar?')).focus).toBe('manager');
  });

  it('takes the head of a hyphenated compound as what a question counts', async () => {
    expect((await analysis('Hoeveel WIJ-managers zijn er?')).focus).toBe('manager');
  });
});
