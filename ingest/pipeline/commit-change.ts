/**
 * An incremental write: only the processed documents' passages are embedded (folded into the committed model),
 * and the store appends them and deletes the removed and replaced documents' rows. Nothing else of the index is
 * read or rewritten, so the cost follows the size of the change, not of the index.
 */
import { freshRegisters } from '../registers/generation-registers.js';
import { REGISTERS, registerTable } from '../store/register-rows.js';
import type { IndexListing } from '../store/lance-store.js';
import type { IndexManifest } from '../store/manifest.js';
import { toPassageRow } from '../store/rows.js';
import type { CommitInput } from './commit-generation.js';
import { embeddingText, searchText } from './search-text.js';

/** Counts after the change, and whether the embedder should now be refitted. */
export interface ChangeResult {
  documents: number;
  passages: number;
  manifest: Omit<IndexManifest, 'generation' | 'createdAt'>;
}

/**
 * Applies the input to the committed index without a refit; returns null (writing nothing) when the new
 * passages cannot be put in the committed index's space, so the caller writes a full generation instead.
 */
export async function commitChange({ listing, accepted, removed, deps }: CommitInput & { listing: IndexListing }): Promise<ChangeResult | null> {
  const { manifest: committed } = listing;
  // An index from before registers gets them (for every document) from a full write.
  if (!committed.fit || !listing.kinds.includes(REGISTERS)) return null;
  // A change is small (a large one is a refit, written in full): its files are read back into memory.
  const files = [...accepted.entries()];
  const passages = files.flatMap(([, file]) => file.passages);
  const embedded = await deps.vectors.extend(passages.map((p) => ({ id: p.id, text: embeddingText(p) })), {
    embedder: committed.embedder,
    model: () => deps.store.model(),
  });
  if (!embedded) return null;
  const gone = new Set([...removed, ...accepted.keys()]);
  const goneRecords = listing.records.filter((record) => gone.has(record.documentId));
  const goneCount = goneRecords.reduce((sum, record) => sum + record.passageCount, 0);
  const documents = listing.records.length - goneRecords.length + accepted.size;
  const manifest = {
    embedder: committed.embedder, chunking: deps.chunking, documents, passages: committed.passages - goneCount + passages.length,
    fit: { passages: committed.fit.passages, changed: committed.fit.changed + goneCount + passages.length },
  };
  await deps.store.apply({
    manifest,
    remove: goneRecords.map((record) => record.documentId),
    documents: files.map(([, file]) => file.document),
    passages: passages.map((p, i) => toPassageRow(p, searchText(p), embedded.vectors[i] ?? [], committed.embedder.model)),
    tables: { [REGISTERS]: registerTable(freshRegisters(files)) },
  });
  // Only the files of documents that left can have become unreferenced.
  const kept = new Set(listing.records.filter((record) => !gone.has(record.documentId)).map((record) => record.contentHash));
  for (const record of accepted.records()) kept.add(record.contentHash);
  await deps.store.deleteBlobs([...new Set(goneRecords.map((record) => record.contentHash))].filter((hash) => !kept.has(hash)));
  return { documents, passages: manifest.passages, manifest };
}
