/**
 * Assembling and writing the next index generation: kept documents and passages plus the newly processed ones,
 * the full-text field, vectors, manifest and original file bytes.
 */
import { nextRegisters } from '../registers/generation-registers.js';
import type { IndexSnapshot } from '../store/lance-store.js';
import { toPassageRow, type StoredDocument } from '../store/rows.js';
import type { Passage } from '../types.js';
import type { IngestDeps } from './ingest-inputs.js';
import { embeddingText, searchText } from './search-text.js';

interface CommitInput {
  snapshot: IndexSnapshot | null;
  accepted: Map<string, { document: StoredDocument; passages: Passage[]; bytes: Uint8Array }>;
  removed: string[];
  deps: Pick<IngestDeps, 'store' | 'vectors' | 'chunking'>;
}

/** Writes the next generation; returns its document and passage counts. */
export async function commitGeneration({ snapshot, accepted, removed, deps }: CommitInput): Promise<{ documents: number; passages: number }> {
  const dropped = new Set([...removed, ...accepted.keys()]);
  const keptDocuments = (snapshot?.documents ?? []).filter((d) => !dropped.has(d.record.documentId));
  const keptPassages = (snapshot?.passages ?? []).filter((p) => !dropped.has(p.documentId));
  const documents = [...keptDocuments, ...[...accepted.values()].map((a) => a.document)];
  const passages = [...keptPassages, ...[...accepted.values()].flatMap((a) => a.passages)];
  for (const { document, bytes } of accepted.values()) await deps.store.putBlob(document.record.contentHash, bytes);
  const previous = snapshot ? { embedder: snapshot.manifest.embedder, vectors: (ids: string[]) => snapshot.vectors(ids) } : null;
  const embedded = await deps.vectors.embed(passages.map((p) => ({ id: p.id, text: embeddingText(p) })), previous);
  const rows = passages.map((p, i) => toPassageRow(p, searchText(p), embedded.vectors[i] ?? []));
  // Registers: kept documents' rows as stored, new documents' rows extracted now, in the same generation.
  const registers = nextRegisters(snapshot, accepted, dropped);
  await deps.store.commit({
    manifest: { embedder: embedded.embedder, chunking: deps.chunking, documents: documents.length, passages: passages.length },
    documents,
    passages: rows,
    model: embedded.model,
    registers,
  });
  await deps.store.pruneBlobs(new Set(documents.map((d) => d.record.contentHash)));
  return { documents: documents.length, passages: passages.length };
}
