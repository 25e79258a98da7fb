/**
 * Adding register rows a test controls to a built index: the committed generation written again with the extra
 * rows, its passages, vectors and model unchanged — as an ingest whose extractors had found them would.
 */
import { searchText } from '../../ingest/pipeline/search-text.js';
import type { LanceStore } from '../../ingest/store/lance-store.js';
import { REGISTERS, registerTable } from '../../ingest/store/register-rows.js';
import { toPassageRow } from '../../ingest/store/rows.js';
import type { RegisterRow } from '../../ingest/types.js';

/** Commits the current generation again with `rows` added to its registers. */
export async function addRegisterRows(store: LanceStore, rows: RegisterRow[]): Promise<void> {
  const snapshot = await store.snapshot();
  if (!snapshot) throw new Error('No index to add register rows to.');
  const vectors = await snapshot.vectors(snapshot.passages.map((p) => p.id));
  const { embedder, chunking, documents, passages, fit } = snapshot.manifest;
  await store.commit({
    manifest: { embedder, chunking, documents, passages, fit },
    documents: snapshot.documents,
    passages: snapshot.passages.map((p) => toPassageRow(p, searchText(p), vectors.get(p.id) ?? [], embedder.model)),
    model: snapshot.model,
    tables: { [REGISTERS]: registerTable([...(snapshot.registers ?? []), ...rows]) },
  });
}
