/**
 * Assembling the real ingest dependencies from settings: loaders (PDFs parsed in a worker with a time and page
 * budget), cleaning, the catalog, and the embedding plan. Used by the CLI, the server's first start and uploads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNKING } from './chunk/chunk-settings.js';
import { DEFAULT_LIMITS } from './chunk/chunk-units.js';
import { cleanDocument } from './clean/clean-document.js';
import { createEmbedder, type DescribedEmbeddings } from './embed/create-embedder.js';
import { detectMediaType } from './load/detect.js';
import { loadFileInWorker } from './load/parse-in-worker.js';
import { loadText } from './load/load-text.js';
import { ocrSettingsFrom } from './load/ocr/ocr-settings.js';
import { parseCatalog, type Catalog, type CatalogEntry } from './metadata/catalog.js';
import type { IngestDeps, IngestProgress } from './pipeline/ingest-inputs.js';
import { localVectorPlan, remoteVectorPlan } from './pipeline/vector-plans.js';
import type { VectorPlan } from './pipeline/vector-plan.js';
import type { Settings } from './settings.js';
import type { LanceStore } from './store/lance-store.js';
import { loadDutchLexicon } from './text/dutch-lexicon.js';

/** Reads and merges catalog.json files of the given folders (missing files are fine). */
export function readCatalogs(folders: string[]): Catalog {
  const merged = new Map<string, CatalogEntry>();
  for (const folder of folders) {
    const path = join(folder, 'catalog.json');
    if (!existsSync(path)) continue;
    for (const [file, entry] of parseCatalog(readFileSync(path, 'utf8'), path)) merged.set(file, entry);
  }
  return merged;
}

/**
 * The OpenAI-compatible embedder the settings configure. `dimensions` defaults to the configured ones; the
 * server passes those the index was built with.
 */
export function remoteEmbedder(settings: Settings, dimensions: number | undefined = settings.EMBEDDINGS_DIMENSIONS): DescribedEmbeddings {
  return createEmbedder({
    kind: 'openai',
    baseUrl: settings.EMBEDDINGS_BASE_URL as string,
    model: settings.EMBEDDINGS_MODEL as string,
    batchSize: settings.EMBEDDINGS_BATCH_SIZE,
    timeoutMs: settings.EMBEDDINGS_TIMEOUT_MS,
    ...(settings.EMBEDDINGS_API_KEY ? { apiKey: settings.EMBEDDINGS_API_KEY } : {}),
    ...(dimensions ? { dimensions } : {}),
  });
}

/** The embedding plan the settings ask for. */
export function vectorPlanFor(settings: Settings): VectorPlan {
  if (settings.EMBEDDER === 'local') return localVectorPlan(settings.LOCAL_EMBEDDING_DIMENSIONS);
  return remoteVectorPlan(remoteEmbedder(settings));
}

/**
 * Real ingest dependencies. Text files load in-process (cheap and safe); PDFs in a budgeted warm worker, with OCR
 * of scanned pages as the settings say.
 */
export function createIngestDeps(settings: Settings, store: LanceStore, catalog: Catalog, onProgress?: (event: IngestProgress) => void): IngestDeps {
  return {
    store,
    catalog,
    limits: DEFAULT_LIMITS,
    chunking: CHUNKING,
    vectors: vectorPlanFor(settings),
    clean: (loaded) => cleanDocument(loaded),
    async load(bytes, fileName, options) {
      const budget = { maxPages: settings.MAX_PAGES, ...(options.password ? { password: options.password } : {}) };
      if (detectMediaType(bytes, fileName) !== 'application/pdf') return loadText(bytes, fileName);
      const loading = loadFileInWorker(bytes, fileName, { ...budget, timeoutMs: settings.PARSE_TIMEOUT_MS, ocr: ocrSettingsFrom(settings) });
      // Cleaning comes next and needs the lexicon: reading it (a quarter second, once per process) while the
      // worker parses takes it off the critical path of a fresh `npm run ingest`.
      loadDutchLexicon();
      return loading;
    },
    ...(onProgress ? { onProgress } : {}),
  };
}
