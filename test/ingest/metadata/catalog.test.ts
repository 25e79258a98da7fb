import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../ingest/chunk/chunk-units.js';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { readCatalogs } from '../../../ingest/create-ingest-deps.js';
import { isAppError } from '../../../ingest/errors.js';
import { loadFile } from '../../../ingest/load/load-file.js';
import { parseCatalog, type Catalog } from '../../../ingest/metadata/catalog.js';
import { processFile, type FileInput, type ProcessDeps } from '../../../ingest/pipeline/process-file.js';
import { corpusCatalog, corpusDir } from '../corpus-passages.js';
import { tempFolder } from '../store/corpus-generation.js';

const RAADSVOORSTEL = '003_61411eb285946e64.txt';

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('No error was thrown.');
}

function deps(catalog: Catalog): ProcessDeps {
  return { load: (bytes, name) => loadFile(bytes, name), clean: (loaded) => cleanDocument(loaded), catalog, limits: DEFAULT_LIMITS };
}

async function processCorpusFile(source: string, catalog: Catalog, meta?: FileInput['meta']) {
  const bytes = new Uint8Array(await readFile(join(corpusDir, RAADSVOORSTEL)));
  const input: FileInput = { source, documentId: 'raadsvoorstel', origin: 'upload', read: async () => bytes, ...(meta ? { meta } : {}) };
  return processFile(input, bytes, 'hash', deps(catalog));
}

describe('parseCatalog', () => {
  it('reads the corpus catalog by file name', () => {
    expect(corpusCatalog.size).toBe(5);
    expect(corpusCatalog.get('001_9e23d01a41b8f33e.txt')).toMatchObject({ docType: 'jaarverslag', date: '2023-07-05', year: 2022, organisation: 'Stichting WIJ Groningen' });
    expect(corpusCatalog.get('000_c2dbb4c22b6881a5.txt')?.date).toBeNull();
  });

  it('refuses text that is not JSON with a clear bad_request naming the file', () => {
    const error = failureOf(() => parseCatalog('{ "documents": [ ', 'data/corpus/catalog.json'));
    expect(isAppError(error, 'bad_request')).toBe(true);
    expect((error as Error).message).toBe('data/corpus/catalog.json is geen geldige JSON.');
  });

  it('refuses entries of the wrong shape instead of ignoring them', () => {
    const entry = { file: 'a.txt', title: 'A', docType: 'raadsbrief', date: '5 juli 2023', year: 2023, organisation: null };
    for (const json of [JSON.stringify({ documents: [entry] }), JSON.stringify({ documents: [{ ...entry, date: null, title: '' }] }), JSON.stringify({ files: [] }), '[]']) {
      const error = failureOf(() => parseCatalog(json));
      expect(isAppError(error, 'bad_request'), json).toBe(true);
      expect((error as Error).message, json).toMatch(/^catalog\.json heeft niet de verwachte vorm: /);
    }
  });
});

describe('readCatalogs', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    folder = await tempFolder('grip-catalog-');
    await mkdir(join(folder.path, 'empty'));
    await mkdir(join(folder.path, 'extra'));
    await mkdir(join(folder.path, 'broken'));
    const extra = { documents: [{ file: 'brief.txt', title: 'Raadsbrief', docType: 'raadsbrief', date: '2024-02-01', year: 2024, organisation: 'College van B&W Groningen' }] };
    await writeFile(join(folder.path, 'extra', 'catalog.json'), JSON.stringify(extra));
    await writeFile(join(folder.path, 'broken', 'catalog.json'), '{"documents": [{"file": "x.txt"}]}');
  });

  afterAll(async () => {
    await folder.dispose();
  });

  it('merges the catalogs of several folders and skips folders without one', () => {
    const catalog = readCatalogs([corpusDir, join(folder.path, 'empty'), join(folder.path, 'extra')]);
    expect(catalog.size).toBe(6);
    expect(catalog.get('brief.txt')?.docType).toBe('raadsbrief');
  });

  it('names the malformed catalog file in its error', () => {
    const path = join(folder.path, 'broken', 'catalog.json');
    const error = failureOf(() => readCatalogs([corpusDir, join(folder.path, 'broken')]));
    expect(isAppError(error, 'bad_request')).toBe(true);
    expect((error as Error).message).toContain(path);
  });
});

describe('processFile metadata', () => {
  it('takes metadata from the catalog for a listed file, over what the text says', async () => {
    const { document, passages } = await processCorpusFile(RAADSVOORSTEL, corpusCatalog, { title: 'Mijn titel' });
    const entry = corpusCatalog.get(RAADSVOORSTEL);
    expect(document.record).toMatchObject({ title: entry?.title, docType: entry?.docType, date: entry?.date, year: entry?.year, organisation: entry?.organisation, metadataSource: 'catalog' });
    expect(passages[0]).toMatchObject({ title: entry?.title, organisation: 'College van B&W Groningen' });
  });

  it('infers metadata from the text for a file the catalog does not list', async () => {
    const { document } = await processCorpusFile('raadsvoorstel-kopie.txt', corpusCatalog);
    expect(document.record).toMatchObject({ title: 'Invulling taakstelling WIJ Groningen', docType: 'raadsvoorstel', date: '2019-05-28', year: 2019, metadataSource: 'inferred' });
  });

  it('lets metadata supplied with an upload win over inference, taking the year from a supplied date', async () => {
    const { document } = await processCorpusFile('raadsvoorstel-kopie.txt', corpusCatalog, { title: 'Taakstelling WIJ', date: '2019-06-12', organisation: '' });
    expect(document.record).toMatchObject({ title: 'Taakstelling WIJ', docType: 'raadsvoorstel', date: '2019-06-12', year: 2019, metadataSource: 'supplied' });
  });
});
