/**
 * The default embedder: the corpus-fitted LSA model behind LangChain's Embeddings interface.
 */
import { Embeddings } from '@langchain/core/embeddings';
import type { EmbeddingsParams } from '@langchain/core/embeddings';
import type { EmbedderDescription } from '../embedder-description.js';
import { embedWithModel } from './local-model.js';
import type { LocalModel } from './local-model.js';

// Embedding is synchronous CPU work; yielding between batches keeps a server that ingests an upload responsive.
const BATCH_SIZE = 64;

/** Embeds texts with a fitted {@link LocalModel}; texts unseen at fit time are folded in by projection. */
export class LocalEmbeddings extends Embeddings {
  readonly model: LocalModel;

  constructor(model: LocalModel, params: EmbeddingsParams = {}) {
    super(params);
    this.model = model;
  }

  /** Embeds each text into an L2-normalised vector of {@link LocalModel.dimensions} numbers. */
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += BATCH_SIZE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const text of texts.slice(start, start + BATCH_SIZE)) vectors.push(embedWithModel(this.model, text));
    }
    return vectors;
  }

  /** Embeds a query exactly as a document: the model is symmetric. */
  override async embedQuery(text: string): Promise<number[]> {
    return embedWithModel(this.model, text);
  }

  /** `{ kind: 'local', model: 'lsa-<dimensions>-<fingerprint>', dimensions }` for the index manifest. */
  describe(): EmbedderDescription {
    const { dimensions, fingerprint } = this.model;
    return { kind: 'local', model: `lsa-${dimensions}-${fingerprint}`, dimensions };
  }
}
