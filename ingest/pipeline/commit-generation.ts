/**
 * A full write of the next index generation: kept documents and passages plus the newly processed ones, the
 * full-text field, vectors for all of them (for the local embedder: a fresh fit, so this is also the refit — on
 * a bounded, evenly spread sample when the corpus is large), manifest and original file bytes. Passages are
 * embedded and written in batches, so their vectors and Arrow rows are never all in memory at once.
 */
import { nextRegisters } from '../registers/generation-registers.js';
import type { IndexSnapshot } from '../store/lance-store.js';
import { REGISTERS, registerTable } from '../store/register-rows.js';
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

/** Most passages the local model is fitted on: beyond this a larger corpus adds fit time and memory, not quality. */
export const FIT_SAMPLE = 20_000;

/** Passages embedded and written per batch of a full write. */
export const WRITE_BATCH = 2_000;

/** Up to `size` passages spread evenly over all of them (every one when there are fewer), in order. */
export function fitSample<T>(items: readonly T[], size: number = FIT_SAMPLE): T[] {
  if (items.length <= size) return [...items];
  return Array.from({ length: size }, (_, i) => items[Math.floor((i * items.length) / size)] as T);
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
  const input = (p: Passage) => ({ id: p.id, text: embeddingText(p) });
  const space = await deps.vectors.space(fitSample(passages).map(input), previous);
  await deps.store.writeGeneration(async (sink) => {
    for (let start = 0; start < passages.length; start += WRITE_BATCH) {
      const batch = passages.slice(start, start + WRITE_BATCH);
      const vectors = await space.embed(batch.map(input));
      await sink.addPassages(batch.map((p, i) => toPassageRow(p, searchText(p), vectors[i] ?? [], space.embedder.model)));
    }
    const fit = { passages: passages.length, changed: 0 };
    // Registers: kept documents' rows as stored, new documents' rows extracted now, in the same generation.
    const tables = { [REGISTERS]: registerTable(nextRegisters(snapshot, accepted, dropped)) };
    return { manifest: { embedder: space.embedder, chunking: deps.chunking, documents: documents.length, passages: passages.length, fit }, documents, model: space.model, tables };
  });
  await deps.store.pruneBlobs(new Set(documents.map((d) => d.record.contentHash)));
  return { documents: documents.length, passages: passages.length };
}
