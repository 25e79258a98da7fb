/**
 * The two ways an ingest gets vectors. Local: fit the LSA model on the whole corpus and embed everything with
 * it. Remote (OpenAI-compatible): reuse stored vectors of unchanged passages when the same model made them,
 * embed the rest.
 */
import { createEmbedder, fitLocalModelWithVectors, serializeLocalModel, type DescribedEmbeddings } from '../embed/create-embedder.js';
import type { EmbeddedSet, EmbeddingInput, PreviousVectors, VectorPlan } from './vector-plan.js';

/** Fits the local model on the passages of the index being built. */
export function localVectorPlan(dimensions: number): VectorPlan {
  return {
    kind: 'local',
    async embed(inputs: EmbeddingInput[]): Promise<EmbeddedSet> {
      if (inputs.length === 0) return { vectors: [], model: null, embedder: { kind: 'local', model: 'lsa-empty', dimensions: 1 } };
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
