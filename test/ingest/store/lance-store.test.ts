import * as lancedb from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { LanceStore, type IndexSnapshot, type NewGeneration } from '../../../ingest/store/lance-store.js';
import type { Passage } from '../../../ingest/types.js';
import { corpusDocument, corpusDocuments, foldedWords } from '../corpus-passages.js';
import { corpusGeneration, tempFolder } from './corpus-generation.js';

const documents = corpusDocuments();
const byOrder = (a: Passage, b: Passage) => a.documentId.localeCompare(b.documentId) || a.ordinal - b.ordinal;

let folder: Awaited<ReturnType<typeof tempFolder>>;
let store: LanceStore;
let full: Awaited<ReturnType<typeof corpusGeneration>>;
let small: Awaited<ReturnType<typeof corpusGeneration>>;
let first: IndexSnapshot;

async function tableNames(): Promise<string[]> {
  return (await lancedb.connect(folder.path)).tableNames();
}

/** The store's connection with `createTable` failing for tables whose name starts with `prefix`: a crash mid-commit. */
function failCreatingTables(target: LanceStore, prefix: string): () => void {
  const db = (target as unknown as { db: { createTable: (name: string, ...rest: unknown[]) => Promise<unknown> } }).db;
  const createTable = db.createTable;
  db.createTable = async (name: string, ...rest: unknown[]) => {
    if (name.startsWith(prefix)) throw new Error('Simulated crash: disk full.');
    return createTable.call(db, name, ...rest);
  };
  return () => {
    db.createTable = createTable;
  };
}

beforeAll(async () => {
  folder = await tempFolder('grip-store-');
  store = await LanceStore.open(folder.path);
  [full, small] = await Promise.all([corpusGeneration(documents), corpusGeneration([corpusDocument('003'), corpusDocument('004')])]);
  await store.commit(full.generation);
  first = (await store.snapshot()) as IndexSnapshot;
});

afterAll(async () => {
  await folder?.dispose();
});

describe('LanceStore', () => {
  it('has no head and no snapshot before the first commit', async () => {
    const empty = await tempFolder('grip-store-empty-');
    try {
      const fresh = await LanceStore.open(empty.path);
      expect(await fresh.head()).toBeNull();
      expect(await fresh.snapshot()).toBeNull();
    } finally {
      await empty.dispose();
    }
  });

  it('reads back a committed generation: documents, passages, model bytes and manifest', () => {
    expect(first.generation).toBe(1);
    expect(first.manifest).toMatchObject({ ...full.generation.manifest, generation: 1 });
    expect(Date.parse(first.manifest.createdAt)).not.toBeNaN();
    expect(first.documents.map((d) => d.record)).toEqual(full.generation.documents.map((d) => d.record));
    expect(first.documents.map((d) => d.originalText)).toEqual(documents.map((d) => d.loaded.text));
    expect(first.documents.map((d) => d.cleanText)).toEqual(documents.map((d) => d.clean.text));
    expect(first.passages).toEqual(documents.flatMap((d) => d.passages).sort(byOrder));
    expect(first.model).toEqual(full.embedded.model);
    expect(first.model?.length).toBeGreaterThan(1000);
  });

  it('lists the manifest and the document records of the committed generation, and nothing without one', async () => {
    expect(await store.listing()).toEqual({ manifest: first.manifest, records: first.documents.map((d) => d.record), kinds: expect.arrayContaining(['documents', 'passages', 'meta']) });
    const empty = await tempFolder('grip-store-empty-');
    try {
      expect(await (await LanceStore.open(empty.path)).listing()).toBeNull();
    } finally {
      await empty.dispose();
    }
  });

  it('returns the stored vectors of the passages asked for', async () => {
    const ids = [first.passages[0]?.id, first.passages[100]?.id].filter((id): id is string => Boolean(id));
    const vectors = await first.vectors(ids);
    expect([...vectors.keys()].sort()).toEqual([...ids].sort());
    const index = full.generation.passages.findIndex((row) => row.id === ids[0]);
    expect(Array.from(vectors.get(ids[0] as string) ?? [])).toEqual(Array.from(full.generation.passages[index]?.vector ?? []).map(Math.fround));
  });

  it('finds "klachten" text for the query "klacht" with the Dutch analyzer, and the other way round', async () => {
    const hits = await first.fullText('klacht', 10);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits[0]?.passage.text.toLowerCase()).toContain('klacht');
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
    // Only stemming can match a passage that has "klachten" but never the word "klacht".
    const pluralOnly = (passage: Passage) => foldedWords(passage.text).includes('klachten') && !foldedWords(passage.text).includes('klacht');
    expect(hits.some((hit) => pluralOnly(hit.passage))).toBe(true);
    const singular = await first.fullText('klachten', 20);
    expect(singular.some((hit) => foldedWords(hit.passage.text).includes('klacht') && !foldedWords(hit.passage.text).includes('klachten'))).toBe(true);
  });

  it('searches the section path and the document title too, not only the passage text', async () => {
    const all = first.passages.length;
    /** A passage with a word in `field` that its own text lacks. */
    const onlyIn = (field: (passage: Passage) => string) => {
      for (const passage of first.passages) {
        // Not even a word of the same stem ("melding" for "meldingen") may be in the text.
        const own = foldedWords(passage.text).map((word) => word.slice(0, 5));
        const word = foldedWords(field(passage)).find((candidate) => candidate.length >= 7 && !own.includes(candidate.slice(0, 5)));
        if (word) return { passage, word };
      }
      throw new Error('No passage lacks a word of its field.');
    };
    const bySection = onlyIn((passage) => passage.section.join(' '));
    expect((await first.fullText(bySection.word, all)).map((hit) => hit.passage.id)).toContain(bySection.passage.id);
    const titleOnly = onlyIn((passage) => passage.title);
    expect((await first.fullText(titleOnly.word, all)).map((hit) => hit.passage.id)).toContain(titleOnly.passage.id);
  });

  it('restricts full-text and vector search to a filter', async () => {
    const hits = await first.fullText('WIJ Groningen', 50, { docTypes: ['raadsvoorstel'], yearFrom: 2019 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.passage).toMatchObject({ docType: 'raadsvoorstel', year: 2019 });
    const vector = Array.from(full.embedded.vectors[0] ?? []);
    const near = await first.nearest(vector, 10, { documentIds: ['004_27f37c8f34aada63'] });
    expect(near.length).toBe(10);
    for (const hit of near) expect(hit.passage.documentId).toBe('004_27f37c8f34aada63');
    // A quote in an allowed value stays inside its literal: it matches nothing instead of everything.
    expect(await first.fullText('klacht', 10, { docTypes: ["x' OR 'a' IN ('a"] })).toEqual([]);
    expect((await first.fullText('klacht', 10, { docTypes: ["x' OR 1=1 --"] }).catch((error: unknown) => error)) as Error).toMatchObject({ code: 'bad_request' });
  });

  it('gives the same ids and scores in the same order from the id-only searches, filtered or not', async () => {
    const filter = { docTypes: ['raadsvoorstel'] };
    const vector = Array.from(full.embedded.vectors[3] ?? []);
    const same = (hits: { passage: Passage; score: number }[]) => hits.map((hit) => ({ id: hit.passage.id, score: hit.score }));
    for (const applied of [undefined, filter]) {
      expect(await first.fullTextIds('klachten WIJ-teams', 30, applied)).toEqual(same(await first.fullText('klachten WIJ-teams', 30, applied)));
      expect(await first.nearestIds(vector, 30, applied)).toEqual(same(await first.nearest(vector, 30, applied)));
    }
    expect(await first.fullTextIds('  ', 10)).toEqual([]);
  });

  it('returns the nearest passages first, as exact cosine similarity ranks them', async () => {
    const rows = full.generation.passages;
    const query = Array.from(rows[42]?.vector ?? []);
    const cosine = (a: ArrayLike<number>) => {
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let i = 0; i < query.length; i++) {
        dot += (a[i] ?? 0) * (query[i] ?? 0);
        na += (a[i] ?? 0) ** 2;
        nb += (query[i] ?? 0) ** 2;
      }
      return dot / Math.sqrt(na * nb);
    };
    const expected = rows.map((row) => ({ id: row.id, score: cosine(row.vector) })).sort((a, b) => b.score - a.score);
    const hits = await first.nearest(query, 5);
    expect(hits[0]?.passage.id).toBe(rows[42]?.id);
    expect(hits[0]?.score).toBeCloseTo(1, 4);
    hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]?.score ?? NaN, 4));
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });

  it('flips head to a second commit and drops generations older than the previous one', async () => {
    expect(await store.commit(small.generation)).toBe(2);
    expect(await store.head()).toBe(2);
    const second = (await store.snapshot()) as IndexSnapshot;
    expect(second.documents.map((d) => d.record.documentId)).toEqual(['003_61411eb285946e64', '004_27f37c8f34aada63']);
    // The previous generation stays for readers that still hold it.
    expect((await first.fullText('klacht', 3)).length).toBeGreaterThan(0);
    expect(await tableNames()).toEqual(expect.arrayContaining(['passages_g1', 'documents_g1', 'meta_g1', 'passages_g2']));
    expect(await store.commit(full.generation)).toBe(3);
    const names = await tableNames();
    expect(names.filter((name) => name.endsWith('_g1'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['passages_g2', 'passages_g3', 'head']));
  });

  it('keeps head and the previous generation readable when a commit has a passage with a wrong vector length', async () => {
    const before = (await store.head()) as number;
    const broken: NewGeneration = { ...small.generation, passages: small.generation.passages.map((row, i) => (i === 3 ? { ...row, vector: [0.5, 0.5] } : row)) };
    const failure = await store.commit(broken).catch((error: unknown) => error);
    expect(isAppError(failure, 'store_failed')).toBe(true);
    expect((failure as Error).message).toContain(small.generation.passages[3]?.id);
    expect(await store.head()).toBe(before);
    // LanceDB would pad the short vector with nulls; nothing of the bad generation is written instead.
    expect((await tableNames()).filter((name) => name.endsWith(`_g${before + 1}`))).toEqual([]);
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.passages).toEqual(first.passages);
    expect((await snapshot.nearest(Array.from(full.embedded.vectors[0] ?? []), 1))[0]?.passage.id).toBe(full.generation.passages[0]?.id);
  });

  it('survives a crash after the passages table is written, and the next commit drops the orphan tables', async () => {
    const before = (await store.head()) as number;
    const restore = failCreatingTables(store, 'documents_');
    const failure = await store.commit(small.generation).catch((error: unknown) => error);
    restore();
    expect(isAppError(failure, 'store_failed')).toBe(true);
    expect((failure as Error).message).toContain('disk full');
    const orphan = `passages_g${before + 1}`;
    expect(await tableNames()).toContain(orphan);
    // Head still names the complete generation, and all of it reads and searches.
    expect(await store.head()).toBe(before);
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.generation).toBe(before);
    expect(snapshot.documents.length).toBe(5);
    expect(snapshot.passages).toEqual(first.passages);
    expect((await snapshot.fullText('klacht', 3)).length).toBeGreaterThan(0);
    // The next successful commit takes a fresh number and removes the orphan.
    const next = await store.commit(small.generation);
    expect(next).toBe(before + 2);
    const names = await tableNames();
    expect(names).not.toContain(orphan);
    expect(names).toEqual(expect.arrayContaining([`passages_g${before}`, `passages_g${next}`]));
  });

  it('commits a generation without passages (only documents that need OCR) and reads it back', async () => {
    const empty = await tempFolder('grip-store-no-passages-');
    try {
      const fresh = await LanceStore.open(empty.path);
      const manifest = { ...full.generation.manifest, embedder: { kind: 'local', model: 'lsa-empty', dimensions: 1 }, passages: 0, documents: 1 };
      await fresh.commit({ manifest, documents: full.generation.documents.slice(0, 1), passages: [], model: null });
      const snapshot = (await fresh.snapshot()) as IndexSnapshot;
      expect(snapshot.documents.length).toBe(1);
      expect(snapshot.passages).toEqual([]);
    } finally {
      await empty.dispose();
    }
  });

  it('stores file bytes once per hash and prunes those no document needs', async () => {
    const bytes = new TextEncoder().encode('Bestuursverslag 2022');
    await store.putBlob('abc', bytes);
    await store.putBlob('abc', bytes);
    await store.putBlob('def', new Uint8Array([1, 2, 3]));
    expect(await store.getBlob('abc')).toEqual(bytes);
    await store.pruneBlobs(new Set(['def']));
    expect(await store.getBlob('abc')).toBeNull();
    expect(await store.getBlob('def')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.getBlob("x' OR '1'='1")).toBeNull();
  });
});
