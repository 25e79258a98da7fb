import { appendFile, copyFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNKING } from '../../../ingest/chunk/chunk-settings.js';
import { createIngestDeps, readCatalogs } from '../../../ingest/create-ingest-deps.js';
import { fileInputs } from '../../../ingest/pipeline/file-inputs.js';
import { ingestInputs, type IngestDeps, type IngestProgress } from '../../../ingest/pipeline/ingest-inputs.js';
import { parseSettings } from '../../../ingest/settings.js';
import { LanceStore, type IndexSnapshot } from '../../../ingest/store/lance-store.js';
import type { FileOutcome, IngestSummary } from '../../../ingest/types.js';
import { corpusDir } from '../corpus-passages.js';
import { pdfBytes } from '../../support/fixtures.js';
import { TEST_DIMENSIONS, tempFolder } from '../store/corpus-generation.js';

const FILES = ['000_c2dbb4c22b6881a5.txt', '001_9e23d01a41b8f33e.txt', '002_d22ba786302d140d.txt', '003_61411eb285946e64.txt', '004_27f37c8f34aada63.txt'];

let root: Awaited<ReturnType<typeof tempFolder>>;

/** Real ingest dependencies over a fresh index folder, with the corpus catalog and a small local embedder. */
async function setup(name: string, catalogFolders: string[], env: Record<string, string> = {}): Promise<{ store: LanceStore; deps: IngestDeps; events: IngestProgress[] }> {
  const settings = parseSettings({ INDEX_DIR: join(root.path, name), LOCAL_EMBEDDING_DIMENSIONS: String(TEST_DIMENSIONS), LOG_LEVEL: 'silent', ...env });
  const store = await LanceStore.open(settings.INDEX_DIR);
  const events: IngestProgress[] = [];
  return { store, events, deps: createIngestDeps(settings, store, readCatalogs(catalogFolders), (event) => events.push(event)) };
}

/** Ingests a folder the way `npm run ingest <folder>` does: its files, synced. */
async function ingestFolder(folder: string, deps: IngestDeps): Promise<IngestSummary> {
  const { inputs, folders } = await fileInputs([folder]);
  return ingestInputs(inputs, deps, { syncOrigins: folders });
}

const statuses = (summary: IngestSummary) => Object.fromEntries(summary.files.map((file) => [file.source, file.status]));
const outcome = (summary: IngestSummary, source: string) => summary.files.find((file) => file.source === source) as FileOutcome;

beforeAll(async () => {
  root = await tempFolder('grip-pipeline-');
});

afterAll(async () => {
  await root.dispose();
});

describe('ingestInputs on a synced corpus folder', () => {
  let corpus: string;
  let store: LanceStore;
  let deps: IngestDeps;
  let events: IngestProgress[];
  let first: IngestSummary;

  beforeAll(async () => {
    corpus = join(root.path, 'corpus');
    await cp(corpusDir, corpus, { recursive: true });
    ({ store, deps, events } = await setup('index', [corpus]));
    first = await ingestFolder(corpus, deps);
  });

  it('adds every file of a new folder and commits one generation', async () => {
    expect(statuses(first)).toEqual(Object.fromEntries(FILES.map((file) => [file, 'added'])));
    expect(first).toMatchObject({ changed: true, removed: [], documents: 5 });
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.generation).toBe(1);
    expect(snapshot.passages.length).toBe(first.passages);
    expect(snapshot.documents.every((document) => document.record.metadataSource === 'catalog')).toBe(true);
    expect(snapshot.manifest).toMatchObject({ chunking: CHUNKING, embedder: { kind: 'local', dimensions: TEST_DIMENSIONS }, documents: 5 });
    expect(events.map((event) => event.type)).toEqual(['start', 'file', 'file', 'file', 'file', 'file', 'commit']);
  });

  it('reports every file unchanged on a second run and writes no new generation', async () => {
    const second = await ingestFolder(corpus, deps);
    expect(new Set(Object.values(statuses(second)))).toEqual(new Set(['unchanged']));
    expect(second).toMatchObject({ changed: false, removed: [], documents: 5, passages: first.passages });
    expect(await store.head()).toBe(1);
  });

  it('replaces only the file whose bytes changed', async () => {
    await appendFile(join(corpus, FILES[3] as string), '\n\nAanvulling\n\nDe raad heeft op 2 juli 2019 ingestemd met de invulling van de taakstelling bij de wijkteams van WIJ Groningen.\n');
    const third = await ingestFolder(corpus, deps);
    expect(statuses(third)).toEqual({ ...Object.fromEntries(FILES.map((file) => [file, 'unchanged'])), [FILES[3] as string]: 'replaced' });
    expect(third.changed).toBe(true);
    expect(await store.head()).toBe(2);
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.passages.some((passage) => passage.text.includes('ingestemd met de invulling van de taakstelling bij de wijkteams'))).toBe(true);
    expect(snapshot.documents.length).toBe(5);
  });

  it('re-chunks every file when the index was built with other chunking settings', async () => {
    const rechunked = await ingestFolder(corpus, { ...deps, chunking: { ...CHUNKING, version: CHUNKING.version + 100 } });
    expect(new Set(Object.values(statuses(rechunked)))).toEqual(new Set(['replaced']));
    expect(rechunked.changed).toBe(true);
    expect((await store.snapshot())?.manifest.chunking.version).toBe(CHUNKING.version + 100);
    // Back to the current settings: rebuilt once more, then stable again.
    expect((await ingestFolder(corpus, deps)).changed).toBe(true);
    expect((await ingestFolder(corpus, deps)).changed).toBe(false);
  });

  it('removes a document whose file was deleted from the synced folder', async () => {
    await rm(join(corpus, FILES[0] as string));
    const after = await ingestFolder(corpus, deps);
    expect(after.removed).toEqual(['000_c2dbb4c22b6881a5']);
    expect(after.files.map((file) => file.source)).not.toContain(FILES[0]);
    expect(after).toMatchObject({ changed: true, documents: 4 });
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.documents.map((document) => document.record.documentId)).not.toContain('000_c2dbb4c22b6881a5');
    expect(snapshot.passages.filter((passage) => passage.documentId === '000_c2dbb4c22b6881a5')).toEqual([]);
  });

  it('keeps the previous generation intact and searchable when the embedding step fails', async () => {
    const before = (await store.snapshot()) as IndexSnapshot;
    await appendFile(join(corpus, FILES[4] as string), '\n\nNaschrift\n\nDe gemeente en WIJ Groningen bespreken dit rapport in het voorjaar van 2024 met de raad.\n');
    const crashing: IngestDeps = {
      ...deps,
      vectors: {
        kind: 'local',
        fitted: true,
        embed: async () => {
          throw new Error('Simulated crash while fitting the embedder.');
        },
        extend: async () => {
          throw new Error('Simulated crash while folding in.');
        },
        space: async () => {
          throw new Error('Simulated crash while fitting the embedder.');
        },
      },
    };
    await expect(ingestFolder(corpus, crashing)).rejects.toThrow('Simulated crash while folding in');
    expect(await store.head()).toBe(before.generation);
    const after = (await store.snapshot()) as IndexSnapshot;
    expect(after.passages).toEqual(before.passages);
    expect(after.passages.some((passage) => passage.text.includes('bespreken dit rapport in het voorjaar van 2024'))).toBe(false);
    expect((await after.fullText('klachten', 3)).length).toBe(3);
    // Nothing was recorded as done: the next working run picks the change up.
    const retry = await ingestFolder(corpus, deps);
    expect(outcome(retry, FILES[4] as string).status).toBe('replaced');
    expect((await store.snapshot())?.passages.some((passage) => passage.text.includes('bespreken dit rapport in het voorjaar van 2024'))).toBe(true);
  });
});

describe('ingestInputs with bad and image-only files, OCR off', () => {
  let summary: IngestSummary;
  let store: LanceStore;
  let folder: string;
  let deps: IngestDeps;

  beforeAll(async () => {
    folder = join(root.path, 'mixed');
    await mkdir(folder);
    for (const file of [FILES[3], FILES[4], 'catalog.json'] as string[]) await copyFile(join(corpusDir, file), join(folder, file));
    await writeFile(join(folder, 'geen-pdf.pdf'), 'Dit is platte tekst met de extensie .pdf, geen PDF.');
    await writeFile(join(folder, 'latin1.txt'), Buffer.from([0x56, 0x65, 0x72, 0x73, 0x6c, 0x61, 0x67, 0x20, 0xe9, 0xe9, 0x6e, 0xff, 0xfe, 0x0a]));
    await writeFile(join(folder, 'emmen_toezeggingen_scan.pdf'), pdfBytes('nl/emmen_toezeggingen_scan.pdf'));
    ({ store, deps } = await setup('mixed-index', [folder], { OCR: 'off' }));
    summary = await ingestFolder(folder, deps);
  });

  it('adds the good files while a fake PDF and invalid UTF-8 fail with a code', () => {
    expect(statuses(summary)).toEqual({
      [FILES[3] as string]: 'added',
      [FILES[4] as string]: 'added',
      'geen-pdf.pdf': 'failed',
      'latin1.txt': 'failed',
      'emmen_toezeggingen_scan.pdf': 'flagged',
    });
    for (const source of ['geen-pdf.pdf', 'latin1.txt']) {
      const failed = outcome(summary, source);
      expect(failed.status === 'failed' && failed.error.code, source).toBe('unsupported_file');
      expect(failed.status === 'failed' && failed.error.message, source).toContain(`"${source}"`);
    }
    expect(summary).toMatchObject({ changed: true, documents: 3 });
  });

  it('stores an image-only PDF as needs_ocr with a no_text_layer warning and no passages', async () => {
    const flagged = outcome(summary, 'emmen_toezeggingen_scan.pdf');
    expect(flagged).toMatchObject({ status: 'flagged', passages: 0, pages: 2 });
    expect(flagged.status !== 'failed' && flagged.warnings.map((warning) => warning.code)).toContain('no_text_layer');
    expect(flagged.status !== 'failed' && flagged.warnings[0]?.message).toContain('OCR=off');
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    const record = snapshot.documents.find((document) => document.record.source === 'emmen_toezeggingen_scan.pdf')?.record;
    expect(record).toMatchObject({ status: 'needs_ocr', passageCount: 0, mediaType: 'application/pdf' });
    expect(snapshot.passages.filter((passage) => passage.documentId === record?.documentId)).toEqual([]);
    expect(snapshot.documents.map((document) => document.record.source)).not.toContain('geen-pdf.pdf');
  });

  it('reads the flagged scan again once OCR is on, and leaves it be while OCR stays off', async () => {
    const again = await ingestFolder(folder, deps);
    expect(outcome(again, 'emmen_toezeggingen_scan.pdf').status).toBe('unchanged');
    expect(again.changed).toBe(false);
    const withOcr = (await setup('mixed-index', [folder])).deps;
    const read = await ingestFolder(folder, withOcr);
    expect(outcome(read, 'emmen_toezeggingen_scan.pdf')).toMatchObject({ status: 'replaced', documentId: 'emmen_toezeggingen_scan' });
    const record = (await store.snapshot())?.documents.find((document) => document.record.source === 'emmen_toezeggingen_scan.pdf')?.record;
    expect(record).toMatchObject({ status: 'indexed' });
    expect(outcome(await ingestFolder(folder, withOcr), 'emmen_toezeggingen_scan.pdf').status).toBe('unchanged');
  }, 300_000);

  it('reads a flagged upload again when the same scan is uploaded once OCR is on, as the same document', async () => {
    const scan = { source: 'scan.pdf', documentId: 'scan', origin: 'upload', read: async () => pdfBytes('nl/emmen_toezeggingen_scan.pdf') };
    const off = (await setup('uploads-index', [], { OCR: 'off' })).deps;
    const first = await ingestInputs([scan], off, { uniqueIds: true });
    expect(first.files[0]).toMatchObject({ status: 'flagged', documentId: 'scan' });
    const on = (await setup('uploads-index', [])).deps;
    const second = await ingestInputs([scan], on, { uniqueIds: true });
    expect(second.files[0]).toMatchObject({ status: 'replaced', documentId: 'scan', pages: 2 });
    expect(second.documents).toBe(1);
  }, 300_000);
});

describe('ingestInputs with an image-only PDF, OCR on (the default)', () => {
  let summary: IngestSummary;
  let store: LanceStore;

  beforeAll(async () => {
    const folder = join(root.path, 'scans');
    await mkdir(folder);
    await writeFile(join(folder, 'emmen_toezeggingen_scan.pdf'), pdfBytes('nl/emmen_toezeggingen_scan.pdf'));
    let deps: IngestDeps;
    ({ store, deps } = await setup('scans-index', [folder]));
    summary = await ingestFolder(folder, deps);
  }, 300_000);

  it('indexes the scan read by OCR, with its pages and an OCR warning', async () => {
    const scan = outcome(summary, 'emmen_toezeggingen_scan.pdf');
    expect(scan, JSON.stringify(scan)).toMatchObject({ status: 'added', pages: 2 });
    expect(scan.status !== 'failed' && scan.warnings.map((warning) => [warning.code, warning.message.slice(0, 30)])).toEqual([['ocr_text', 'OCR: tekst automatisch herkend']]);
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    expect(snapshot.documents[0]?.record).toMatchObject({ status: 'indexed', mediaType: 'application/pdf' });
    const pages = new Set(snapshot.passages.map((passage) => passage.page));
    expect([...pages].sort()).toEqual([1, 2]);
    const found = await snapshot.fullText('afvalstoffenheffing vaste tarief', 3);
    expect(found[0]?.passage.text).toMatch(/afvalstoffenheffing/i);
  });
});

describe('fileInputs and ingestInputs with files of the same name', () => {
  it('gives two files with the same name in different folders distinct ids and keeps both', async () => {
    const north = join(root.path, 'noord');
    const south = join(root.path, 'zuid');
    await mkdir(north);
    await mkdir(south);
    await writeFile(join(north, 'Notulen.txt'), 'Notulen WIJ-team Noord\n\nHet WIJ-team Noord besprak in maart de wachtlijst voor de Basis Jeugdhulp en de inzet van de buurtwerkers in Beijum.\n');
    await writeFile(join(south, 'Notulen.txt'), 'Notulen WIJ-team Zuid\n\nHet WIJ-team Zuid besprak in april de samenwerking met de huisartsen en de scholen in de Wijert.\n');
    // A real document beside them gives the local embedder enough text to fit on.
    await copyFile(join(corpusDir, FILES[3] as string), join(north, FILES[3] as string));
    const { inputs, folders } = await fileInputs([north, south]);
    expect(inputs.map((input) => [input.source, input.documentId])).toEqual([
      [FILES[3], '003_61411eb285946e64'],
      ['Notulen.txt', 'notulen'],
      ['Notulen.txt', 'notulen-2'],
    ]);
    const { store, deps } = await setup('same-name-index', []);
    const summary = await ingestInputs(inputs, deps, { syncOrigins: folders });
    expect(summary.files.map((file) => [file.documentId, file.status])).toEqual([
      ['003_61411eb285946e64', 'added'],
      ['notulen', 'added'],
      ['notulen-2', 'added'],
    ]);
    const snapshot = (await store.snapshot()) as IndexSnapshot;
    const notulen = snapshot.documents.filter((document) => document.record.source === 'Notulen.txt');
    expect(notulen.map((document) => [document.record.documentId, document.record.origin])).toEqual([
      ['notulen', north],
      ['notulen-2', south],
    ]);
    expect(snapshot.passages.find((passage) => passage.documentId === 'notulen-2')?.text).toContain('WIJ-team Zuid');
    // Syncing one folder on its own later leaves both documents as they are.
    const again = await ingestInputs((await fileInputs([south])).inputs, deps, { syncOrigins: [south] });
    expect(again.files.map((file) => [file.documentId, file.status])).toEqual([['notulen-2', 'unchanged']]);
    expect(again).toMatchObject({ removed: [], changed: false });
  });
});
