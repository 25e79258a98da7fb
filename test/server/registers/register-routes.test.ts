import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanceStore } from '../../../ingest/store/lance-store.js';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { figure, spanOf } from '../../ingest/registers/synthetic-rows.js';
import { startGripServer, type GripServer } from '../../support/grip-server.js';
import { addRegisterRows } from '../../support/register-index.js';
import { uploadForm, type UploadBody } from '../../support/upload.js';

const REPORT = '001_9e23d01a41b8f33e';
const PROPOSAL = '003_61411eb285946e64';

/** Rows of the two table kinds over real passages: one deelopdracht in two documents with different amounts. */
async function addTableRows(store: LanceStore): Promise<void> {
  const passages = (await store.snapshot())?.passages ?? [];
  const first = (documentId: string) => passages.find((p) => p.documentId === documentId && /\d/.test(p.text)) as Passage;
  const [report, proposal] = [first(REPORT), first(PROPOSAL)];
  const printed = (p: Passage) => /\d+(?:\.\d+)*/.exec(p.text)?.[0] ?? '1';
  const row = (p: Passage, number: string, name: string, area: string | null = null): RegisterRow => ({
    kind: 'deelopdrachten', documentId: p.documentId, number, name, period: '2022', year: 2022, area,
    granted: figure(p, printed(p), 'Toegekend'), spent: null, toReceive: null, toSettle: null, source: spanOf(p, p.text.slice(0, 12)),
  });
  await addRegisterRows(store, [
    row(report, '903', 'Wijkaanpak "Oost", fase 2', 'Oost'), row(proposal, 'DO-903', 'wijkaanpak oost fase 2'),
    { kind: 'budgets', documentId: REPORT, subject: '=Reguliere opdracht', year: 2022, figure: figure(report, printed(report), 'Realisatie 2022') },
  ]);
}

let server: GripServer;
let guarded: GripServer;

beforeAll(async () => {
  [server, guarded] = await Promise.all([
    startGripServer({ prepareIndex: addTableRows, env: { ADMIN_TOKEN: 'beheer-123' } }),
    startGripServer({ env: { READ_TOKEN: 'lezen-123' } }),
  ]);
}, 180_000);
afterAll(async () => {
  await Promise.all([server?.close(), guarded?.close()]);
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('GET /api/registers/:kind', () => {
  it('gives the mandates map of the corpus grouped by actor, each mandate citing a passage span', async () => {
    const response = await get('/api/registers/mandates');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { lines: { actor: string; mandates: { source: { passageId: string; start: number; end: number; text: string } }[] }[]; documents: Record<string, { title: string }> };
    expect(body.lines.map((l) => l.actor)).toEqual(expect.arrayContaining(['raad', 'college', 'raad van toezicht', 'raad van bestuur']));
    const mandate = body.lines[0]!.mandates[0]!;
    const passage = (await (await get(`/api/passages/${encodeURIComponent(mandate.source.passageId)}`)).json()) as { passage: Passage };
    expect(passage.passage.text.slice(mandate.source.start, mandate.source.end)).toBe(mandate.source.text);
    expect(Object.keys(body.documents)).toHaveLength(5);
  });

  it('merges one deelopdracht from two documents and shows both amounts', async () => {
    const body = (await (await get('/api/registers/deelopdrachten')).json()) as { total: number; lines: { key: string; documentIds: string[]; area: { values: { value: string }[] }; granted: { values: unknown[] } }[] };
    const line = body.lines.find((l) => l.key === '903');
    expect(line?.documentIds).toEqual([REPORT, PROPOSAL]);
    expect(line?.area.values.map((v) => v.value)).toEqual(['Oost']);
    expect(line?.granted.values.length).toBeGreaterThanOrEqual(1);
  });

  it('answers CSV for ?format=csv and for Accept: text/csv, with formulas defused', async () => {
    const byQuery = await get('/api/registers/budgets?format=csv');
    expect(byQuery.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await byQuery.text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('onderwerp,jaar,bedrag,eenheid,kolom,verschil tussen documenten,bron,passage');
    expect(text).toContain("'=Reguliere opdracht,2022,");
    const byAccept = await get('/api/registers/deelopdrachten', { accept: 'text/csv' });
    const lines = (await byAccept.text()).trim().split('\r\n');
    expect(lines[0]).toContain('nummer,naam,periode');
    // Spellings equal once normalised are one name; the two documents' amounts stand side by side.
    expect(lines.find((l) => l.startsWith('903,'))).toMatch(/^903,"Wijkaanpak ""Oost"", fase 2",2022,2022,Oost,[^,]+ \| [^,]+,/);
  });

  it('limits a register to one document', async () => {
    const body = (await (await get(`/api/registers/mandates?documentId=${PROPOSAL}`)).json()) as { lines: { mandates: { documentId: string }[] }[] };
    expect(body.lines.flatMap((l) => l.mandates.map((m) => m.documentId))).toEqual(expect.arrayContaining([PROPOSAL]));
    expect(new Set(body.lines.flatMap((l) => l.mandates.map((m) => m.documentId)))).toEqual(new Set([PROPOSAL]));
  });

  it('refuses an unknown register, document or parameter with the error shape', async () => {
    for (const [path, status, code] of [
      ['/api/registers/wethouders', 404, 'not_found'], ['/api/registers/mandates?documentId=nope', 404, 'not_found'],
      ['/api/registers/mandates?format=xml', 400, 'bad_request'], ['/api/registers/mandates?sort=actor', 400, 'bad_request'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code, message: expect.any(String) });
    }
  });

  it('needs the read token when one is set', async () => {
    const refused = await fetch(`${guarded.url}/api/registers/mandates`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const allowed = await fetch(`${guarded.url}/api/registers/mandates?format=csv`, { headers: { authorization: 'Bearer lezen-123' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('actor,bevoegdheid,waarover,zin,bron,passage');
  });

  it('adds an uploaded document\'s rows and drops them when it is deleted', async () => {
    const admin = { authorization: 'Bearer beheer-123' };
    const text = '# Besluit zwembad\n\nDe gemeenteraad stelt het tarievenbeleid voor het zwembad vast. De burgemeester benoemt de badmeesters.\n';
    const upload = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: admin, body: uploadForm([{ name: 'zwembad.md', content: text }]) });
    expect(upload.status).toBe(200);
    const documentId = ((await upload.json()) as UploadBody).files[0]!.documentId as string;
    const mandatesOf = async () => {
      const body = (await (await get('/api/registers/mandates')).json()) as { lines: { actor: string; mandates: { power: string; object: string; documentId: string }[] }[] };
      return body.lines.flatMap((l) => l.mandates.filter((m) => m.documentId === documentId).map((m) => `${l.actor} ${m.power}: ${m.object}`));
    };
    expect(await mandatesOf()).toEqual(['raad stelt vast: het tarievenbeleid voor het zwembad', 'burgemeester benoemt: de badmeesters']);
    const deleted = await fetch(`${server.url}/api/documents/${documentId}`, { method: 'DELETE', headers: admin });
    expect(deleted.status).toBe(200);
    expect(await mandatesOf()).toEqual([]);
  });
});
