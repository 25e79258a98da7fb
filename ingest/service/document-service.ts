/**
 * Adding and removing documents while the server runs. Uploads go through the same pipeline as the CLI, with
 * the CPU-heavy steps in worker threads (load + clean under PARSE_TIMEOUT_MS, the local model fit), one change
 * at a time, and the engine reloaded before the caller hears back, so the next question sees the change. A
 * change folds its passages into the committed model; when the changes add up to a refit, it runs in the
 * background after the caller has its answer, queued like any other change.
 */
import { createIngestDeps } from '../create-ingest-deps.js';
import { AppError } from '../errors.js';
import { detectMediaType } from '../load/detect.js';
import { ocrSettingsFrom } from '../load/ocr/ocr-settings.js';
import { loadAndCleanInWorker } from '../load/parse-in-worker.js';
import { ingestInputs, type IngestDeps, type IngestProgress } from '../pipeline/ingest-inputs.js';
import { localVectorPlanInWorker } from '../pipeline/local-vector-plan-in-worker.js';
import type { FileInput } from '../pipeline/process-file.js';
import { refitIndex } from '../pipeline/commit-run.js';
import { removeDocuments, type RemovalSummary } from '../pipeline/remove-documents.js';
import type { Settings } from '../settings.js';
import type { LanceStore } from '../store/lance-store.js';
import type { IngestSummary } from '../types.js';

/** Changes to the document set, as the upload routes use them. */
export interface DocumentService {
  /** Ingests uploaded files (ids made unique, same content twice is `unchanged`); one outcome per file. */
  add(inputs: FileInput[]): Promise<IngestSummary>;
  /** Removes one document and its passages. */
  remove(documentId: string): Promise<RemovalSummary>;
}

/** The part of a logger the service writes to (the server's logger is one). */
export interface ServiceLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** What the service is built from. */
export interface DocumentServiceDeps {
  settings: Settings;
  store: LanceStore;
  /** Whoever serves the index: reloaded after each change, before the caller hears back. */
  engines: { refresh(): Promise<void> };
  log: ServiceLog;
}

function logProgress(log: ServiceLog): (event: IngestProgress) => void {
  return (event) => {
    if (event.type === 'start') log.info('ingest started', { files: event.files });
    else if (event.type === 'commit') log.info('ingest committed', { documents: event.documents, passages: event.passages });
    else if (event.outcome.status === 'failed') log.info('upload failed', { source: event.outcome.source, code: event.outcome.error.code });
    else log.info('upload processed', { source: event.outcome.source, status: event.outcome.status, passages: event.outcome.passages });
  };
}

/**
 * Ingest dependencies for untrusted uploads: no catalog (an upload's metadata is its own), every file loaded and
 * cleaned (scanned pages read by OCR) in a budgeted worker, and for the local embedder the fit in a worker too.
 */
export function uploadIngestDeps(settings: Settings, store: LanceStore, onProgress?: (event: IngestProgress) => void): IngestDeps {
  const base = createIngestDeps(settings, store, new Map(), onProgress);
  return {
    ...base,
    async prepare(bytes, fileName, options) {
      if (bytes.length === 0) throw new AppError('unsupported_file', `Het bestand "${fileName}" is leeg.`);
      // Refusing a file that is not what its name says costs nothing here, and a worker start otherwise.
      detectMediaType(bytes, fileName);
      const budget = { maxPages: settings.MAX_PAGES, timeoutMs: settings.PARSE_TIMEOUT_MS, ocr: ocrSettingsFrom(settings), ...options };
      const { document, clean } = await loadAndCleanInWorker(bytes, fileName, budget);
      return { loaded: document, clean };
    },
    vectors: settings.EMBEDDER === 'local' ? localVectorPlanInWorker(settings.LOCAL_EMBEDDING_DIMENSIONS) : base.vectors,
  };
}

/** Builds the service; changes run one after another, each followed by an engine reload. */
export function createDocumentService({ settings, store, engines, log }: DocumentServiceDeps): DocumentService {
  const deps = uploadIngestDeps(settings, store, logProgress(log));
  let tail: Promise<unknown> = Promise.resolve();
  // Serialising here (the pipeline's write lock serialises too) also keeps a second change from dropping the
  // generation the first one's reload is still reading.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.catch(() => undefined).then(work);
    tail = run;
    return run;
  };
  const reload = async () => {
    // The change is committed either way; a failed reload is retried by the holder's watch.
    await engines.refresh().catch((error: unknown) => log.warn('index reload after a change failed', { error }));
  };
  const refitLater = (due: boolean | undefined) => {
    if (!due) return;
    void serial(async () => {
      log.info('refit started');
      const result = await refitIndex(deps);
      log.info('refit committed', { passages: result?.passages });
      await reload();
    }).catch((error: unknown) => log.warn('background refit failed; the folded-in index keeps serving', { error }));
  };
  return {
    add: (inputs) =>
      serial(async () => {
        const summary = await ingestInputs(inputs, deps, { uniqueIds: true, refit: 'later' });
        if (summary.changed) await reload();
        return summary;
      }).then((summary) => {
        refitLater(summary.refitDue);
        return summary;
      }),
    remove: (documentId) =>
      serial(async () => {
        const result = await removeDocuments([documentId], deps, 'later');
        if (result.changed) {
          log.info('document removed', { documentId });
          await reload();
        }
        return result;
      }).then((result) => {
        refitLater(result.refitDue);
        return result;
      }),
  };
}
