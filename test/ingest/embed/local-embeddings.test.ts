import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { LocalEmbeddings } from '../../../ingest/embed/local/local-embeddings.js';
import { embedWithModel, fitLocalModel, fitLocalModelWithVectors } from '../../../ingest/embed/local/local-model.js';
import type { LocalModel } from '../../../ingest/embed/local/local-model.js';
import { deserializeLocalModel, serializeLocalModel } from '../../../ingest/embed/local/local-model-codec.js';

const annualReport = readFileSync(new URL('../../../data/corpus/001_9e23d01a41b8f33e.txt', import.meta.url), 'utf8');

/** The annual report as 100-word passages, roughly what the chunker makes of it. */
function passages(): string[] {
  const words = annualReport.split(/\s+/).filter(Boolean);
  const result: string[] = [];
  for (let start = 0; start < words.length; start += 100) result.push(words.slice(start, start + 100).join(' '));
  return result;
}

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, index) => sum + value * b[index]!, 0);
}

describe('LocalEmbeddings', () => {
  let model: LocalModel;
  let embeddings: LocalEmbeddings;

  beforeAll(() => {
    model = fitLocalModel(passages());
    embeddings = new LocalEmbeddings(model);
  });

  it('gives L2-normalised vectors of the described length', async () => {
    const vectors = await embeddings.embedDocuments(['In 2022 hebben we 82 klachten van inwoners ontvangen.', 'De ondernemingsraad vergadert wekelijks.']);
    for (const vector of vectors) {
      expect(vector).toHaveLength(embeddings.describe().dimensions);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
    }
  });

  it('describes itself with a fingerprint of the fitted model', () => {
    const description = embeddings.describe();
    expect(description.kind).toBe('local');
    expect(description.model).toMatch(new RegExp(`^lsa-${description.dimensions}-[0-9a-f]{8}$`));
    expect(description.dimensions).toBeGreaterThan(100);
    expect(description.dimensions).toBeLessThanOrEqual(256);
  });

  it('fits deterministically: same corpus, same fingerprint and vectors', async () => {
    const again = new LocalEmbeddings(fitLocalModel(passages()));
    expect(again.describe()).toEqual(embeddings.describe());
    const query = 'Hoeveel geld stond er eind 2022 op de bank?';
    expect(await again.embedQuery(query)).toEqual(await embeddings.embedQuery(query));
  });

  it('gives another fingerprint for another corpus', () => {
    const other = fitLocalModel(passages().slice(0, 120));
    expect(other.fingerprint).not.toBe(model.fingerprint);
  });

  it('embeds identically after a serialise round-trip', async () => {
    const restored = new LocalEmbeddings(deserializeLocalModel(serializeLocalModel(model)));
    const texts = ['Rabobank betaalrekening 3.464.044 4.749.959', 'verhogen van € 0,10 naar € 0,19 per kilometer'];
    expect(await restored.embedDocuments(texts)).toEqual(await embeddings.embedDocuments(texts));
    expect(restored.describe()).toEqual(embeddings.describe());
  });

  it('puts a query about klachten nearer a passage about the klachtenregeling than an unrelated one', async () => {
    const [query, complaints, unrelated] = await embeddings.embedDocuments([
      'Hoeveel klachten van inwoners kwamen er binnen?',
      'De klachtenregeling beschrijft hoe een klacht wordt afgehandeld.',
      'Rabobank betaalrekening 3.464.044 4.749.959 Rabobank spaarrekening 995.806 999.925',
    ]);
    expect(cosine(query!, complaints!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.1);
  });

  it('relates a compound to its parts through character n-grams', async () => {
    const [compound, part, unrelated] = await embeddings.embedDocuments(['geldmiddelen', 'geld', 'ondernemingsraad']);
    expect(cosine(compound!, part!)).toBeGreaterThan(cosine(compound!, unrelated!));
  });

  it('gives a zero vector, not NaN, for a text without words', async () => {
    expect((await embeddings.embedQuery('1234 — 5678 %')).every((value) => value === 0)).toBe(true);
  });
});

describe('fitLocalModel', () => {
  it('gives fewer dimensions to a small corpus', () => {
    const small = fitLocalModel(passages().slice(0, 40));
    expect(small.dimensions).toBeLessThanOrEqual(20);
  });

  it('refuses a corpus without shared words', () => {
    expect(() => fitLocalModel([])).toThrow(expect.objectContaining({ code: 'model_failed' }));
  });
});

describe('fitLocalModelWithVectors', () => {
  it('fits the same model as fitLocalModel and gives each text exactly the vector embedWithModel gives it', () => {
    const texts = passages().slice(0, 120);
    const { model, vectors } = fitLocalModelWithVectors(texts);
    expect(model.fingerprint).toBe(fitLocalModel(texts).fingerprint);
    expect(vectors).toEqual(texts.map((text) => embedWithModel(model, text)));
  });
});

describe('deserializeLocalModel', () => {
  it('rejects a damaged file with model_failed', () => {
    const bytes = serializeLocalModel(fitLocalModel(passages().slice(0, 40)));
    const damaged = bytes.slice();
    damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 0xff;
    for (const input of [damaged, bytes.subarray(0, bytes.length - 10), new TextEncoder().encode('not a model')]) {
      let caught: unknown;
      try {
        deserializeLocalModel(input);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught, 'model_failed')).toBe(true);
    }
  });
});
