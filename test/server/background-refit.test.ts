/**
 * An upload that moves a quarter of the corpus the local model was fitted on: it is folded in and answered at
 * once, and the server refits in the background afterwards, serving the refitted index when that is done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanceStore, type IndexListing } from '../../ingest/index.js';
import { pdfPath } from '../support/fixtures.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';
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
    const files = ['nl/overijssel_jaarstukken_2023.pdf', 'nl/vng_burgerpeiling_mantelzorg.pdf', 'nl/denhelder_besluitenlijst_2015.pdf', 'hostile/twocolumn_paper.pdf', 'nl/tk_verslag_undefined_glyphs.pdf'];
    const body = await uploadOk(server.url, TOKEN, files.map((file) => fileFromDisk(pdfPath(file))));
    for (const file of body.files) expect(file).toMatchObject({ status: 'added' });
    const added = body.files.reduce((sum, file) => sum + ((file as { passages?: number }).passages ?? 0), 0);
    expect(added).toBeGreaterThan((fitted.manifest.fit?.passages ?? 0) / 4);
    expect((await listDocuments(server.url)).some((d) => d.source === 'overijssel_jaarstukken_2023.pdf')).toBe(true);
    const deadline = Date.now() + 120_000;
    let listing = (await store.listing()) as IndexListing;
    while (listing.manifest.fit?.changed !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      listing = (await store.listing()) as IndexListing;
    }
    expect(listing.manifest.fit).toEqual({ passages: listing.manifest.passages, changed: 0 });
    expect(listing.manifest.embedder.model).not.toBe(fitted.manifest.embedder.model);
    // The server goes on answering from the refitted index, the upload's document included.
    const { status, body: answer } = await askQuestion(server.url, 'Wat staat er in de jaarstukken 2023 van de provincie Overijssel?');
    expect(status).toBe(200);
    expect(answer.passages.some((p) => p.documentId === 'overijssel_jaarstukken_2023')).toBe(true);
  }, 240_000);
});
