import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, deserializeLocalModel } from '../../../ingest/embed/create-embedder.js';
import { embeddingText } from '../../../ingest/pipeline/search-text.js';
import type { PreviousVectors } from '../../../ingest/pipeline/vector-plan.js';
import { localVectorPlan, remoteVectorPlan } from '../../../ingest/pipeline/vector-plans.js';
import { corpusDocument } from '../corpus-passages.js';

const inputs = [...corpusDocument('003').passages, ...corpusDocument('000').passages].map((p) => ({ id: p.id, text: embeddingText(p) }));

/** A real HTTP server on 127.0.0.1 speaking the OpenAI embeddings protocol: [text length, first char code, 1]. */
let server: Server;
let baseUrl: string;
const embedded: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; input: string[] };
      embedded.push(...body.input);
      const data = body.input.map((text, index) => ({ object: 'embedding', index, embedding: [text.length, text.charCodeAt(0), 1] }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const remote = (model: string) => remoteVectorPlan(createEmbedder({ kind: 'openai', baseUrl, model, batchSize: 16, timeoutMs: 5_000 }));

function previousOf(model: string, ids: string[]): PreviousVectors {
  return {
    embedder: { kind: 'openai', model, dimensions: 3 },
    vectors: async (wanted) => new Map(wanted.filter((id) => ids.includes(id)).map((id) => [id, Float32Array.from([-1, -1, -1])])),
  };
}

describe('localVectorPlan', () => {
  it('fits a model on the passages and returns one vector per passage, in order, with the model bytes', async () => {
    const result = await localVectorPlan(32).embed(inputs, null);
    expect(result.vectors).toHaveLength(inputs.length);
    // A small corpus has fewer latent dimensions than asked for; the manifest states what the vectors have.
    expect(result.embedder.kind).toBe('local');
    expect(result.embedder.dimensions).toBeGreaterThan(4);
    expect(result.embedder.dimensions).toBeLessThanOrEqual(32);
    for (const vector of result.vectors) expect(vector.length).toBe(result.embedder.dimensions);
    // The persisted model embeds a passage as the fit did, so the server's query vectors match.
    const model = deserializeLocalModel(result.model as Uint8Array);
    const again = await createEmbedder({ kind: 'local', model }).embedDocuments([inputs[5]?.text as string]);
    Array.from(again[0] ?? []).forEach((value, i) => expect(value).toBeCloseTo(result.vectors[5]?.[i] ?? NaN, 5));
  });

  it('returns no vectors and no model for no passages', async () => {
    expect(await localVectorPlan(32).embed([], null)).toMatchObject({ vectors: [], model: null });
  });
});

describe('remoteVectorPlan', () => {
  it('embeds only passages the same model has not embedded before, and reuses the stored vectors of the rest', async () => {
    embedded.length = 0;
    const known = inputs.slice(0, 5).map((input) => input.id);
    const result = await remote('bge-m3').embed(inputs, previousOf('bge-m3', known));
    expect(embedded).toEqual(inputs.slice(5).map((input) => input.text));
    expect(Array.from(result.vectors[0] ?? [])).toEqual([-1, -1, -1]);
    expect(Array.from(result.vectors[5] ?? [])).toEqual([inputs[5]?.text.length, inputs[5]?.text.charCodeAt(0), 1]);
    expect(result).toMatchObject({ model: null, embedder: { kind: 'openai', model: 'bge-m3', dimensions: 3 } });
  });

  it('embeds everything again when the stored vectors came from another model', async () => {
    embedded.length = 0;
    const result = await remote('bge-m3').embed(inputs, previousOf('text-embedding-3-small', inputs.map((input) => input.id)));
    expect(embedded).toHaveLength(inputs.length);
    expect(Array.from(result.vectors[0] ?? [])).not.toEqual([-1, -1, -1]);
  });
});
