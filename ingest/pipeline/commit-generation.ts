/**
 * A full write of the next index generation: kept documents and passages plus the newly processed ones, the
 * full-text field, vectors for all of them (for the local embedder: a fresh fit, so this is also the refit — on
 * a bounded, evenly spread sample when the corpus is large), and manifest (the original files are stored as they are processed). Passages are
 * embedded and written in batches, so their vectors and Arrow rows are never all in memory at once.
 */
import { nextRegisters } from '../registers/generation-registers.js';
import type { DocumentRows, IndexSnapshot } from '../store/lance-store.js';
import { REGISTERS, registerTable } from '../store/register-rows.js';
import { toPassageRow, type StoredDocument } from '../store/rows.js';
import type { Passage } from '../types.js';
import type { IngestDeps } from './ingest-inputs.js';
import type { ProcessedFiles } from './processed-files.js';
import { embeddingText, searchText } from './search-text.js';

/** What a commit writes besides the kept state: the processed documents by id, and the ids removed. */
export interface CommitInput {
  accepted: ProcessedFiles;
  removed: string[];
  deps: Pick<IngestDeps, 'store' | 'vectors' | 'chunking'>;
}

/** Most passages the local model is fitted on: beyond this a larger corpus adds fit time and memory, not quality. */
export const FIT_SAMPLE = 20_000;

/** Passages embedded and written per batch of a full write. */
export const WRITE_BATCH = 2_000;

/** Documents written per batch of a full write. */
const DOCUMENT_BATCH = 100;

/** Up to `size` of the `total` items spread evenly over them (every one when there are fewer), in order. */
export function fitSample<T>(items: Iterable<T>, total: number, size: number = FIT_SAMPLE): T[] {
  const sample: T[] = [];
  let index = 0;
  let next = 0;
  for (const item of items) {
    if (total <= size || index === Math.floor((next * total) / size)) {
      sample.push(item);
      next++;
    }
    index++;
  }
  return sample;
}

const input = (p: Passage) => ({ id: p.id, text: embeddingText(p) });

/** Writes the next generation from `snapshot` and the input; returns its document and passage counts. */
export async function commitGeneration({ snapshot, accepted, removed, deps }: CommitInput & { snapshot: IndexSnapshot | null }): Promise<{ documents: number; passages: number }> {
  const dropped = new Set([...removed, ...accepted.keys()]);
  const keptDocuments = (snapshot?.documents ?? []).filter((d) => !dropped.has(d.record.documentId));
  const keptPassages = (snapshot?.passages ?? []).filter((p) => !dropped.has(p.documentId));
  const total = keptPassages.length + accepted.passageCount();
  // Every passage in order, the kept ones first; a spilled file is read back as its turn comes.
  function* everyPassage(): Generator<Passage> {
    yield* keptPassages;
    for (const file of accepted.files()) yield* file.passages;
  }
  const previous = snapshot ? { embedder: snapshot.manifest.embedder, vectors: (ids: string[]) => snapshot.vectors(ids) } : null;
  const space = await deps.vectors.space(fitSample(everyPassage(), total).map(input), previous);
  const documents = keptDocuments.length + accepted.size;
  await deps.store.writeGeneration(async (sink) => {
    const write = async (batch: Passage[]) => {
      const vectors = await space.embed(batch.map(input));
      await sink.addPassages(batch.map((p, i) => toPassageRow(p, searchText(p), vectors[i] ?? [], space.embedder.model)));
    };
    for (let start = 0; start < keptPassages.length; start += WRITE_BATCH) await write(keptPassages.slice(start, start + WRITE_BATCH));
    for (let start = 0; start < keptDocuments.length; start += DOCUMENT_BATCH) await sink.addDocuments(keptDocuments.slice(start, start + DOCUMENT_BATCH));
    await writeProcessed(accepted, sink, write);
    const fit = { passages: total, changed: 0 };
    // Further per-document tables carried over for the kept documents; registers: kept documents' rows as stored,
    // new documents' rows extracted now, in the same generation.
    const tables = { ...(await keptTables(snapshot, dropped)), [REGISTERS]: registerTable(nextRegisters(snapshot, accepted.entries(), dropped)) };
    return { manifest: { embedder: space.embedder, chunking: deps.chunking, documents, passages: total, fit }, model: space.model, tables };
  });
  await deps.store.pruneBlobs(new Set([...keptDocuments.map((d) => d.record), ...accepted.records()].map((record) => record.contentHash)));
  return { documents, passages: total };
}

/** The rows of the snapshot's further per-document tables that belong to documents it keeps. */
async function keptTables(snapshot: IndexSnapshot | null, dropped: Set<string>): Promise<Record<string, DocumentRows>> {
  const tables = (await snapshot?.documentTables()) ?? {};
  for (const table of Object.values(tables)) table.rows = table.rows.filter((row) => !dropped.has(String(row.documentId)));
  return tables;
}

/** The processed files' passages and documents, in batches, each file read (back) once. */
async function writeProcessed(accepted: ProcessedFiles, sink: { addDocuments(documents: StoredDocument[]): Promise<void> }, write: (batch: Passage[]) => Promise<void>): Promise<void> {
  let passages: Passage[] = [];
  let documents: StoredDocument[] = [];
  for (const file of accepted.files()) {
    passages.push(...file.passages);
    documents.push(file.document);
    if (passages.length >= WRITE_BATCH) {
      await write(passages);
      passages = [];
    }
    if (documents.length >= DOCUMENT_BATCH) {
      await sink.addDocuments(documents);
      documents = [];
    }
  }
  if (passages.length > 0) await write(passages);
  if (documents.length > 0) await sink.addDocuments(documents);
}
