/**
 * Incremental ingest with the local embedder: a new document is folded into the committed model and appended,
 * a refit happens when asked for or when the corpus has drifted far enough, and each stored vector records the
 * model that made it.
 */
import * as lancedb from '@lancedb/lancedb';
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestDeps, readCatalogs } from '../../../ingest/create-ingest-deps.js';
import { deserializeLocalModel } from '../../../ingest/embed/create-embedder.js';
import { fileInputs } from '../../../ingest/pipeline/file-inputs.js';
import { ingestInputs, type IngestDeps, type IngestOptions } from '../../../ingest/pipeline/ingest-inputs.js';
import { REFIT_SHARE } from '../../../ingest/pipeline/refit-policy.js';
import { removeDocuments } from '../../../ingest/pipeline/remove-documents.js';
import { parseSettings } from '../../../ingest/settings.js';
import { LanceStore, type IndexSnapshot } from '../../../ingest/store/lance-store.js';
import { corpusDir } from '../corpus-passages.js';
import { TEST_DIMENSIONS, tempFolder } from '../store/corpus-generation.js';

const { Field, Schema, Utf8 } = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

const NOTE = [
  '# Notitie over de wijkaanpak',
  'Het college informeert de raad over de voortgang van de wijkaanpak in de Oosterparkwijk en Selwerd.',
  'In beide wijken zijn bewonersavonden gehouden; de opkomst was hoger dan verwacht en de signalen worden meegenomen.',
  'De wijkteams rapporteren elk kwartaal over het aantal huisbezoeken, de wachttijden en de doorverwijzingen.',
].join('\n\n');

/** The corpus files the first fit sees; 004 comes later. */
const FITTED = ['000_c2dbb4c22b6881a5.txt', '001_9e23d01a41b8f33e.txt', '002_d22ba786302d140d.txt', '003_61411eb285946e64.txt'];

let root: Awaited<ReturnType<typeof tempFolder>>;
let store: LanceStore;
let deps: IngestDeps;

async function ingest(paths: string[], options: IngestOptions = {}) {
  const { inputs } = await fileInputs(paths);
  return ingestInputs(inputs, deps, options);
}

const fingerprint = (snapshot: IndexSnapshot | null) => (snapshot?.model ? deserializeLocalModel(snapshot.model).fingerprint : null);

async function tableNames(): Promise<string[]> {
  return (await lancedb.connect(join(root.path, 'index'))).tableNames();
}

/** The model column of the stored passages, read past the store's API. */
async function rowModels(): Promise<Set<string>> {
  const db = await lancedb.connect(join(root.path, 'index'));
  const name = (await db.tableNames()).filter((table) => table.startsWith('passages_')).sort().at(-1) as string;
  return new Set((await (await db.openTable(name)).query().select(['model']).toArray()).map((row) => String(row.model)));
}

beforeAll(async () => {
  root = await tempFolder('grip-fold-in-');
  const settings = parseSettings({ INDEX_DIR: join(root.path, 'index'), LOCAL_EMBEDDING_DIMENSIONS: String(TEST_DIMENSIONS) });
  store = await LanceStore.open(settings.INDEX_DIR);
  deps = createIngestDeps(settings, store, readCatalogs([corpusDir]));
  await ingest(FITTED.map((file) => join(corpusDir, file)));
  await mkdir(join(root.path, 'notes'));
  await writeFile(join(root.path, 'notes', 'wijkaanpak.md'), NOTE);
});

afterAll(() => root.dispose());

describe('ingest into a committed index with the local embedder', () => {
  let fitted: IndexSnapshot;

  it('records the fit with a first ingest and the model on every row', async () => {
    fitted = (await store.snapshot()) as IndexSnapshot;
    expect(fitted.manifest.fit).toEqual({ passages: fitted.passages.length, changed: 0 });
    expect(await rowModels()).toEqual(new Set([fitted.manifest.embedder.model]));
  });

  it('folds a small new document into the committed model and appends its passages', async () => {
    const summary = await ingest([join(root.path, 'notes', 'wijkaanpak.md')]);
    expect(summary.files[0]).toMatchObject({ status: 'added' });
    const after = (await store.snapshot()) as IndexSnapshot;
    const added = after.passages.filter((p) => p.documentId === 'wijkaanpak');
    expect(added.length).toBeGreaterThan(0);
    expect(fingerprint(after)).toBe(fingerprint(fitted));
    expect(after.manifest.embedder).toEqual(fitted.manifest.embedder);
    expect(after.manifest.fit).toEqual({ passages: fitted.passages.length, changed: added.length });
    expect(after.manifest.passages).toBe(after.passages.length);
    expect(await rowModels()).toEqual(new Set([fitted.manifest.embedder.model]));
    expect((await tableNames()).filter((name) => name.startsWith('passages_'))).toEqual(['passages_g1']);
    const hits = await after.fullText('bewonersavonden Oosterparkwijk', 3);
    expect(hits[0]?.passage.documentId).toBe('wijkaanpak');
  });

  it('folds a removal in as well, counting its passages as drift', async () => {
    const before = (await store.snapshot()) as IndexSnapshot;
    const hash = before.documents.find((d) => d.record.documentId === 'wijkaanpak')?.record.contentHash as string;
    expect(await store.getBlob(hash)).not.toBeNull();
    const result = await removeDocuments(['wijkaanpak'], deps);
    // Its original file goes with it; the others' stay.
    expect(await store.getBlob(hash)).toBeNull();
    expect(await store.getBlob(before.documents[0]?.record.contentHash as string)).not.toBeNull();
    expect(result).toMatchObject({ removed: ['wijkaanpak'], changed: true });
    const after = (await store.snapshot()) as IndexSnapshot;
    expect(fingerprint(after)).toBe(fingerprint(fitted));
    expect(after.manifest.fit?.changed).toBe((before.manifest.fit?.changed ?? 0) + before.passages.filter((p) => p.documentId === 'wijkaanpak').length);
    expect(after.passages.some((p) => p.documentId === 'wijkaanpak')).toBe(false);
  });

  it('refits on the whole corpus when asked, even when no file changed', async () => {
    const summary = await ingest([join(root.path, 'notes', 'wijkaanpak.md')], { refit: 'now' });
    expect(summary.changed).toBe(true);
    const after = (await store.snapshot()) as IndexSnapshot;
    expect(after.manifest.fit).toEqual({ passages: after.passages.length, changed: 0 });
    expect(fingerprint(after)).not.toBe(fingerprint(fitted));
    expect(await rowModels()).toEqual(new Set([after.manifest.embedder.model]));
    expect((await tableNames()).some((name) => name.startsWith('passages_g') && name !== 'passages_g1')).toBe(true);
  });

  it('carries the rows of a further per-document table over a refit, for the documents it keeps', async () => {
    const listing = (await store.listing()) as NonNullable<Awaited<ReturnType<LanceStore['listing']>>>;
    const { generation: _generation, createdAt: _createdAt, ...manifest } = listing.manifest;
    const schema = new Schema([new Field('documentId', new Utf8(), false), new Field('label', new Utf8(), false)]);
    const rows = [{ documentId: '001_9e23d01a41b8f33e', label: 'deelopdracht' }, { documentId: 'wijkaanpak', label: 'wijk' }];
    await store.apply({ manifest, remove: [], documents: [], passages: [], tables: { notes: { schema, rows } } });
    await removeDocuments(['wijkaanpak'], deps, 'later');
    await ingest([join(root.path, 'notes', 'wijkaanpak.md')], { refit: 'now' });
    const after = (await store.snapshot()) as IndexSnapshot;
    expect(after.manifest.fit?.changed).toBe(0);
    // The kept document's row survives the rewrite; the removed document's went with it.
    expect(await after.rows('notes')).toEqual([{ documentId: '001_9e23d01a41b8f33e', label: 'deelopdracht' }]);
  });

  it(`refits by itself when a change moves more than ${REFIT_SHARE * 100}% of the fitted corpus, and reports it due when told to wait`, async () => {
    const before = (await store.snapshot()) as IndexSnapshot;
    const fit = before.manifest.fit as { passages: number };
    const count = (id: string) => before.passages.filter((p) => p.documentId === id).length;
    // Removing one document and adding another moves past the share; each alone does not.
    expect(count('002_d22ba786302d140d')).toBeLessThan(REFIT_SHARE * fit.passages);
    const removal = await removeDocuments(['002_d22ba786302d140d'], deps, 'later');
    expect(removal.refitDue).toBeUndefined();
    const waiting = await ingest([join(corpusDir, '004_27f37c8f34aada63.txt')], { refit: 'later' });
    expect(waiting).toMatchObject({ changed: true, refitDue: true });
    const folded = (await store.snapshot()) as IndexSnapshot;
    expect(fingerprint(folded)).toBe(fingerprint(before));
    expect(folded.manifest.fit?.changed).toBeGreaterThan(REFIT_SHARE * fit.passages);
    const summary = await ingest([join(corpusDir, '002_d22ba786302d140d.txt')]);
    expect(summary.refitDue).toBeUndefined();
    const after = (await store.snapshot()) as IndexSnapshot;
    expect(after.manifest.fit).toEqual({ passages: after.passages.length, changed: 0 });
    expect(fingerprint(after)).not.toBe(fingerprint(before));
  });
});
