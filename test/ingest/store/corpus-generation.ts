/**
 * A real generation to commit: the corpus passages with vectors from the real local embedder, as the pipeline
 * would hand them to the store, and a temp folder for a LanceDB index.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHUNKING } from '../../../ingest/chunk/chunk-settings.js';
import { embeddingText, searchText } from '../../../ingest/pipeline/search-text.js';
import type { EmbeddedSet } from '../../../ingest/pipeline/vector-plan.js';
import { localVectorPlan } from '../../../ingest/pipeline/vector-plans.js';
import type { NewGeneration } from '../../../ingest/store/lance-store.js';
import { toPassageRow, type StoredDocument } from '../../../ingest/store/rows.js';
import type { DocumentRecord } from '../../../ingest/types.js';
import type { CorpusDocument } from '../corpus-passages.js';

/** Dimensions of the test embedder: small, so fitting stays fast. */
export const TEST_DIMENSIONS = 32;

/** A stored document as the pipeline would write it for a corpus file. */
export function storedDocument(document: CorpusDocument): StoredDocument {
  const record: DocumentRecord = {
    ...document.meta,
    status: 'indexed',
    origin: 'test',
    contentHash: `hash-${document.file}`,
    mediaType: document.loaded.mediaType,
    bytes: document.loaded.text.length,
    pageCount: document.loaded.pageCount,
    passageCount: document.passages.length,
    warnings: [],
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
  return { record, originalText: document.loaded.text, cleanText: document.clean.text };
}

/** A generation of the given documents with real local vectors; `embedded` is kept for assertions. */
export async function corpusGeneration(documents: CorpusDocument[]): Promise<{ generation: NewGeneration; embedded: EmbeddedSet }> {
  const passages = documents.flatMap((document) => document.passages);
  const embedded = await localVectorPlan(TEST_DIMENSIONS).embed(passages.map((p) => ({ id: p.id, text: embeddingText(p) })), null);
  return {
    embedded,
    generation: {
      manifest: { embedder: embedded.embedder, chunking: CHUNKING, documents: documents.length, passages: passages.length, fit: { passages: passages.length, changed: 0 } },
      documents: documents.map(storedDocument),
      passages: passages.map((p, i) => toPassageRow(p, searchText(p), embedded.vectors[i] ?? [], embedded.embedder.model)),
      model: embedded.model,
    },
  };
}

/** A fresh temp folder; `dispose` removes it. */
export async function tempFolder(prefix: string): Promise<{ path: string; dispose(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, dispose: () => rm(path, { recursive: true, force: true }) };
}
