/**
 * An ingest run: hash every file, skip the unchanged, process the new and changed, drop what a folder sync
 * no longer finds, then commit all of it at once — appended to the committed index, or as a whole new
 * generation when a refit is due (commit-run.ts). A failing file is a value in the summary; the files around it
 * and everything already stored are unaffected.
 */
import { createHash } from 'node:crypto';
import { errorMessage, isAppError } from '../errors.js';
import type { IndexListing, LanceStore } from '../store/lance-store.js';
import { withIndexLock } from '../store/index-lock.js';
import type { DocumentRecord, FileOutcome, IndexSettings, IngestSummary } from '../types.js';
import { commitRun } from './commit-run.js';
import { ProcessedFiles } from './processed-files.js';
import { processFile, type FileInput, type ProcessDeps } from './process-file.js';
import { withStableIds, withUniqueIds } from './unique-ids.js';
import type { RefitMode } from './refit-policy.js';
import type { VectorPlan } from './vector-plan.js';

/** Progress events for a CLI or server log. */
export type IngestProgress =
  | { type: 'start'; files: number }
  | { type: 'file'; index: number; outcome: FileOutcome }
  | { type: 'commit'; documents: number; passages: number };

/** Everything an ingest run needs. */
export interface IngestDeps extends ProcessDeps {
  store: LanceStore;
  vectors: VectorPlan;
  chunking: IndexSettings['chunking'];
  onProgress?(event: IngestProgress): void;
}

/**
 * Options of a run. `syncOrigins`: folders whose documents not among the inputs are removed. `uniqueIds`: inputs
 * whose id is already taken get a suffixed one instead of replacing that document (uploads); the ids are
 * chosen under the write lock, so two concurrent uploads of the same name cannot both claim one.
 */
export interface IngestOptions {
  syncOrigins?: string[];
  uniqueIds?: boolean;
  /**
   * `auto` (default): refit the local model in this run when the change makes one due; `now`: refit whatever
   * changed (`npm run ingest -- --refit`); `later`: fold in and report `refitDue`, for a caller that refits
   * in the background.
   */
  refit?: RefitMode;
}

/** What the files of one run are checked against and collected in. */
interface RunState {
  existing: Map<string, DocumentRecord>;
  byHash: Map<string, DocumentRecord>;
  accepted: ProcessedFiles;
  /** Redo unchanged files too: the index was built with other settings. */
  rebuild: boolean;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function failure(input: FileInput, error: unknown): FileOutcome {
  const code = isAppError(error) ? error.code : 'internal';
  return { status: 'failed', source: input.source, documentId: input.documentId, error: { code, message: errorMessage(error) } };
}

function success(status: 'added' | 'replaced' | 'unchanged' | 'flagged', record: DocumentRecord): FileOutcome {
  return { status, source: record.source, documentId: record.documentId, pages: record.pageCount, passages: record.passageCount, warnings: record.warnings };
}

/** Ingests the inputs into the store and returns a per-file summary. */
export async function ingestInputs(inputs: FileInput[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestSummary> {
  return withIndexLock(deps.store.uri, async () => {
    // Records only: a run that changes nothing (a re-ingest, a duplicate upload) never reads texts and passages.
    const listing = await deps.store.listing();
    const existing = new Map((listing?.records ?? []).map((record) => [record.documentId, record]));
    // An index built with other chunking or another embedder cannot keep a file as it is: every input is redone.
    const rebuild = listing !== null && !builtWith(listing, deps);
    const byHash = new Map(rebuild ? [] : (listing?.records ?? []).map((record) => [record.contentHash, record]));
    const state: RunState = { existing, byHash, accepted: new ProcessedFiles(), rebuild };
    const outcomes: FileOutcome[] = [];
    deps.onProgress?.({ type: 'start', files: inputs.length });
    const runInputs = options.uniqueIds ? withUniqueIds(inputs, existing.keys()) : withStableIds(inputs, [...existing.values()]);
    for (const [index, input] of runInputs.entries()) {
      const outcome = await ingestOne(input, deps, state);
      outcomes.push(outcome);
      deps.onProgress?.({ type: 'file', index, outcome });
    }
    const seen = new Set(outcomes.map((o) => o.documentId).filter((id): id is string => id !== undefined));
    const removed = [...existing.values()]
      .filter((record) => options.syncOrigins?.includes(record.origin) && !seen.has(record.documentId))
      .map((record) => record.documentId);
    const refit = options.refit ?? 'auto';
    const changed = state.accepted.size > 0 || removed.length > 0 || listing === null || refit === 'now';
    if (!changed) return summary(outcomes, removed, listing, false);
    const result = await commitRun({ listing, rebuild, refit, accepted: state.accepted, removed, deps }).finally(() => state.accepted.dispose());
    deps.onProgress?.({ type: 'commit', documents: result.documents, passages: result.passages });
    return { files: outcomes, removed, documents: result.documents, passages: result.passages, changed: true, ...(result.refitDue ? { refitDue: true } : {}) };
  });
}

/** True when the index was built with the chunking and the embedder kind of these deps. */
function builtWith({ manifest }: IndexListing, deps: IngestDeps): boolean {
  return JSON.stringify(manifest.chunking) === JSON.stringify(deps.chunking) && manifest.embedder.kind === deps.vectors.kind;
}

/**
 * A file whose document was flagged (`needs_ocr`) is read again even when its bytes are unchanged: OCR may have
 * been installed or switched on since. It replaces that document only when it now has text.
 */
async function ingestOne(input: FileInput, deps: IngestDeps, state: RunState): Promise<FileOutcome> {
  try {
    const bytes = await input.read();
    const hash = sha256(bytes);
    const previous = state.existing.get(input.documentId);
    const same = previous?.contentHash === hash && !state.rebuild ? previous : undefined;
    const duplicate = input.origin === 'upload' ? state.byHash.get(hash) : undefined;
    const known = same ?? duplicate;
    if (known && known.status !== 'needs_ocr') return success('unchanged', known);
    const target = known ? { ...input, documentId: known.documentId } : input;
    const processed = await processFile(target, bytes, hash, deps);
    const flagged = processed.document.record.status === 'needs_ocr';
    if (known && flagged) return success('unchanged', known);
    // The file is stored now, so a large run does not hold every file's bytes until its commit. Content-addressed,
    // it is invisible until a committed document names it, and pruned at the next full write if none ever does.
    await deps.store.putBlob(hash, bytes);
    state.accepted.set(target.documentId, processed);
    // The same file twice in one upload is one document, as it is across uploads.
    if (input.origin === 'upload') state.byHash.set(hash, processed.document.record);
    const replaced = known ?? previous;
    return success(flagged ? 'flagged' : replaced ? 'replaced' : 'added', processed.document.record);
  } catch (error) {
    return failure(input, error);
  }
}

function summary(files: FileOutcome[], removed: string[], listing: IndexListing | null, changed: boolean): IngestSummary {
  return { files, removed, documents: listing?.records.length ?? 0, passages: listing?.manifest.passages ?? 0, changed };
}
