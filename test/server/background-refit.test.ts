/**
 * An upload that moves a quarter of the corpus the local model was fitted on: it is folded in and answered at
 * once, and the server refits in the background afterwards, serving the refitted index when that is done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanceStore, type IndexListing } from '../../ingest/index.js';
import { SHARED_PDFS, startGripServer, type GripServer } from '../support/grip-server.js';
import { askQuestion, fileFromDisk, listDocuments, uploadOk } from '../support/upload.js';

const TOKEN = 'beheer-token-refit';

describe('a large upload', () => {
  let server: GripServer;
  let store: LanceStore;
  let fitted: IndexListing;

  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN } });
    store = await LanceStore.open(server.indexDir);
    fitted = (await store.listing()) as IndexListing;
  }, 180_000);
  afterAll(() => server?.close());

  it('is folded in at once, then the server refits in the background', async () => {
    const body = await uploadOk(server.url, TOKEN, [fileFromDisk(`${SHARED_PDFS}hostile/manypages_352.pdf`)]);
    expect(body.files[0]).toMatchObject({ status: 'added' });
    expect((body.files[0] as { passages: number }).passages).toBeGreaterThan((fitted.manifest.fit?.passages ?? 0) / 4);
    expect((await listDocuments(server.url)).some((d) => d.source === 'manypages_352.pdf')).toBe(true);
    const deadline = Date.now() + 120_000;
    let listing = (await store.listing()) as IndexListing;
    while (listing.manifest.fit?.changed !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      listing = (await store.listing()) as IndexListing;
    }
    expect(listing.manifest.fit).toEqual({ passages: listing.manifest.passages, changed: 0 });
    expect(listing.manifest.embedder.model).not.toBe(fitted.manifest.embedder.model);
    // The server goes on answering from the refitted index, the upload's document included.
    const { status, body: answer } = await askQuestion(server.url, 'What does the book say about free culture and copyright?');
    expect(status).toBe(200);
    expect(answer.passages.some((p) => p.documentId === 'manypages_352')).toBe(true);
  }, 240_000);
});
