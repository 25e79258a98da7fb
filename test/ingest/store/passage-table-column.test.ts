import * as lancedb from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHead, writeHead, type Head } from '../../../ingest/store/head.js';
import { LanceStore, type IndexSnapshot } from '../../../ingest/store/lance-store.js';
import type { Passage } from '../../../ingest/types.js';
import { corpusDocument } from '../corpus-passages.js';
import { corpusGeneration, tempFolder } from './corpus-generation.js';

const voorstel = corpusDocument('003');
let folder: Awaited<ReturnType<typeof tempFolder>>;
let store: LanceStore;

beforeAll(async () => {
  folder = await tempFolder('grip-table-column-');
  store = await LanceStore.open(folder.path);
  await store.commit((await corpusGeneration([voorstel])).generation);
}, 120_000);

afterAll(async () => {
  await folder?.dispose();
});

describe('the passages table column', () => {
  it('gives table passages back with their structure, from the snapshot and from a search', async () => {
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    const tables = voorstel.passages.filter((p) => p.table);
    expect(tables.length).toBeGreaterThan(0);
    for (const passage of tables) expect(snapshot.passages.find((p) => p.id === passage.id)?.table).toEqual(passage.table);
    const hits = await snapshot.fullText('resterende taakstelling', 5);
    const hit = hits.find((h) => h.passage.id === tables.find((p) => p.text.includes('Resterende taakstelling'))?.id);
    expect(hit?.passage.table).toBeDefined();
  });

  it('still reads an index written before the column existed: its passages simply have no table', async () => {
    const db = await lancedb.connect(folder.path);
    const head = (await readHead(db)) as Head;
    const passages = await db.openTable(head.tables.passages!.name);
    await passages.dropColumns(['table']);
    // The head pins each table's version: point it at the version without the column, as an older index would be.
    await writeHead(db, { ...head, tables: { ...head.tables, passages: { name: head.tables.passages!.name, version: await passages.version() } } }, true);
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.passages).toHaveLength(voorstel.passages.length);
    expect(snapshot.passages.every((p: Passage) => p.table === undefined)).toBe(true);
    expect((await snapshot.fullText('taakstelling', 3)).length).toBeGreaterThan(0);
  });
});
