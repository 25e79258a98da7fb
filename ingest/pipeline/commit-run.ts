/**
 * Choosing how a run's changes are written. A change to a committed index is applied incrementally, its new
 * passages folded into the committed model; a full generation is written for a first ingest, an index built
 * with other settings, a refit asked for, or a fitted model that has drifted too far (see refit-policy.ts).
 */
import { withIndexLock } from '../store/index-lock.js';
import type { IndexListing } from '../store/lance-store.js';
import { commitChange } from './commit-change.js';
import { commitGeneration, type CommitInput } from './commit-generation.js';
import { ProcessedFiles } from './processed-files.js';
import type { IngestDeps } from './ingest-inputs.js';
import { refitDue, type RefitMode } from './refit-policy.js';

/** The counts a commit leaves, and whether a refit is due but was left for later. */
export interface CommitResult {
  documents: number;
  passages: number;
  refitDue: boolean;
}

/** What the run found and wants. */
export interface RunCommit extends CommitInput {
  listing: IndexListing | null;
  /** The index was built with other settings: nothing of it can be kept as it is. */
  rebuild: boolean;
  refit: RefitMode;
}

/** The manifest's drift after the change, before anything is written. */
function driftAfter({ listing, accepted, removed }: RunCommit & { listing: IndexListing }): { passages: number; changed: number } | undefined {
  const fit = listing.manifest.fit;
  if (!fit) return undefined;
  const gone = new Set([...removed, ...accepted.keys()]);
  const goneCount = listing.records.filter((record) => gone.has(record.documentId)).reduce((sum, record) => sum + record.passageCount, 0);
  const added = accepted.passageCount();
  return { passages: fit.passages, changed: fit.changed + goneCount + added };
}

/** Writes the run's changes, incrementally when it can; call under the index's write lock. */
export async function commitRun(run: RunCommit): Promise<CommitResult> {
  const { listing, deps } = run;
  if (listing !== null && !run.rebuild && run.refit !== 'now') {
    const due = refitDue({ fit: driftAfter({ ...run, listing }) }, deps.vectors.fitted);
    if (!due || run.refit === 'later') {
      const change = await commitChange({ ...run, listing });
      if (change) return { documents: change.documents, passages: change.passages, refitDue: due };
    }
  }
  const snapshot = listing === null ? null : await deps.store.snapshot();
  return { ...(await commitGeneration({ ...run, snapshot })), refitDue: false };
}

/**
 * Refits the embedder on the committed corpus and rewrites every vector (`npm run ingest -- --refit`, or a
 * server's background refit after uploads left it due). Returns null when there is no index.
 */
export async function refitIndex(deps: Pick<IngestDeps, 'store' | 'vectors' | 'chunking'>): Promise<CommitResult | null> {
  return withIndexLock(deps.store.uri, async () => {
    const snapshot = await deps.store.snapshot();
    if (!snapshot) return null;
    return { ...(await commitGeneration({ snapshot, accepted: new ProcessedFiles(), removed: [], deps })), refitDue: false };
  });
}
