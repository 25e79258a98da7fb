import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../ingest/types.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { pdfPath } from '../support/fixtures.js';
import { generatedPdf } from '../support/generated-pdf.js';
import { askQuestion, fileFromDisk, listDocuments, upload, uploadForm, uploadOk, type UploadFile } from '../support/upload.js';

const TOKEN = 'beheer-token-1';
const FIETSENPLAN = fileFromDisk(new URL('./fixtures/fietsenplan-zuiderpark.md', import.meta.url).pathname);
const QUESTION = 'Hoeveel plaatsen telde de fietsenstalling bij het Zuiderpark in 2024?';

function text(name: string, body: string): UploadFile {
  return { name, content: body };
}

function succeeded(outcome: FileOutcome | undefined): Exclude<FileOutcome, { status: 'failed' }> {
  if (!outcome || outcome.status === 'failed') throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** DELETEs a document; `token: null` sends no Authorization header. */
function remove(url: string, id: string, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  return fetch(`${url}/api/documents/${id}`, { method: 'DELETE', headers });
}

describe('upload and delete without ADMIN_TOKEN configured', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ listen: false });
  });
  afterAll(() => server.close());

  it('answers 403 with how to turn them on, whatever token is sent', async () => {
    for (const headers of [{}, { authorization: 'Bearer iets' }] as Record<string, string>[]) {
      for (const request of [
        new Request('http://grip/api/documents', { method: 'POST', headers, body: uploadForm([FIETSENPLAN]) }),
        new Request('http://grip/api/documents/000_c2dbb4c22b6881a5', { method: 'DELETE', headers }),
      ]) {
        const response = await server.app.request(request);
        expect(response.status).toBe(403);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('forbidden');
        expect(body.error.message).toContain('ADMIN_TOKEN');
      }
    }
    expect((await listDocuments_(server)).length).toBe(5);
  });
});

async function listDocuments_(server: GripServer) {
  const response = await server.app.request('/api/documents');
  return ((await response.json()) as { documents: unknown[] }).documents;
}

describe('POST /api/documents and DELETE /api/documents/:id', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN, MAX_UPLOAD_MB: '3', MAX_PAGES: '10' } });
  });
  afterAll(() => server.close());

  it('answers 401 without the admin token or with a wrong one, and changes nothing', async () => {
    for (const token of [undefined, 'fout', `${TOKEN}x`]) {
      const response = await upload(server.url, token, [FIETSENPLAN]);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await remove(server.url, '000_c2dbb4c22b6881a5', token ?? null)).status).toBe(401);
    }
    const ids = (await listDocuments(server.url)).map((d) => d.documentId);
    expect(ids).toContain('000_c2dbb4c22b6881a5');
    expect(ids).not.toContain('fietsenplan-zuiderpark');
  });

  it('adds an uploaded file, lists it, and the next question is answered from it with a citation', async () => {
    const before = await askQuestion(server.url, QUESTION);
    expect(before.body.citations.map((c) => c.documentId)).not.toContain('fietsenplan-zuiderpark');
    const body = await uploadOk(server.url, TOKEN, [FIETSENPLAN]);
    expect(body.files).toEqual([expect.objectContaining({ status: 'added', source: 'fietsenplan-zuiderpark.md', documentId: 'fietsenplan-zuiderpark' })]);
    expect(body.documents).toBe(6);
    const listed = (await listDocuments(server.url)).find((d) => d.documentId === 'fietsenplan-zuiderpark');
    expect(listed).toMatchObject({ status: 'indexed', title: 'Fietsenplan Zuiderpark 2024' });
    const after = await askQuestion(server.url, QUESTION);
    expect(after.body.status).toBe('answered');
    expect(after.body.answer).toContain('1.234 plaatsen');
    expect(after.body.citations[0]?.documentId).toBe('fietsenplan-zuiderpark');
  });

  it('changes nothing when the same content comes again, under its own or another name', async () => {
    const before = await listDocuments(server.url);
    const body = await uploadOk(server.url, TOKEN, [FIETSENPLAN, { ...FIETSENPLAN, name: 'kopie van fietsenplan.md' }]);
    expect(body.changed).toBe(false);
    expect(body.files.map((f) => [f.status, f.documentId])).toEqual([
      ['unchanged', 'fietsenplan-zuiderpark'],
      ['unchanged', 'fietsenplan-zuiderpark'],
    ]);
    expect(await listDocuments(server.url)).toEqual(before);
  });

  it('gives a file with a name already in use a suffixed id and keeps the first; one file sent twice is one document', async () => {
    const second = text('fietsenplan-zuiderpark.md', '# Tweede fietsenplan\n\nDe Vondelstalling telde in 2023 precies 812 plaatsen voor fietsen van bezoekers.\n');
    const body = await uploadOk(server.url, TOKEN, [second, second]);
    expect(body.files.map((f) => [f.status, f.documentId])).toEqual([
      ['added', 'fietsenplan-zuiderpark-2'],
      ['unchanged', 'fietsenplan-zuiderpark-2'],
    ]);
    const ids = (await listDocuments(server.url)).map((d) => d.documentId);
    expect(ids).toEqual(expect.arrayContaining(['fietsenplan-zuiderpark', 'fietsenplan-zuiderpark-2']));
    expect((await askQuestion(server.url, QUESTION)).body.citations[0]?.documentId).toBe('fietsenplan-zuiderpark');
  });

  it('applies supplied metadata to every file of the request', async () => {
    const fields = { title: 'Notitie\u0000 over de Kroonstalling', docType: 'Raadsbrief', date: '2024-05-17', organisation: 'Gemeente Groningen' };
    const body = await uploadOk(server.url, TOKEN, [text('kroon.txt', 'De Kroonstalling opent in juni 2024 met 300 plaatsen voor fietsen.\n')], fields);
    const id = succeeded(body.files[0]).documentId;
    const listed = (await listDocuments(server.url)).find((d) => d.documentId === id);
    expect(listed).toMatchObject({ title: 'Notitie over de Kroonstalling', docType: 'raadsbrief', date: '2024-05-17', year: 2024, organisation: 'Gemeente Groningen' });
  });

  it('answers 400 for invalid metadata, unknown or repeated fields, no file, a text in the files field or a non-multipart body', async () => {
    const file = [text('a.txt', 'Een korte tekst over de gemeente.')];
    const cases: [string, Promise<Response>][] = [
      ['date', upload(server.url, TOKEN, file, { date: '2024-02-30' })],
      ['year', upload(server.url, TOKEN, file, { year: '24' })],
      ['docType', upload(server.url, TOKEN, file, { docType: "x' OR 1=1 --" })],
      ['title', upload(server.url, TOKEN, file, { title: 'x'.repeat(301) })],
      ['unknown field', upload(server.url, TOKEN, file, { titel: 'typo' })],
      ['no file', upload(server.url, TOKEN, [])],
      ['json', fetch(`${server.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{"files":[]}' })],
    ];
    const form = uploadForm(file);
    form.append('files', 'geen bestand');
    cases.push(['text in files', fetch(`${server.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form })]);
    const repeated = uploadForm(file, { title: 'een' });
    repeated.append('title', 'twee');
    cases.push(['repeated', fetch(`${server.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: repeated })]);
    const messages = new Map<string, string>();
    for (const [what, pending] of cases) {
      const response = await pending;
      expect(response.status, what).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, what).toBe('bad_request');
      messages.set(what, body.error.message);
    }
    expect(messages.get('unknown field')).toContain('onbekend veld "titel"');
    expect(messages.get('title')).toContain('title: is langer dan 300 tekens');
    expect(messages.get('date')).toContain('date: moet een datum JJJJ-MM-DD zijn');
  });

  it('reports each file that is not what its name claims, or of an unknown type, as unsupported_file and keeps the others', async () => {
    const body = await uploadOk(server.url, TOKEN, [
      text('nep.pdf', '<html><script>alert(1)</script></html>'),
      { name: 'binair.txt', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) },
      { name: 'pdf-als-tekst.md', content: new Uint8Array(readFileSync(pdfPath('hostile/rotated_page90.pdf'))) },
      text('programma.exe', 'MZ'),
      text('leeg.txt', ''),
      text('goed.txt', 'De Noorderstalling heeft sinds 2021 een fietsenmaker in dienst.'),
    ]);
    expect(body.files.map((f) => [f.source, f.status === 'failed' ? f.error.code : f.status])).toEqual([
      ['nep.pdf', 'unsupported_file'],
      ['binair.txt', 'unsupported_file'],
      ['pdf-als-tekst.md', 'unsupported_file'],
      ['programma.exe', 'unsupported_file'],
      ['leeg.txt', 'unsupported_file'],
      ['goed.txt', 'added'],
    ]);
  });

  it('shows a sanitised file name and never a path, and derives the id from it', async () => {
    const body = await uploadOk(server.url, TOKEN, [text('../../etc/\u202Epasswd\u0007.txt', 'De Stationsstalling is in 2022 gerenoveerd door de gemeente.')]);
    expect(body.files[0]).toMatchObject({ status: 'added', source: 'passwd.txt', documentId: 'passwd' });
  });

  it('fails a PDF with more pages than MAX_PAGES with a message naming the limit', async () => {
    const body = await uploadOk(server.url, TOKEN, [{ name: 'lang_verslag_352.pdf', content: generatedPdf({ pages: 352, linesPerPage: 2 }) }]);
    expect(body.files[0]).toMatchObject({ status: 'failed', error: { code: 'too_large' } });
    const outcome = body.files[0];
    expect(outcome?.status === 'failed' && outcome.error.message).toMatch(/352 pagina's; de limiet is 10/);
  });

  it('removes a document and its passages, and the next question no longer finds it', async () => {
    const response = await remove(server.url, 'fietsenplan-zuiderpark');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ removed: ['fietsenplan-zuiderpark'] });
    const ids = (await listDocuments(server.url)).map((d) => d.documentId);
    expect(ids).not.toContain('fietsenplan-zuiderpark');
    expect(ids).toContain('fietsenplan-zuiderpark-2');
    const answer = await askQuestion(server.url, QUESTION);
    expect(answer.body.citations.map((c) => c.documentId)).not.toContain('fietsenplan-zuiderpark');
    expect(answer.body.passages.map((p) => p.documentId)).not.toContain('fietsenplan-zuiderpark');
    expect((await fetch(`${server.url}/api/documents/fietsenplan-zuiderpark`)).status).toBe(404);
  });

  it('answers 404 for an unknown or path-like id and removes nothing', async () => {
    const before = (await listDocuments(server.url)).length;
    for (const id of ['bestaat-niet', 'fietsenplan-zuiderpark', '..%2F..%2Fetc%2Fpasswd', '%2E%2E', 'a%00b', 'A'.repeat(500)]) {
      expect((await remove(server.url, id)).status, id).toBe(404);
    }
    expect((await listDocuments(server.url)).length).toBe(before);
  });
});
