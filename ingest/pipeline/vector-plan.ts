/**
 * How an ingest gets vectors for the final set of passages. The local embedder is refitted on the whole corpus
 * whenever it changes (so every vector is recomputed); a remote embedder embeds only passages it has not seen
 * and reuses the stored vectors of the rest.
 */
import type { IndexSettings } from '../types.js';

/** A passage as the embedder sees it. */
export interface EmbeddingInput {
  id: string;
  text: string;
}

/** Vectors for a set of passages, aligned with the input order, plus what made them. */
export interface EmbeddedSet {
  vectors: ArrayLike<number>[];
  /** Serialized local model to persist with the index, or null for remote embedders. */
  model: Uint8Array | null;
  embedder: IndexSettings['embedder'];
}

/** Stored vectors of the previous generation, offered for reuse. */
export interface PreviousVectors {
  embedder: IndexSettings['embedder'];
  vectors(ids: string[]): Promise<Map<string, Float32Array>>;
}

/** The embedding step of an ingest. */
export interface VectorPlan {
  /** The embedder kind ("local", "openai"), as the manifest records it. */
  readonly kind: string;
  embed(inputs: EmbeddingInput[], previous: PreviousVectors | null): Promise<EmbeddedSet>;
}
