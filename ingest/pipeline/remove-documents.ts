/**
 * Removing documents: their rows are deleted from the committed index, the same crash-safe way an ingest
 * writes. The local embedder is refitted on what remains only when the removal makes a refit due.
 */
import { AppError } from '../errors.js';
import { withIndexLock } from '../store/index-lock.js';
import { commitRun } from './commit-run.js';
import { ProcessedFiles } from './processed-files.js';
import type { RefitMode } from './refit-policy.js';
import type { IngestDeps } from './ingest-inputs.js';

/** What a removal did. */
export interface RemovalSummary {
  /** Ids removed, in the order asked. */
  removed: string[];
  /** Ids asked for that the index does not hold. */
  missing: string[];
  documents: number;
  passages: number;
  changed: boolean;
  /** True when a refit is due and was left for later (`refit: 'later'`). */
  refitDue?: boolean;
}

/**
 * Removes the documents with the given ids by committing a new generation; unknown ids are reported, not an
 * error. An index needs at least one searchable passage (its embedder is fitted on them), so removing the
 * last ones is refused.
 *
 * @throws AppError `bad_request` when nothing searchable would remain; `store_failed` or `model_failed` from the commit.
 */
export async function removeDocuments(ids: readonly string[], deps: Pick<IngestDeps, 'store' | 'vectors' | 'chunking'>, refit: RefitMode = 'auto'): Promise<RemovalSummary> {
  return withIndexLock(deps.store.uri, async () => {
    // Records first: asking for an id that is not there never reads texts and passages.
    const listing = await deps.store.listing();
    const present = new Map((listing?.records ?? []).map((record) => [record.documentId, record]));
    const removed = [...new Set(ids)].filter((id) => present.has(id));
    const missing = ids.filter((id) => !present.has(id));
    const counts = { documents: listing?.records.length ?? 0, passages: listing?.manifest.passages ?? 0 };
    if (removed.length === 0) return { removed: [], missing, ...counts, changed: false };
    const gone = new Set(removed);
    if ([...present.values()].every((record) => gone.has(record.documentId) || record.passageCount === 0)) {
      throw new AppError('bad_request', 'Dit zou het laatste doorzoekbare document verwijderen; voeg eerst een ander document toe.');
    }
    const result = await commitRun({ listing, rebuild: false, refit, accepted: new ProcessedFiles(), removed, deps });
    return { removed, missing, documents: result.documents, passages: result.passages, changed: true, ...(result.refitDue ? { refitDue: true } : {}) };
  });
}
