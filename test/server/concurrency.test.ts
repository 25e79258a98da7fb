import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { pdfPath } from '../support/fixtures.js';
import { askQuestion, fileFromDisk, listDocuments, uploadOk } from '../support/upload.js';

const TOKEN = 'beheer-token-5';

describe('concurrent uploads', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(() => server.close());

  it('are both indexed, one after the other, and the index stays consistent', async () => {
    const [first, second] = await Promise.all([
      uploadOk(server.url, TOKEN, [fileFromDisk(pdfPath('nl/denhelder_besluitenlijst_2015.pdf'))]),
      uploadOk(server.url, TOKEN, [fileFromDisk(pdfPath('nl/vng_burgerpeiling_mantelzorg.pdf'))]),
    ]);
    expect(first.files[0]).toMatchObject({ status: 'added', documentId: 'denhelder_besluitenlijst_2015' });
    expect(second.files[0]).toMatchObject({ status: 'added', documentId: 'vng_burgerpeiling_mantelzorg' });
    // Serialised: whichever committed last saw the other's document.
    expect(Math.max(first.documents, second.documents)).toBe(7);
    const documents = await listDocuments(server.url);
    expect(documents.map((d) => d.documentId)).toEqual(expect.arrayContaining(['denhelder_besluitenlijst_2015', 'vng_burgerpeiling_mantelzorg']));
    const health = (await (await fetch(`${server.url}/health`)).json()) as { documents: number; passages: number };
    expect(health).toMatchObject({ documents: 7, passages: documents.reduce((sum, d) => sum + d.passageCount, 0) });
  });

  it('of different files with the same name give each its own id', async () => {
    const name = 'besluitenlijst.pdf';
    const [first, second] = await Promise.all([
      uploadOk(server.url, TOKEN, [{ ...fileFromDisk(pdfPath('hostile/rotated_page90.pdf')), name }]),
      uploadOk(server.url, TOKEN, [{ ...fileFromDisk(pdfPath('hostile/xref_keyword_missing.pdf')), name }]),
    ]);
    const ids = [first.files[0]?.documentId, second.files[0]?.documentId].sort();
    expect(ids).toEqual(['besluitenlijst', 'besluitenlijst-2']);
    expect((await listDocuments(server.url)).filter((d) => d.source === name)).toHaveLength(2);
  });

  it('leave the documents queryable afterwards, cited from the new generation', async () => {
    const { status, body } = await askQuestion(server.url, 'Welke besluiten nam de gemeenteraad van Den Helder over de GGD Hollands Noorden?');
    expect(status).toBe(200);
    expect(body.passages.map((p) => p.documentId)).toContain('denhelder_besluitenlijst_2015');
  });
});
