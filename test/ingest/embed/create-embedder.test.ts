import { describe, expect, it } from 'vitest';
import { createEmbedder, fitLocalModel, LocalEmbeddings, OpenAIEmbeddings } from '../../../ingest/embed/create-embedder.js';

describe('createEmbedder', () => {
  it('builds the local embedder around the model it is given', () => {
    const model = fitLocalModel(['de klachten van inwoners', 'klachten over de wijkteams', 'de wijkteams en inwoners']);
    const embedder = createEmbedder({ kind: 'local', model });
    expect(embedder).toBeInstanceOf(LocalEmbeddings);
    expect(embedder.describe()).toMatchObject({ kind: 'local', dimensions: model.dimensions });
  });

  it('builds the OpenAI-compatible embedder from its options', () => {
    const embedder = createEmbedder({ kind: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'bge-m3', dimensions: 1024 });
    expect(embedder).toBeInstanceOf(OpenAIEmbeddings);
    expect(embedder.describe()).toEqual({ kind: 'openai', model: 'bge-m3', dimensions: 1024 });
  });
});
