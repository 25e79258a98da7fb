/**
 * What a reader of the index needs from ingest's settings: whether the committed index fits the configured
 * embedder and chunking, and the embedder that puts a question in the same space as the passages.
 */
import { CHUNKING } from '../chunk/chunk-settings.js';
import { remoteEmbedder } from '../create-ingest-deps.js';
import { createEmbedder, deserializeLocalModel, type DescribedEmbeddings } from '../embed/create-embedder.js';
import { AppError } from '../errors.js';
import type { Settings } from '../settings.js';
import type { IndexSnapshot } from '../store/lance-store.js';
import { assertCompatible } from '../store/manifest.js';

/**
 * Throws `index_mismatch` when the snapshot was built with another embedder or chunking than `settings` ask for.
 */
export function assertServable(settings: Settings, snapshot: Pick<IndexSnapshot, 'manifest'>): void {
  const expectedModel = settings.EMBEDDER === 'openai' ? settings.EMBEDDINGS_MODEL : undefined;
  assertCompatible(snapshot.manifest, { embedder: { kind: settings.EMBEDDER, ...(expectedModel ? { model: expectedModel } : {}) }, chunking: CHUNKING });
}

/** The query embedder for a snapshot: its persisted local model, or the configured remote model. */
export function queryEmbedder(settings: Settings, snapshot: Pick<IndexSnapshot, 'manifest' | 'model'>): DescribedEmbeddings {
  if (settings.EMBEDDER === 'local') {
    if (!snapshot.model) throw new AppError('index_mismatch', 'De index heeft geen lokaal embeddingmodel. Bouw de index opnieuw met "npm run ingest".');
    return createEmbedder({ kind: 'local', model: deserializeLocalModel(snapshot.model) });
  }
  return remoteEmbedder(settings, snapshot.manifest.embedder.dimensions);
}
