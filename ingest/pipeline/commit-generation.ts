/**
 * A full write of the next index generation: kept documents and passages plus the newly processed ones, the
 * full-text field, vectors for all of them (for the local embedder: a fresh fit, so this is also the refit),
 * manifest and original file bytes.
 */
import type { IndexSnapshot } from '../store/lance-store.js';
import { toPassageRow, type StoredDocument } from '../store/rows.js';
import type { Passage } from '../types.js';
import type { IngestDeps } from './ingest-inputs.js';
import { embeddingText, searchText } from './search-text.js';

/** What a commit writes besides the kept state: the processed documents by id, and the ids removed. */
export interface CommitInput {
  accepted: Map<string, { document: StoredDocument; passages: Passage[]; bytes: Uint8Array }>;
  removed: string[];
  deps: Pick<IngestDeps, 'store' | 'vectors' | 'chunking'>;
}

/** Writes the next generation from `snapshot` and the input; returns its document and passage counts. */
export async function commitGeneration({ snapshot, accepted, removed, deps }: CommitInput & { snapshot: IndexSnapshot | null }): Promise<{ documents: number; passages: number }> {
  const dropped = new Set([...removed, ...accepted.keys()]);
  const keptDocuments = (snapshot?.documents ?? []).filter((d) => !dropped.has(d.record.documentId));
  const keptPassages = (snapshot?.passages ?? []).filter((p) => !dropped.has(p.documentId));
  const documents = [...keptDocuments, ...[...accepted.values()].map((a) => a.document)];
  const passages = [...keptPassages, ...[...accepted.values()].flatMap((a) => a.passages)];
  for (const { document, bytes } of accepted.values()) await deps.store.putBlob(document.record.contentHash, bytes);
  const previous = snapshot ? { embedder: snapshot.manifest.embedder, vectors: (ids: string[]) => snapshot.vectors(ids) } : null;
  const embedded = await deps.vectors.embed(passages.map((p) => ({ id: p.id, text: embeddingText(p) })), previous);
  const model = embedded.embedder.model;
  const rows = passages.map((p, i) => toPassageRow(p, searchText(p), embedded.vectors[i] ?? [], model));
  await deps.store.commit({
    manifest: { embedder: embedded.embedder, chunking: deps.chunking, documents: documents.length, passages: passages.length, fit: { passages: passages.length, changed: 0 } },
    documents,
    passages: rows,
    model: embedded.model,
  });
  await deps.store.pruneBlobs(new Set(documents.map((d) => d.record.contentHash)));
  return { documents: documents.length, passages: passages.length };
}
