/**
 * The passages a server has read from the store lately, by id and by document, within fixed bounds: a question
 * reads its candidates and the documents of its best passages through it, and the passages many questions share
 * (a popular document, a repeated question) are read once. What it holds is bounded by its limits, not by the
 * index, which stays in LanceDB.
 */
import type { IndexReader, Passage } from '../../ingest/index.js';

/** Passages kept by id: every candidate of many questions. */
export const CACHED_PASSAGES = 20_000;
/** Passages kept as whole documents (a document counts its passages). */
export const CACHED_DOCUMENT_PASSAGES = 20_000;

/** A map that forgets its least recently used entries once their weights add up to more than `limit`. */
export function boundedMap<T>(limit: number, weight: (value: T) => number = () => 1) {
  const entries = new Map<string, T>();
  let total = 0;
  return {
    get(key: string): T | undefined {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key: string, value: T): void {
      const known = entries.get(key);
      if (known !== undefined) total -= weight(known);
      entries.delete(key);
      entries.set(key, value);
      total += weight(value);
      // The newest entry stays even when it alone is over the limit: it was read because it is needed now.
      while (total > limit && entries.size > 1) {
        const [oldest, dropped] = entries.entries().next().value as [string, T];
        entries.delete(oldest);
        total -= weight(dropped);
      }
    },
    get size(): number {
      return entries.size;
    },
  };
}

/** Passages read from a generation, kept within bounds. */
export interface PassageCache {
  /** A passage that was read and is still kept, or undefined (it may still be in the store: see {@link load}). */
  get(id: string): Passage | undefined;
  /** A document's passages in order, when they were read as a document and are still kept. */
  document(documentId: string): readonly Passage[] | undefined;
  /** The passages with these ids, in the order asked (unknown ids left out), reading those neither kept nor being read in one query. */
  load(ids: readonly string[]): Promise<Passage[]>;
  /** The passages of these documents in order, reading those not kept in one query. */
  loadDocuments(documentIds: readonly string[]): Promise<Map<string, readonly Passage[]>>;
}

/** A cache over the reads of one generation. */
export function createPassageCache(reads: Pick<IndexReader, 'passagesById' | 'passagesOfDocuments'>, limits = { passages: CACHED_PASSAGES, documentPassages: CACHED_DOCUMENT_PASSAGES }): PassageCache {
  const byId = boundedMap<Passage>(limits.passages);
  const byDocument = boundedMap<readonly Passage[]>(limits.documentPassages, (passages) => Math.max(1, passages.length));
  const reading = new Map<string, Promise<void>>();
  return {
    get: (id) => byId.get(id),
    document: (documentId) => byDocument.get(documentId),
    async load(ids) {
      // An id another load is reading already waits for that read rather than reading it again.
      const missing = [...new Set(ids)].filter((id) => byId.get(id) === undefined && !reading.has(id));
      if (missing.length > 0) {
        const read = reads.passagesById(missing).then((passages) => {
          for (const passage of passages) byId.set(passage.id, passage);
        });
        for (const id of missing) reading.set(id, read);
        void read.finally(() => {
          for (const id of missing) if (reading.get(id) === read) reading.delete(id);
        }).catch(() => undefined);
      }
      await Promise.all(new Set(ids.flatMap((id) => reading.get(id) ?? [])));
      return ids.map((id) => byId.get(id)).filter((passage): passage is Passage => passage !== undefined);
    },
    async loadDocuments(documentIds) {
      const found = new Map<string, readonly Passage[]>();
      for (const id of documentIds) {
        const kept = byDocument.get(id);
        if (kept) found.set(id, kept);
      }
      const missing = [...new Set(documentIds)].filter((id) => !found.has(id));
      const read = missing.length > 0 ? await reads.passagesOfDocuments(missing) : [];
      for (const id of missing) found.set(id, []);
      for (const passage of read) (found.get(passage.documentId) as Passage[]).push(passage);
      for (const id of missing) byDocument.set(id, found.get(id) as readonly Passage[]);
      return found;
    },
  };
}
