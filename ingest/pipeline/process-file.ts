/**
 * One file through the ingest steps: load → clean → metadata → passages. Pure apart from the injected loader,
 * which may parse in a worker with a time budget.
 */
import { buildPassages, type ChunkInput } from '../chunk/build-passages.js';
import type { ChunkLimits } from '../chunk/chunk-units.js';
import type { Catalog } from '../metadata/catalog.js';
import { inferMetadata } from '../metadata/infer-metadata.js';
import type { StoredDocument } from '../store/rows.js';
import type { DocumentMeta, LoadedDocument, Passage } from '../types.js';

/** A file to ingest. Bytes are read lazily so a large run never holds every file in memory. */
export interface FileInput {
  /** Original file name, shown as the source. */
  source: string;
  documentId: string;
  /** The folder a CLI ingest read the file from, or "upload". */
  origin: string;
  read(): Promise<Uint8Array>;
  /** Metadata supplied with an upload; wins over inference, loses to nothing. */
  meta?: Partial<Pick<DocumentMeta, 'title' | 'docType' | 'date' | 'year' | 'organisation'>>;
  password?: string;
}

/** The clean document as the pipeline needs it. */
export type CleanedDocument = ChunkInput;

/** The injected steps that do the work. */
export interface ProcessDeps {
  load(bytes: Uint8Array, fileName: string, options: { password?: string }): Promise<LoadedDocument>;
  clean(loaded: LoadedDocument): CleanedDocument;
  /**
   * Load and clean in one step, used instead of `load` + `clean` when given: the server does both in a budgeted
   * worker, so an upload's CPU-heavy cleaning never blocks the questions it is answering meanwhile.
   */
  prepare?(bytes: Uint8Array, fileName: string, options: { password?: string }): Promise<{ loaded: LoadedDocument; clean: CleanedDocument }>;
  catalog: Catalog;
  limits: ChunkLimits;
}

/** The result of processing one file. */
export interface ProcessedFile {
  document: StoredDocument;
  passages: Passage[];
}

function resolveMeta(input: FileInput, clean: CleanedDocument, loaded: LoadedDocument, catalog: Catalog): DocumentMeta {
  const base = { documentId: input.documentId, source: input.source };
  const listed = catalog.get(input.source);
  if (listed) {
    const { title, docType, date, year, organisation } = listed;
    return { ...base, title, docType, date, year, organisation, metadataSource: 'catalog' };
  }
  const inferred = inferMetadata(clean.text, loaded.titleHint);
  const supplied = Object.fromEntries(Object.entries(input.meta ?? {}).filter(([, value]) => value !== undefined && value !== ''));
  const merged = { ...inferred, ...supplied };
  if (supplied.date && !supplied.year) merged.year = inferred.year ?? Number(String(supplied.date).slice(0, 4));
  return { ...base, ...merged, metadataSource: Object.keys(supplied).length > 0 ? 'supplied' : 'inferred' };
}

async function loadAndClean(bytes: Uint8Array, fileName: string, options: { password?: string }, deps: ProcessDeps) {
  const loaded = await deps.load(bytes, fileName, options);
  return { loaded, clean: deps.clean(loaded) };
}

/** Loads, cleans and chunks one file. Throws an AppError when the file cannot be read at all. */
export async function processFile(input: FileInput, bytes: Uint8Array, contentHash: string, deps: ProcessDeps): Promise<ProcessedFile> {
  const options = input.password ? { password: input.password } : {};
  const { loaded, clean } = deps.prepare ? await deps.prepare(bytes, input.source, options) : await loadAndClean(bytes, input.source, options, deps);
  const meta = resolveMeta(input, clean, loaded, deps.catalog);
  const hasText = /\p{L}{2}/u.test(clean.text);
  const passages = hasText ? buildPassages(meta, clean, loaded.pages, deps.limits) : [];
  const warnings = [...loaded.warnings];
  if (!hasText && !warnings.some((w) => w.code === 'no_text_layer')) {
    warnings.push({ code: 'no_text_layer', message: 'Geen tekstlaag — OCR nodig.' });
  }
  const record = {
    ...meta,
    status: passages.length > 0 ? ('indexed' as const) : ('needs_ocr' as const),
    origin: input.origin,
    contentHash,
    mediaType: loaded.mediaType,
    bytes: bytes.length,
    pageCount: loaded.pageCount || loaded.pages.length,
    passageCount: passages.length,
    warnings,
    ingestedAt: new Date().toISOString(),
  };
  return { document: { record, originalText: loaded.text, cleanText: clean.text }, passages };
}
