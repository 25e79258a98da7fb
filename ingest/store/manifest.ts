/**
 * The manifest stored with every index generation: which embedder and chunking settings built it. A server
 * configured differently refuses the index, because query vectors and passage vectors would not match.
 */
import { AppError } from '../errors.js';
import type { IndexSettings } from '../types.js';

/** The manifest of a committed generation. */
export interface IndexManifest extends IndexSettings {
  generation: number;
  createdAt: string;
  documents: number;
  passages: number;
  /**
   * How far the index has moved from what its embedder was fitted on: passages at the fit, and passages added
   * or removed since (folded in or dropped without a refit). Absent in an index written before fold-in.
   */
  fit?: { passages: number; changed: number };
}

/**
 * Throws `index_mismatch` when the index was built with another embedder kind/model or chunking than
 * configured. A local model's fingerprint is not compared: the local embedder is refitted from the index.
 */
export function assertCompatible(manifest: IndexSettings, expected: { embedder: { kind: string; model?: string }; chunking: IndexSettings['chunking'] }): void {
  const problems: string[] = [];
  if (manifest.embedder.kind !== expected.embedder.kind) problems.push(`embedder "${manifest.embedder.kind}" in plaats van "${expected.embedder.kind}"`);
  else if (expected.embedder.model && manifest.embedder.model !== expected.embedder.model) problems.push(`embeddingmodel "${manifest.embedder.model}" in plaats van "${expected.embedder.model}"`);
  if (JSON.stringify(manifest.chunking) !== JSON.stringify(expected.chunking)) problems.push('andere instellingen voor het opdelen in passages');
  if (problems.length > 0) {
    throw new AppError('index_mismatch', `De index is gebouwd met ${problems.join(' en ')}. Bouw de index opnieuw met "npm run ingest".`);
  }
}
