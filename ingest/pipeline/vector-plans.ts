/**
 * The two ways an ingest gets vectors. Local: fit the LSA model on the whole corpus and embed everything with
 * it, or fold new passages into the committed model. Remote (OpenAI-compatible): reuse stored vectors of
 * unchanged passages when the same model made them, embed the rest.
 */
import { createEmbedder, deserializeLocalModel, fitLocalModel, fitLocalModelWithVectors, serializeLocalModel, type DescribedEmbeddings } from '../embed/create-embedder.js';
import type { CommittedEmbedder, EmbeddedSet, EmbeddingInput, PreviousVectors, VectorPlan, VectorSpace } from './vector-plan.js';

/**
 * New passages projected with the committed local model (fold-in): the same vectors a query about them would
 * get, in the space the rest of the index is in. Null when there is no committed model to fold into.
 */
export async function foldIn(inputs: EmbeddingInput[], committed: CommittedEmbedder): Promise<EmbeddedSet | null> {
  if (committed.embedder.kind !== 'local') return null;
  const bytes = await committed.model();
  if (!bytes) return null;
  const embedder = createEmbedder({ kind: 'local', model: deserializeLocalModel(bytes) });
  if (embedder.describe().model !== committed.embedder.model) return null;
  const vectors = inputs.length > 0 ? await embedder.embedDocuments(inputs.map((input) => input.text)) : [];
  return { vectors, model: null, embedder: committed.embedder };
}

/** The space of a local model given as its bytes (null: no passages, so nothing to embed). */
export function localSpace(bytes: Uint8Array | null): VectorSpace {
  if (!bytes) return { embedder: EMPTY_LOCAL, model: null, embed: async () => [] };
  const embedder = createEmbedder({ kind: 'local', model: deserializeLocalModel(bytes) });
  return { embedder: embedder.describe(), model: bytes, embed: (inputs) => embedder.embedDocuments(inputs.map((input) => input.text)) };
}

/** What an index without passages records as its local embedder. */
export const EMPTY_LOCAL = { kind: 'local', model: 'lsa-empty', dimensions: 1 };

/** Fits the local model on the passages of the index being built. */
export function localVectorPlan(dimensions: number): VectorPlan {
  return {
    kind: 'local',
    fitted: true,
    extend: foldIn,
    async space(sample) {
      return localSpace(sample.length > 0 ? serializeLocalModel(fitLocalModel(sample.map((input) => input.text), { dimensions })) : null);
    },
    async embed(inputs: EmbeddingInput[]): Promise<EmbeddedSet> {
      if (inputs.length === 0) return { vectors: [], model: null, embedder: EMPTY_LOCAL };
      // The corpus's own vectors come with the fit: the same numbers embedDocuments would give, computed once.
      const { model, vectors } = fitLocalModelWithVectors(inputs.map((input) => input.text), { dimensions });
      const embedder = createEmbedder({ kind: 'local', model });
      return { vectors, model: serializeLocalModel(model), embedder: embedder.describe() };
    },
  };
}

/** Embeds with a remote model, reusing vectors the same model made for unchanged passages. */
export function remoteVectorPlan(embeddings: DescribedEmbeddings): VectorPlan {
  return {
    kind: 'openai',
    fitted: false,
    async extend(inputs, committed) {
      const configured = embeddings.describe();
      if (committed.embedder.kind !== configured.kind || committed.embedder.model !== configured.model) return null;
      const vectors = inputs.length > 0 ? await embeddings.embedDocuments(inputs.map((input) => input.text)) : [];
      return { vectors, model: null, embedder: committed.embedder };
    },
    async space(_sample, previous) {
      const described = embeddings.describe();
      let dimensions = described.dimensions;
      return {
        get embedder() {
          return { ...described, dimensions: dimensions || 1 };
        },
        model: null,
        embed: async (inputs) => {
          const set = await this.embed(inputs, previous);
          dimensions ||= set.embedder.dimensions;
          return set.vectors;
        },
      } satisfies VectorSpace;
    },
    async embed(inputs: EmbeddingInput[], previous: PreviousVectors | null): Promise<EmbeddedSet> {
      const configured = embeddings.describe();
      const sameModel = previous?.embedder.kind === configured.kind && previous.embedder.model === configured.model;
      const reused = sameModel && previous ? await previous.vectors(inputs.map((i) => i.id)) : new Map<string, Float32Array>();
      const missing = inputs.filter((input) => !reused.has(input.id));
      const fresh = missing.length ? await embeddings.embedDocuments(missing.map((input) => input.text)) : [];
      const byId = new Map<string, ArrayLike<number>>(reused);
      missing.forEach((input, i) => byId.set(input.id, fresh[i] ?? []));
      const described = embeddings.describe();
      const dimensions = described.dimensions || (byId.values().next().value?.length ?? 1);
      return { vectors: inputs.map((input) => byId.get(input.id) ?? []), model: null, embedder: { ...described, dimensions } };
    },
  };
}
