/**
 * How an ingest gets vectors. A full embed covers every passage of the next generation: the local embedder is
 * fitted on them (so every vector is recomputed), a remote embedder embeds only passages it has not seen and
 * reuses the stored vectors of the rest. An extension covers only the passages a change adds, in the committed
 * index's space: the local model folds them in, a remote embedder embeds them.
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

/** Where a full generation's vectors come from: a fitted model (or the remote one) and how to embed a batch. */
export interface VectorSpace {
  embedder: IndexSettings['embedder'];
  /** Serialized local model to persist with the index, or null for remote embedders. */
  model: Uint8Array | null;
  /** Vectors for a batch of passages, aligned with the input order. */
  embed(inputs: EmbeddingInput[]): Promise<ArrayLike<number>[]>;
}

/** The embedder of the committed index, for vectors that must land in its space. */
export interface CommittedEmbedder {
  embedder: IndexSettings['embedder'];
  /** The committed local model's bytes (read only when a plan needs them). */
  model(): Promise<Uint8Array | null>;
}

/** The embedding step of an ingest. */
export interface VectorPlan {
  /** The embedder kind ("local", "openai"), as the manifest records it. */
  readonly kind: string;
  /** True when the vectors come from a model fitted on the corpus, which drifts as the corpus changes. */
  readonly fitted: boolean;
  embed(inputs: EmbeddingInput[], previous: PreviousVectors | null): Promise<EmbeddedSet>;
  /**
   * The space a full generation is written in, batch by batch: for the local embedder a model fitted on
   * `sample` (a bounded share of the corpus when it is large), for a remote one its model, reusing `previous`.
   */
  space(sample: EmbeddingInput[], previous: PreviousVectors | null): Promise<VectorSpace>;
  /**
   * Vectors for new passages in the committed index's space (`model` null in the result: the committed one
   * stays), or null when that space is not this plan's (another model): then only a full embed will do.
   */
  extend(inputs: EmbeddingInput[], committed: CommittedEmbedder): Promise<EmbeddedSet | null>;
}
