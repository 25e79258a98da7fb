import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../server/engine.js';
import { createRetriever } from '../../../server/retrieve/retriever.js';
import { corpusEngine } from '../../support/corpus-engine.js';

let engine: Engine;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ engine, dispose } = await corpusEngine());
});
afterAll(() => dispose());

describe('a retriever whose store fails mid-question', () => {
  it('rejects with the failure and leaves no read unhandled when a search fails after a read already did', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const retriever = createRetriever({
        backend: {
          fullTextIds: async () => [{ id: 'een#1', score: 1 }],
          nearestIds: () => new Promise((_, reject) => setTimeout(() => reject(new Error('vector search down')), 30)),
        },
        stats: engine.stats,
        passages: { load: async () => Promise.reject(new Error('read failed')) },
        context: engine.queryContext,
        embedQuery: async () => [1, 0, 0],
      });
      await expect(retriever.retrieve({ question: 'Hoeveel klachten ontving WIJ?' })).rejects.toThrow('vector search down');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('rejects with a failed read when every search succeeds', async () => {
    const retriever = createRetriever({
      backend: { fullTextIds: async () => [{ id: 'een#1', score: 1 }], nearestIds: async () => [] },
      stats: engine.stats,
      passages: { load: async () => Promise.reject(new Error('read failed')) },
      context: engine.queryContext,
      embedQuery: async () => [1, 0, 0],
    });
    await expect(retriever.retrieve({ question: 'Hoeveel klachten ontving WIJ?' })).rejects.toThrow('read failed');
  });
});
