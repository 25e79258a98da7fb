import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestDeps } from '../../../ingest/create-ingest-deps.js';
import { fileInputs } from '../../../ingest/pipeline/file-inputs.js';
import { ingestInputs, type IngestDeps } from '../../../ingest/pipeline/ingest-inputs.js';
import { removeDocuments } from '../../../ingest/pipeline/remove-documents.js';
import { parseSettings } from '../../../ingest/settings.js';
import { storedRegisters } from '../../../ingest/registers/generation-registers.js';
import { LanceStore, type IndexSnapshot } from '../../../ingest/store/lance-store.js';
import { registerTable } from '../../../ingest/store/register-rows.js';
import type { RegisterRow } from '../../../ingest/types.js';
import { corpusDocument } from '../corpus-passages.js';
import { corpusGeneration, TEST_DIMENSIONS, tempFolder } from '../store/corpus-generation.js';
import { syntheticRegisterRows } from './synthetic-rows.js';

const PARKING = '# Parkeerbeleid Zuid\n\nDe gemeenteraad stelt het parkeerbeleid voor de wijk Zuid vast. Het college benoemt een parkeercommissie van vijf leden.\n';
const SPORT = '# Sportnota\n\nDe wethouder besluit over de verdeling van de sportsubsidies. De raad van toezicht van de sportstichting keurt de jaarrekening goed.\n';
const CULTURE = '# Cultuurplan\n\nDe burgemeester benoemt de leden van de cultuurraad. Het college stelt jaarlijks de subsidieregels vast.\n';

/** The committed register rows, as stored. */
async function registersIn(store: LanceStore): Promise<RegisterRow[]> {
  return storedRegisters((await store.snapshot()) as IndexSnapshot);
}

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
    expect(snapshot?.kinds).toContain('registers');
    expect(summary(await registersIn(store))).toEqual([
      'parkeren: college benoemt', 'parkeren: raad stelt vast', 'sport: raad van toezicht keurt goed', 'sport: wethouder besluit',
    ]);
    const passages = new Map(snapshot?.passages.map((p) => [p.id, p]));
    for (const row of await registersIn(store)) {
      if (row.kind !== 'mandates') continue;
      expect(passages.get(row.source.passageId)?.text.slice(row.source.start, row.source.end)).toBe(row.source.text);
    }
  });

  it('adds only the new document\'s rows and keeps the others as they were stored', async () => {
    const before = await registersIn(store);
    await ingest('cultuur.md');
    const after = await registersIn(store);
    expect(after.filter((row) => row.documentId !== 'cultuur')).toEqual(before);
    expect(summary(after.filter((row) => row.documentId === 'cultuur'))).toEqual(['cultuur: burgemeester benoemt', 'cultuur: college stelt vast']);
  });

  it('drops a removed document\'s rows with it', async () => {
    await removeDocuments(['sport'], deps);
    expect(summary(await registersIn(store)).some((line) => line.startsWith('sport:'))).toBe(false);
    expect(summary(await registersIn(store))).toContain('parkeren: college benoemt');
  });

  it('keeps the registers of a replaced document to its new version', async () => {
    await writeFile(join(root.path, 'parkeren.md'), PARKING.replace('Het college benoemt', 'De wethouder benoemt'));
    await ingest('parkeren.md');
    const parking = summary(await registersIn(store)).filter((line) => line.startsWith('parkeren:'));
    expect(parking).toEqual(['parkeren: raad stelt vast', 'parkeren: wethouder benoemt']);
  });
});

describe('an index written before registers', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  afterAll(() => folder?.dispose());

  it('shows rows read from its passages, and stores them all at its next change', async () => {
    folder = await tempFolder('grip-registers-old-');
    const store = await LanceStore.open(join(folder.path, 'index'));
    const { generation } = await corpusGeneration([corpusDocument('003'), corpusDocument('004')]);
    await store.commit(generation);
    const old = (await store.snapshot()) as IndexSnapshot;
    expect(old.kinds).not.toContain('registers');
    const shown = await storedRegisters(old);
    expect(new Set(shown.map((row) => row.documentId))).toEqual(new Set(['003_61411eb285946e64', '004_27f37c8f34aada63']));
    await writeFile(join(folder.path, 'cultuur.md'), CULTURE);
    const settings = parseSettings({ INDEX_DIR: join(folder.path, 'index'), LOCAL_EMBEDDING_DIMENSIONS: String(TEST_DIMENSIONS) });
    await ingestInputs((await fileInputs([join(folder.path, 'cultuur.md')])).inputs, createIngestDeps(settings, store, new Map()));
    const after = (await store.snapshot()) as IndexSnapshot;
    expect(after.kinds).toContain('registers');
    expect(new Set((await storedRegisters(after)).map((row) => row.documentId))).toEqual(new Set(['003_61411eb285946e64', '004_27f37c8f34aada63', 'cultuur']));
  }, 120_000);
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
    await store.commit({ ...generation, tables: { registers: registerTable(rows) } });
    expect(await registersIn(store)).toEqual(rows);
    const db = (store as unknown as { db: { createTable: (name: string, ...rest: unknown[]) => Promise<unknown> } }).db;
    const createTable = db.createTable;
    db.createTable = async (name: string, ...rest: unknown[]) => {
      if (name.startsWith('registers_')) throw new Error('Simulated crash: disk full.');
      return createTable.call(db, name, ...rest);
    };
    await expect(store.commit({ ...generation, tables: { registers: registerTable([]) } })).rejects.toThrow();
    db.createTable = createTable;
    expect(await registersIn(store)).toEqual(rows);
  }, 60_000);
});
