/**
 * The one place that turns embedder settings into an embedder, so ingest and the server cannot build
 * different ones from the same configuration.
 */
import type { DescribedEmbeddings } from './embedder-description.js';
import { LocalEmbeddings } from './local/local-embeddings.js';
import type { LocalModel } from './local/local-model.js';
import { OpenAIEmbeddings } from './openai-embeddings.js';
import type { OpenAIEmbeddingsOptions } from './openai-embeddings.js';

/**
 * Which embedder to use. For `local` the caller supplies the model: ingest fits it on the corpus
 * ({@link fitLocalModel}), the server reads the one persisted with the index ({@link deserializeLocalModel}).
 */
export type EmbedderSettings = { kind: 'local'; model: LocalModel } | ({ kind: 'openai' } & OpenAIEmbeddingsOptions);

/** Builds the embedder `settings` describe. */
export function createEmbedder(settings: EmbedderSettings): DescribedEmbeddings {
  switch (settings.kind) {
    case 'local':
      return new LocalEmbeddings(settings.model);
    case 'openai': {
      const { kind: _kind, ...options } = settings;
      return new OpenAIEmbeddings(options);
    }
  }
}

export type { DescribedEmbeddings, EmbedderDescription } from './embedder-description.js';
export { fitLocalModel, fitLocalModelWithVectors } from './local/local-model.js';
export type { LocalModel, LocalModelOptions } from './local/local-model.js';
export { serializeLocalModel, deserializeLocalModel } from './local/local-model-codec.js';
export { LocalEmbeddings } from './local/local-embeddings.js';
export { OpenAIEmbeddings } from './openai-embeddings.js';
export type { OpenAIEmbeddingsOptions } from './openai-embeddings.js';
