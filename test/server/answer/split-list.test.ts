/**
 * A list longer than a passage is split by the chunker; an answer that quotes its lead-in must still give the
 * items that open the next passage. Built through the real pipeline from a small document written here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ask } from '../../../server/answer/ask.js';
import type { Engine } from '../../../server/engine.js';
import { allPassages, corpusEngine } from '../../support/corpus-engine.js';

const THEMES = ['bibliotheken', 'sportvelden', 'speeltuinen', 'buurthuizen', 'fietspaden', 'wijkparken', 'zwembaden', 'muziekscholen'];

function werkplan(): string {
  const items = THEMES.map((theme, i) =>
    `${i + 1}. De stichting onderhoudt de ${theme} in alle wijken van de gemeente en zorgt dat bewoners, scholen en verenigingen er het hele jaar terecht kunnen, ook in de avonduren en in het weekend, met vaste aanspreekpunten per wijk en een jaarlijkse schouw samen met de bewoners;`);
  return ['# Werkplan Stichting Buurtvoorzieningen 2024', '', 'De stichting werkt in 2024 aan de volgende acht speerpunten:', '', ...items.flatMap((item) => [item, '']), 'Daarna volgt een evaluatie met de gemeenteraad.', ''].join('\n');
}

let folder: string;
let engine: Engine;
let dispose: () => Promise<void>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'grip-list-'));
  await writeFile(join(folder, 'werkplan-2024.md'), werkplan());
  ({ engine, dispose } = await corpusEngine(folder));
}, 120_000);
afterAll(async () => {
  await dispose();
  await rm(folder, { recursive: true, force: true });
});

it('gives the items of a list from the passage of its lead-in and from the next one', async () => {
  const passages = (await allPassages(engine)).filter((p) => p.text.includes('onderhoudt de'));
  expect(new Set(passages.map((p) => p.id)).size).toBeGreaterThan(1);
  const response = await ask(engine, { question: 'Aan welke speerpunten werkt de stichting in 2024?' });
  expect(response.status).toBe('answered');
  expect(response.answer).toContain('volgende acht speerpunten');
  for (const theme of [THEMES[0], THEMES[THEMES.length - 1]]) expect(response.answer).toContain(`onderhoudt de ${theme}`);
  expect(new Set(response.citations.map((c) => c.passageId)).size).toBeGreaterThan(1);
});
