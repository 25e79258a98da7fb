import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestDeps } from '../../../ingest/create-ingest-deps.js';
import { fileInputs } from '../../../ingest/pipeline/file-inputs.js';
import { ingestInputs, type IngestDeps } from '../../../ingest/pipeline/ingest-inputs.js';
import { removeDocuments } from '../../../ingest/pipeline/remove-documents.js';
import { parseSettings } from '../../../ingest/settings.js';
import { readHead, writeHead, type Head } from '../../../ingest/store/head.js';
import { LanceStore } from '../../../ingest/store/lance-store.js';
import { REGISTERS, registerTable } from '../../../ingest/store/register-rows.js';
import type { RegisterRow } from '../../../ingest/types.js';
import { corpusDocument } from '../corpus-passages.js';
import { corpusGeneration, TEST_DIMENSIONS, tempFolder } from '../store/corpus-generation.js';
import { syntheticRegisterRows } from './synthetic-rows.js';

const PARKING = '# Parkeerbeleid Zuid\n\nDe gemeenteraad stelt het parkeerbeleid voor de wijk Zuid vast. Het college benoemt een parkeercommissie van vijf leden.\n';
const SPORT = '# Sportnota\n\nDe wethouder besluit over de verdeling van de sportsubsidies. De raad van toezicht van de sportstichting keurt de jaarrekening goed.\n';
const CULTURE = '# Cultuurplan\n\nDe burgemeester benoemt de leden van de cultuurraad. Het college stelt jaarlijks de subsidieregels vast.\n';

const summary = (rows: RegisterRow[] | null | undefined) =>
  (rows ?? []).map((row) => (row.kind === 'mandates' ? `${row.documentId}: ${row.actor} ${row.power}` : `${row.documentId}: ${row.kind}`)).sort();

describe('register rows in the index', () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;
  let store: LanceStore;
  let deps: IngestDeps;
  const ingest = async (...names: string[]) => ingestInputs((await fileInputs(names.map((name) => join(root.path, name)))).inputs, deps);

  beforeAll(async () => {
    root = await tempFolder('grip-registers-');
    await writeFile(join(root.path, 'parkeren.md'), PARKING);
    await writeFile(join(root.path, 'sport.md'), SPORT);
    await writeFile(join(root.path, 'cultuur.md'), CULTURE);
    const settings = parseSettings({ INDEX_DIR: join(root.path, 'index'), LOCAL_EMBEDDING_DIMENSIONS: String(TEST_DIMENSIONS) });
    store = await LanceStore.open(settings.INDEX_DIR);
    deps = createIngestDeps(settings, store, new Map());
    await ingest('parkeren.md', 'sport.md');
  }, 120_000);
  afterAll(() => root.dispose());

  it('holds the rows of every ingested document, each citing one of its passages', async () => {
    const snapshot = await store.snapshot();
    expect(summary(snapshot?.registers)).toEqual([
      'parkeren: college benoemt', 'parkeren: raad stelt vast', 'sport: raad van toezicht keurt goed', 'sport: wethouder besluit',
    ]);
    const passages = new Map(snapshot?.passages.map((p) => [p.id, p]));
    for (const row of snapshot?.registers ?? []) {
      if (row.kind !== 'mandates') continue;
      expect(passages.get(row.source.passageId)?.text.slice(row.source.start, row.source.end)).toBe(row.source.text);
    }
  });

  it('adds only the new document\'s rows and keeps the others as they were stored', async () => {
    const before = (await store.snapshot())?.registers ?? [];
    await ingest('cultuur.md');
    const after = (await store.snapshot())?.registers ?? [];
    expect(after.filter((row) => row.documentId !== 'cultuur')).toEqual(before);
    expect(summary(after.filter((row) => row.documentId === 'cultuur'))).toEqual(['cultuur: burgemeester benoemt', 'cultuur: college stelt vast']);
  });

  it('drops a removed document\'s rows with it', async () => {
    await removeDocuments(['sport'], deps);
    expect(summary((await store.snapshot())?.registers).some((line) => line.startsWith('sport:'))).toBe(false);
    expect(summary((await store.snapshot())?.registers)).toContain('parkeren: college benoemt');
  });

  it('gives an index written before registers its rows at the next commit', async () => {
    // An older index's head names no registers table.
    const db = await lancedb.connect(join(root.path, 'index'));
    const head = (await readHead(db)) as Head;
    const { [REGISTERS]: _registers, ...tables } = head.tables;
    await writeHead(db, { ...head, tables }, true);
    expect((await store.snapshot())?.registers).toBeNull();
    await ingest('sport.md');
    expect(summary((await store.snapshot())?.registers)).toEqual([
      'cultuur: burgemeester benoemt', 'cultuur: college stelt vast', 'parkeren: college benoemt', 'parkeren: raad stelt vast',
      'sport: raad van toezicht keurt goed', 'sport: wethouder besluit',
    ]);
  });
});

describe('LanceStore registers', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder('grip-registers-store-');
  });
  afterAll(() => folder.dispose());

  it('round-trips rows of all three kinds, and keeps the previous generation\'s rows when a commit fails', async () => {
    const store = await LanceStore.open(folder.path);
    const { generation } = await corpusGeneration([corpusDocument('003')]);
    const rows = syntheticRegisterRows(corpusDocument('003').passages[0]!);
    await store.commit({ ...generation, tables: { [REGISTERS]: registerTable(rows) } });
    expect((await store.snapshot())?.registers).toEqual(rows);
    const db = (store as unknown as { db: { createTable: (name: string, ...rest: unknown[]) => Promise<unknown> } }).db;
    const createTable = db.createTable;
    db.createTable = async (name: string, ...rest: unknown[]) => {
      if (name.startsWith('registers_')) throw new Error('Simulated crash: disk full.');
      return createTable.call(db, name, ...rest);
    };
    await expect(store.commit({ ...generation, tables: { [REGISTERS]: registerTable([]) } })).rejects.toThrow();
    db.createTable = createTable;
    expect((await store.snapshot())?.registers).toEqual(rows);
  }, 60_000);
});
