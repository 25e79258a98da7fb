/**
 * A scanned PDF through the real upload route (issue 11 item 6): read by Tesseract in the loader worker, indexed
 * with its pages and an OCR warning, and a question about what the scan says is answered from it. On a server
 * without Tesseract the same scan is flagged with what to install.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../ingest/types.js';
import { pdfPath } from '../support/fixtures.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { fileFromDisk, listDocuments, uploadOk } from '../support/upload.js';

const TOKEN = 'beheer-token-ocr';
const SCAN = pdfPath('nl/emmen_toezeggingen_scan.pdf');

interface Citation {
  documentId: string;
  page: number | null;
  quote: string;
}

async function ask(url: string, question: string): Promise<{ status: string; citations: Citation[] }> {
  const response = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; citations: Citation[] };
}

describe('uploading a scan with OCR', () => {
  let server: GripServer;
  let outcome: FileOutcome | undefined;

  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN } });
    outcome = (await uploadOk(server.url, TOKEN, [fileFromDisk(SCAN)])).files[0];
  }, 300_000);
  afterAll(() => server?.close());

  it('adds the scan as an indexed document with an OCR warning', async () => {
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'added', documentId: 'emmen_toezeggingen_scan', pages: 2 });
    expect(outcome?.status !== 'failed' && outcome?.warnings.map((warning) => warning.code)).toEqual(['ocr_text']);
    const record = (await listDocuments(server.url)).find((document) => document.documentId === 'emmen_toezeggingen_scan');
    expect(record?.status).toBe('indexed');
    expect(record?.passageCount).toBeGreaterThan(2);
  });

  it('answers a question about what the scan says, citing its page', async () => {
    const answer = await ask(server.url, 'Waarom is het vaste tarief van de afvalstoffenheffing in Emmen verhoogd?');
    expect(answer.status).toBe('answered');
    const cited = answer.citations.filter((citation) => citation.documentId === 'emmen_toezeggingen_scan');
    expect(cited.length, JSON.stringify(answer.citations)).toBeGreaterThan(0);
    expect(cited.every((citation) => citation.page === 1 || citation.page === 2)).toBe(true);
    expect(cited.map((citation) => citation.quote).join(' ')).toMatch(/vaste (tarief|kosten|lasten)/);
  });
});

describe('uploading a scan where Tesseract is missing', () => {
  let server: GripServer;

  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN, OCR_COMMAND: '/nonexistent/bin/tesseract' } });
  }, 300_000);
  afterAll(() => server?.close());

  it('flags the scan, indexes none of it and says what to install', async () => {
    const [flagged] = (await uploadOk(server.url, TOKEN, [fileFromDisk(SCAN)])).files;
    expect(flagged, JSON.stringify(flagged)).toMatchObject({ status: 'flagged', passages: 0, pages: 2 });
    const warning = flagged?.status === 'flagged' ? flagged.warnings[0] : undefined;
    expect(warning?.code).toBe('no_text_layer');
    expect(warning?.message).toContain('apt-get install tesseract-ocr tesseract-ocr-nld');
  });
});
