import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestDeps } from '../../../ingest/create-ingest-deps.js';
import { AppError } from '../../../ingest/errors.js';
import { fileInputs } from '../../../ingest/pipeline/file-inputs.js';
import { ingestInputs, type IngestDeps } from '../../../ingest/pipeline/ingest-inputs.js';
import { removeDocuments } from '../../../ingest/pipeline/remove-documents.js';
import { parseSettings } from '../../../ingest/settings.js';
import { LanceStore } from '../../../ingest/store/lance-store.js';
import { deserializeLocalModel } from '../../../ingest/embed/create-embedder.js';
import { corpusDir } from '../corpus-passages.js';
import { TEST_DIMENSIONS, tempFolder } from '../store/corpus-generation.js';

describe('removeDocuments', () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;
  let store: LanceStore;
  let deps: IngestDeps;

  beforeAll(async () => {
    root = await tempFolder('grip-remove-');
    const settings = parseSettings({ INDEX_DIR: join(root.path, 'index'), LOCAL_EMBEDDING_DIMENSIONS: String(TEST_DIMENSIONS) });
    store = await LanceStore.open(settings.INDEX_DIR);
    deps = createIngestDeps(settings, store, new Map());
    const { inputs } = await fileInputs([join(corpusDir, '000_c2dbb4c22b6881a5.txt'), join(corpusDir, '003_61411eb285946e64.txt')]);
    await ingestInputs(inputs, deps);
  });
  afterAll(() => root.dispose());

  it('commits a generation without the document and its passages, with the local model refitted on the rest', async () => {
    const before = await store.snapshot();
    const result = await removeDocuments(['000_c2dbb4c22b6881a5', 'bestaat-niet'], deps);
    expect(result).toMatchObject({ removed: ['000_c2dbb4c22b6881a5'], missing: ['bestaat-niet'], documents: 1, changed: true });
    const after = await store.snapshot();
    expect(after?.generation).toBe((before?.generation ?? 0) + 1);
    expect(after?.documents.map((d) => d.record.documentId)).toEqual(['003_61411eb285946e64']);
    expect(new Set(after?.passages.map((p) => p.documentId))).toEqual(new Set(['003_61411eb285946e64']));
    expect(result.passages).toBe(after?.passages.length);
    const fingerprint = (bytes: Uint8Array | null | undefined) => (bytes ? deserializeLocalModel(bytes).fingerprint : null);
    expect(fingerprint(after?.model)).not.toBe(fingerprint(before?.model));
  });

  it('changes nothing for ids the index does not hold', async () => {
    const generation = await store.head();
    expect(await removeDocuments(['bestaat-niet'], deps)).toMatchObject({ removed: [], missing: ['bestaat-niet'], changed: false });
    expect(await store.head()).toBe(generation);
  });

  it('refuses to remove the last searchable document, which the embedder is fitted on', async () => {
    const generation = await store.head();
    const error = await removeDocuments(['003_61411eb285946e64'], deps).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad_request');
    expect(await store.head()).toBe(generation);
  });
});
