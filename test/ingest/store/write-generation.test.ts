/**
 * A full write streamed in batches: the passages arrive a batch at a time, and nothing is visible until the
 * whole generation is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitSample } from '../../../ingest/pipeline/commit-generation.js';
import { LanceStore, type IndexSnapshot } from '../../../ingest/store/lance-store.js';
import { corpusDocument } from '../corpus-passages.js';
import { corpusGeneration, tempFolder } from './corpus-generation.js';

let folder: Awaited<ReturnType<typeof tempFolder>>;
let store: LanceStore;
let built: Awaited<ReturnType<typeof corpusGeneration>>;

beforeAll(async () => {
  folder = await tempFolder('grip-write-');
  store = await LanceStore.open(folder.path);
  built = await corpusGeneration([corpusDocument('002'), corpusDocument('003'), corpusDocument('004')]);
});
afterAll(() => folder?.dispose());

describe('LanceStore.writeGeneration', () => {
  it('takes the passages in batches and reads back the same index as one commit of them all', async () => {
    const rows = built.generation.passages;
    const third = Math.ceil(rows.length / 3);
    const generation = await store.writeGeneration(async (sink) => {
      for (let start = 0; start < rows.length; start += third) await sink.addPassages(rows.slice(start, start + third));
      return built.generation;
    });
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.generation).toBe(generation);
    expect(snapshot.passages.map((p) => p.id).sort()).toEqual(rows.map((row) => row.id).sort());
    // A word of the last batch is found: every batch is in the full-text index.
    const word = (rows.at(-1)?.text.match(/\p{L}{8,}/u) ?? [''])[0];
    expect((await snapshot.fullText(word, 3)).length).toBeGreaterThan(0);
  });

  it('leaves the committed generation when the writer fails between batches', async () => {
    const before = (await store.snapshot()) as IndexSnapshot;
    const failure = await store
      .writeGeneration(async (sink) => {
        await sink.addPassages(built.generation.passages.slice(0, 10));
        throw new Error('Simulated crash between two batches.');
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toContain('Simulated crash');
    expect(await store.head()).toBe(before.generation);
    expect((await store.snapshot())?.passages).toEqual(before.passages);
  });
});

describe('fitSample', () => {
  it('takes every item of a small corpus and an even spread of a large one, in order', () => {
    expect(fitSample([1, 2, 3], 3, 5)).toEqual([1, 2, 3]);
    const items = Array.from({ length: 100 }, (_, i) => i);
    const sample = fitSample(items.values(), items.length, 10);
    expect(sample).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });
});
