import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, Passage } from '../../ingest/types.js';
import { DEFAULT_CORPUS, startGripServer, type GripServer } from '../support/grip-server.js';

let server: GripServer;
const ANNUAL_REPORT = '001_9e23d01a41b8f33e';

beforeAll(async () => {
  server = await startGripServer();
});
afterAll(() => server.close());

const getJson = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

describe('GET /api/documents', () => {
  it('lists every document with catalog metadata and passage counts', async () => {
    const { documents } = await getJson<{ documents: DocumentRecord[] }>('/api/documents');
    expect(documents).toHaveLength(5);
    const report = documents.find((d) => d.documentId === ANNUAL_REPORT) as DocumentRecord;
    expect(report).toMatchObject({ docType: 'jaarverslag', year: 2022, date: '2023-07-05', metadataSource: 'catalog', status: 'indexed' });
    expect(report.passageCount).toBeGreaterThan(100);
    expect(Array.isArray(report.warnings)).toBe(true);
  });
});

describe('GET /api/documents/:id/text', () => {
  it('returns the clean text with passage offsets into it', async () => {
    const body = await getJson<{ text: string; passages: { passageId: string; cleanStart: number; cleanEnd: number }[] }>(`/api/documents/${ANNUAL_REPORT}/text`);
    expect(body.passages.length).toBeGreaterThan(100);
    for (const passage of body.passages) {
      expect(passage.cleanStart).toBeGreaterThanOrEqual(0);
      expect(passage.cleanEnd).toBeLessThanOrEqual(body.text.length);
      expect(passage.cleanEnd).toBeGreaterThan(passage.cleanStart);
    }
    expect(body.text).toContain('De ondernemingsraad vergadert wekelijks.');
  });
});

describe('GET /api/documents/:id/file', () => {
  it('returns the original bytes with the right content type', async () => {
    const response = await fetch(`${server.url}/api/documents/${ANNUAL_REPORT}/file`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(readFileSync(join(DEFAULT_CORPUS, `${ANNUAL_REPORT}.txt`)))).toBe(true);
  });
});

describe('GET /api/passages/:id', () => {
  it('returns a passage with its neighbours in document order', async () => {
    const { passages } = await getJson<{ passages: { passageId: string }[] }>(`/api/documents/${ANNUAL_REPORT}/text`);
    const middle = passages[10] as { passageId: string };
    const body = await getJson<{ passage: Passage; before: Passage[]; after: Passage[] }>(`/api/passages/${encodeURIComponent(middle.passageId)}`);
    expect(body.passage.id).toBe(middle.passageId);
    expect(body.before.map((p) => p.ordinal)).toEqual([body.passage.ordinal - 2, body.passage.ordinal - 1]);
    expect(body.after.map((p) => p.ordinal)).toEqual([body.passage.ordinal + 1, body.passage.ordinal + 2]);
  });
});

describe('the web app', () => {
  it('is served at / with a Content-Security-Policy allowing only its own origin', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
