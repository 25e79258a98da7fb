/**
 * Adding register rows a test controls to a built index: a change to the committed revision that appends them to
 * its registers table, its documents and passages untouched — as an ingest whose extractors had found them would.
 */
import type { LanceStore } from '../../ingest/store/lance-store.js';
import { registerTable } from '../../ingest/store/register-rows.js';
import type { RegisterRow } from '../../ingest/types.js';

/** Appends `rows` to the committed registers. */
export async function addRegisterRows(store: LanceStore, rows: RegisterRow[]): Promise<void> {
  const listing = await store.listing();
  if (!listing) throw new Error('No index to add register rows to.');
  const { generation: _generation, createdAt: _createdAt, ...manifest } = listing.manifest;
  await store.apply({ manifest, remove: [], documents: [], passages: [], tables: { registers: registerTable(rows) } });
}
