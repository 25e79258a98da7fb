/**
 * Incremental commits on a real LanceDB index: a change appends and deletes rows of the committed tables, is
 * invisible until head names it, and a writer that died half-way leaves nothing the next one keeps.
 */
import * as lancedb from '@lancedb/lancedb';
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { embeddingText, searchText } from '../../../ingest/pipeline/search-text.js';
import { foldIn } from '../../../ingest/pipeline/vector-plans.js';
import { LanceStore, type IndexChange, type IndexSnapshot } from '../../../ingest/store/lance-store.js';
import { toPassageRow } from '../../../ingest/store/rows.js';
import type { Passage } from '../../../ingest/types.js';
import { corpusDocument, foldedWords, type CorpusDocument } from '../corpus-passages.js';
import { corpusGeneration, storedDocument, tempFolder } from './corpus-generation.js';

const { Field, Schema, Utf8, Int32 } = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;
const notesSchema = new Schema([new Field('documentId', new Utf8(), false), new Field('label', new Utf8(), false), new Field('ordinal', new Int32(), false)]);

let folder: Awaited<ReturnType<typeof tempFolder>>;
let store: LanceStore;
let base: Awaited<ReturnType<typeof corpusGeneration>>;
const kept = [corpusDocument('000'), corpusDocument('001'), corpusDocument('002')];
const added = corpusDocument('003');

/** A word of `document` that no other corpus document of the index has, so only its passages can match it. */
function ownWord(document: CorpusDocument, others: CorpusDocument[]): string {
  // Compared by their first six letters: the Dutch stemmer matches "meldingen" with "melding".
  const stem = (word: string) => word.slice(0, 6);
  const elsewhere = new Set(others.flatMap((other) => other.passages.flatMap((p) => foldedWords(`${p.title} ${p.section.join(' ')} ${p.text}`).map(stem))));
  const word = document.passages.flatMap((p) => foldedWords(p.text)).find((candidate) => candidate.length >= 9 && /^[a-z]+$/.test(candidate) && !elsewhere.has(stem(candidate)));
  if (!word) throw new Error('No word of its own.');
  return word;
}

/** The change that adds `document` (vectors folded into the committed model) and removes `remove`. */
async function changeAdding(document: CorpusDocument, remove: string[], passagesAfter: number): Promise<IndexChange> {
  const embedder = base.generation.manifest.embedder;
  const folded = await foldIn(document.passages.map((p) => ({ id: p.id, text: embeddingText(p) })), { embedder, model: async () => base.generation.model });
  if (!folded) throw new Error('The committed model does not fold in.');
  return {
    manifest: { ...base.generation.manifest, documents: 3, passages: passagesAfter },
    remove,
    documents: [storedDocument(document)],
    passages: document.passages.map((p: Passage, i) => toPassageRow(p, searchText(p), folded.vectors[i] ?? [], embedder.model)),
    tables: { notes: { schema: notesSchema, rows: [{ documentId: document.meta.documentId, label: 'rij', ordinal: 0 }] } },
  };
}

beforeAll(async () => {
  folder = await tempFolder('grip-apply-');
  store = await LanceStore.open(folder.path);
  base = await corpusGeneration(kept);
  await store.commit(base.generation);
});

afterAll(() => folder?.dispose());

describe('LanceStore.apply', () => {
  let before: IndexSnapshot;
  let after: IndexSnapshot;
  const removed = kept[1] as CorpusDocument;

  beforeAll(async () => {
    before = (await store.snapshot()) as IndexSnapshot;
    const passages = before.passages.length - removed.passages.length + added.passages.length;
    await store.apply(await changeAdding(added, [removed.meta.documentId], passages));
    after = (await store.snapshot()) as IndexSnapshot;
  });

  it('appends the new document and deletes the removed one in the tables already there, under a new revision', async () => {
    expect(after.generation).toBe(before.generation + 1);
    expect(await store.head()).toBe(after.generation);
    expect(after.documents.map((d) => d.record.documentId).sort()).toEqual([kept[0], kept[2], added].map((d) => d?.meta.documentId).sort());
    expect(new Set(after.passages.map((p) => p.documentId))).toEqual(new Set([kept[0], kept[2], added].map((d) => d?.meta.documentId)));
    expect(after.passages.length).toBe(after.manifest.passages);
    const names = await (await lancedb.connect(folder.path)).tableNames();
    expect(names.filter((name) => name.startsWith('passages_'))).toEqual(['passages_g1']);
  });

  it('finds the new passages by full text and by vector, and no longer finds the removed ones', async () => {
    const word = ownWord(added, kept);
    const hits = await after.fullText(word, 10);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.passage.documentId).toBe(added.meta.documentId);
    const vector = Array.from((await after.vectors([added.passages[2]?.id as string])).values().next().value ?? []);
    expect((await after.nearest(vector, 1))[0]?.passage.id).toBe(added.passages[2]?.id);
    const gone = ownWord(removed, [kept[0] as CorpusDocument, kept[2] as CorpusDocument, added]);
    expect((await before.fullText(gone, 5)).length).toBeGreaterThan(0);
    expect(await after.fullText(gone, 5)).toEqual([]);
  });

  it('leaves a snapshot taken before the change reading what it read', async () => {
    expect((await before.fullText(ownWord(added, kept), 10))).toEqual([]);
    expect((await store.snapshot())?.passages.length).not.toBe(before.passages.length);
  });

  it('keeps rows of a further per-document table with their document, and deletes them with it', async () => {
    expect(await after.rows('notes')).toEqual([{ documentId: added.meta.documentId, label: 'rij', ordinal: 0 }]);
    expect(await before.rows('notes')).toEqual([]);
    const passages = after.passages.length - added.passages.length;
    await store.apply({ manifest: { ...base.generation.manifest, documents: 2, passages }, remove: [added.meta.documentId], documents: [], passages: [] });
    const later = (await store.snapshot()) as IndexSnapshot;
    expect(await later.rows('notes')).toEqual([]);
    expect(later.passages.some((p) => p.documentId === added.meta.documentId)).toBe(false);
  });

  it('shows nothing of a change whose writer died before head was written, and the next change drops its rows', async () => {
    const committed = (await store.snapshot()) as IndexSnapshot;
    const db = (store as unknown as { db: { createTable: (name: string, ...rest: unknown[]) => Promise<unknown> } }).db;
    const createTable = db.createTable;
    db.createTable = async (name: string, ...rest: unknown[]) => {
      if (name === 'head') throw new Error('Simulated crash before the head was written.');
      return createTable.call(db, name, ...rest);
    };
    const extra = corpusDocument('004');
    const change = await changeAdding(extra, [], committed.passages.length + extra.passages.length);
    const failure = await store.apply(change).catch((error: unknown) => error);
    db.createTable = createTable;
    expect(isAppError(failure, 'store_failed')).toBe(true);
    const unchanged = (await store.snapshot()) as IndexSnapshot;
    expect(unchanged.generation).toBe(committed.generation);
    expect(unchanged.passages).toEqual(committed.passages);
    expect(await store.listing()).toEqual({ manifest: committed.manifest, records: committed.documents.map((d) => d.record), kinds: expect.arrayContaining(['documents', 'passages', 'meta']) });
    // The orphan rows are there in the table's latest version, but the next writer rolls back to head first.
    await store.apply(change);
    const next = (await store.snapshot()) as IndexSnapshot;
    expect(next.passages.length).toBe(committed.passages.length + extra.passages.length);
    expect(new Set(next.passages.map((p) => p.id)).size).toBe(next.passages.length);
    expect(next.documents.filter((d) => d.record.documentId === extra.meta.documentId)).toHaveLength(1);
  });

  it('refuses a change with a vector of the wrong length and writes nothing', async () => {
    const committed = (await store.snapshot()) as IndexSnapshot;
    const change = await changeAdding(corpusDocument('000'), [], committed.passages.length + 1);
    change.passages[1] = { ...(change.passages[1] as IndexChange['passages'][number]), vector: [0.5] };
    expect(isAppError(await store.apply(change).catch((error: unknown) => error), 'store_failed')).toBe(true);
    expect((await store.snapshot())?.passages).toEqual(committed.passages);
  });
});
