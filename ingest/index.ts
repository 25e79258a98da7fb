/**
 * The one public face of ingest: the contract types, errors, settings, the store, the ingest entry points and
 * the text analysis that search must share with indexing. The server imports from here only
 * (test/architecture/public-face.test.ts holds it to that), so everything behind it can move freely.
 */

// The contract between ingest and the server.
export type * from './types.js';
export { AppError, errorMessage, isAppError, type ErrorCode } from './errors.js';
export { parseSettings, settingsSchema, type Settings } from './settings.js';

// The store.
export { LanceStore, type DocumentRows, type IndexChange, type IndexListing, type IndexReader, type IndexSnapshot, type PassageSearch, type NewGeneration, type RankedId, type ScoredPassage } from './store/lance-store.js';
export { escapeSql, FILTER_VALUE_PATTERN, type PassageFilter } from './store/filter-clause.js';
export type { IndexManifest } from './store/manifest.js';
export type { StoredDocument } from './store/rows.js';

// Ingest entry points: the CLI's, the first start's, and the running server's uploads and deletes.
export { fileInputs, INGESTIBLE } from './pipeline/file-inputs.js';
export { DOCUMENT_ID_PATTERN, documentIdFor, isDocumentId } from './metadata/document-id.js';
export type { FileInput } from './pipeline/process-file.js';
export { ingestInputs, type IngestDeps, type IngestOptions, type IngestProgress } from './pipeline/ingest-inputs.js';
export { removeDocuments, type RemovalSummary } from './pipeline/remove-documents.js';
export { refitIndex, type CommitResult } from './pipeline/commit-run.js';
export { REFIT_SHARE, type RefitMode } from './pipeline/refit-policy.js';
export { createIngestDeps, readCatalogs } from './create-ingest-deps.js';
export { progressLines, summaryLines } from './report.js';
export { ensureIndex } from './service/ensure-index.js';

// The registers: rows per document, extracted at ingest (and once from the passages of an index from before them).
export { nextRegisters } from './registers/generation-registers.js';
export { areaKey, areaNouns, areaOf, areasIn, learnAreaNames } from './registers/area-names.js';
export { registerWords, type RegisterWords } from './figures/register-words.js';
export { createDocumentService, uploadIngestDeps, type DocumentService, type DocumentServiceDeps, type ServiceLog } from './service/document-service.js';

// Reading the index: does it fit the settings, and the embedder for questions.
export { assertServable, queryEmbedder } from './service/query-embedder.js';
export type { DescribedEmbeddings, EmbedderDescription } from './embed/create-embedder.js';
export { openPostWithRetry, postJsonWithRetry, type OpenResponse, type RetryPolicy } from './embed/post-json-with-retry.js';

// Text analysis that questions must share with the passages they are matched against.
export * from './text/analyze.js';
export { loadDutchLexicon, type DutchLexicon } from './text/dutch-lexicon.js';
export { splitSentences, type Span } from './chunk/sentences.js';
export { isColumnHeader, isTableRow } from './structure/table-rows.js';
export { figureYear, YEAR_PATTERN, type TextSpan } from './figures/figure-year.js';
export { sectionLine } from './pipeline/search-text.js';
export { detectMediaType, fileExtension } from './load/detect.js';
