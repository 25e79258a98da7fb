/**
 * Every test PDF through the real upload route, in one request, with its MANIFEST.md row's behaviour as the
 * expectation: the fixtures in test/fixtures/pdfs, plus the large files of ../shared/pdfs when that is there.
 * Questions keep being answered while that upload is ingested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutcome, WarningCode } from '../../ingest/types.js';
import { availablePdfs, fixturePdfs, hasSharedPdfs, pdfPath } from '../support/fixtures.js';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { askQuestion, fileFromDisk, listDocuments, uploadOk, type UploadBody } from '../support/upload.js';

const TOKEN = 'beheer-token-3';

type Expectation =
  | { status: 'added' | 'flagged'; pages: number; warnings: WarningCode[]; includes?: string }
  | { status: 'failed'; error: string };

const expectations: Record<string, Expectation> = {
  'nl/jeugd_hervormingsagenda.pdf': { status: 'added', pages: 80, warnings: [], includes: 'Hervormingsagenda' },
  'nl/stcrt_istandaarden_wmo_jw.pdf': { status: 'added', pages: 8, warnings: [], includes: 'Artikel 9.1a' },
  'nl/vng_burgerpeiling_mantelzorg.pdf': { status: 'added', pages: 10, warnings: [], includes: '40%' },
  'nl/denhelder_besluitenlijst_2015.pdf': { status: 'added', pages: 4, warnings: [], includes: 'GGD Hollands Noorden' },
  'nl/overijssel_jaarstukken_2023.pdf': { status: 'added', pages: 26, warnings: [], includes: 'Eigen Vermogen' },
  // Scans are read by OCR (Tesseract; see test/server/upload-ocr.test.ts for a server without it).
  'nl/emmen_toezeggingen_scan.pdf': { status: 'added', pages: 2, warnings: ['ocr_text'], includes: 'Commissie BME' },
  'nl/emmen_toezeggingen_ocr.pdf': { status: 'added', pages: 2, warnings: ['ocr_text'], includes: 'Commissie BME' },
  'nl/vws_woo_besluit_scan.pdf': { status: 'added', pages: 10, warnings: ['ocr_text'], includes: 'Woo-deelbesluit' },
  'nl/vws_woo_jeugd_ocr_redacted.pdf': { status: 'added', pages: 1, warnings: ['ocr_text'], includes: 'escalatieladder' },
  'nl/papendrecht_verbeelding_a0.pdf': { status: 'added', pages: 1, warnings: ['drawing'], includes: 'Anthony Fokkerweg' },
  'nl/tk_verslag_undefined_glyphs.pdf': { status: 'added', pages: 17, warnings: [], includes: 'Inbreng van de leden van de VVD-fractie' },
  'hostile/enc_aes256_userpw.pdf': { status: 'failed', error: 'encrypted_pdf' },
  'hostile/enc_nopw_copy_denied.pdf': { status: 'added', pages: 1, warnings: ['encrypted'], includes: 'Dummy PDF file' },
  'hostile/corrupt_invalid_structure.pdf': { status: 'failed', error: 'corrupt_pdf' },
  'hostile/corrupt_xref_bytewidths.pdf': { status: 'failed', error: 'corrupt_pdf' },
  'hostile/xref_keyword_missing.pdf': { status: 'added', pages: 1, warnings: [], includes: 'Reduced test-case' },
  'hostile/xref_huge_objnum.pdf': { status: 'flagged', pages: 1, warnings: ['no_text_layer'] },
  'hostile/pages_kids_broken.pdf': { status: 'failed', error: 'corrupt_pdf' },
  'hostile/pages_tree_cycle.pdf': { status: 'added', pages: 2, warnings: ['page_failed'], includes: 'Pages loop' },
  'hostile/js_form_actions.pdf': { status: 'added', pages: 1, warnings: ['contains_javascript'], includes: 'Certificat de salaire' },
  'hostile/rotated_page90.pdf': { status: 'added', pages: 2, warnings: [], includes: 'landscape layout' },
  'hostile/font_truetype_noglyf.pdf': { status: 'added', pages: 1, warnings: ['ocr_text'], includes: 'glyf' },
  'hostile/font_empty_fontfile.pdf': { status: 'added', pages: 1, warnings: [], includes: 'impayé' },
  'hostile/twocolumn_paper.pdf': { status: 'added', pages: 14, warnings: [], includes: 'Introduction' },
  // The cover is an image with the title on it: OCR reads that page.
  'hostile/manypages_352.pdf': { status: 'added', pages: 352, warnings: ['ocr_text'], includes: 'FREE CULTURE' },
};

const files = [...availablePdfs];
const present = Object.entries(expectations).filter(([file]) => files.includes(file));

const KNOWN_QUESTION = 'Hoeveel klachten ontving WIJ Groningen in 2022?';

describe('the test PDFs through POST /api/documents (the fixtures, plus the large ones of ../shared when present)', () => {
  let server: GripServer;
  let body: UploadBody;
  let answeredDuringUpload = 0;
  const outcomes = new Map<string, FileOutcome>();

  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN } });
    let uploading = true;
    const pending = uploadOk(server.url, TOKEN, files.map((file) => fileFromDisk(pdfPath(file)))).finally(() => {
      uploading = false;
    });
    // The ingest parses, cleans and fits in workers: the event loop stays free to answer questions meanwhile.
    while (uploading) {
      const { status, body: answer } = await askQuestion(server.url, KNOWN_QUESTION);
      if (uploading && status === 200 && answer.citations.length > 0) answeredDuringUpload++;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    body = await pending;
    files.forEach((file, i) => outcomes.set(file, body.files[i] as FileOutcome));
  }, 600_000);
  afterAll(() => server.close());

  it('has an expectation for each file (and with ../shared a file for each expectation) and one outcome per file, in order', () => {
    expect(fixturePdfs.length).toBeGreaterThan(0);
    for (const file of files) expect(Object.keys(expectations), file).toContain(file);
    if (hasSharedPdfs) expect([...files].sort()).toEqual(Object.keys(expectations).sort());
    expect(body.files.map((f) => f.source)).toEqual(files.map((file) => file.split('/')[1]));
  });

  it('kept answering questions with citations while the upload was ingested', () => {
    expect(answeredDuringUpload).toBeGreaterThanOrEqual(3);
  });

  it.each(present)('%s gets the behaviour its manifest row asks for', async (file, expected) => {
    const outcome = outcomes.get(file);
    const seen = JSON.stringify(outcome);
    if (expected.status === 'failed') {
      expect(outcome, seen).toMatchObject({ status: 'failed', error: { code: expected.error } });
      expect(outcome?.status === 'failed' && outcome.error.message).toMatch(/^[A-Z].+\.$/);
      return;
    }
    if (!outcome || outcome.status === 'failed') throw new Error(`${file}: ${JSON.stringify(outcome)}`);
    expect(outcome.status, seen).toBe(expected.status);
    expect(outcome.pages, seen).toBe(expected.pages);
    expect(outcome.warnings.map((w) => w.code).sort(), seen).toEqual([...expected.warnings].sort());
    if (expected.includes) {
      const text = (await (await fetch(`${server.url}/api/documents/${outcome.documentId}/text`)).json()) as { text: string };
      expect(text.text).toContain(expected.includes);
    }
  });

  it('lists a file without any text (and none OCR could read) with its warning but indexes no passage of it', async () => {
    const flagged = (await listDocuments(server.url)).filter((d) => d.status === 'needs_ocr');
    const imageOnly = present.filter(([, expected]) => expected.status === 'flagged').map(([file]) => file.split('/')[1]);
    expect(imageOnly).toEqual(['xref_huge_objnum.pdf']);
    expect(flagged.map((d) => d.source).sort()).toEqual(imageOnly.sort());
    for (const document of flagged) {
      expect(document.passageCount).toBe(0);
      expect(document.warnings.map((w) => w.code)).toContain('no_text_layer');
      const search = await fetch(`${server.url}/api/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'toezeggingen besluit', filters: { documentId: [document.documentId] } }),
      });
      expect(((await search.json()) as { passages: unknown[] }).passages).toEqual([]);
    }
  });

  it('stores nothing of the files that failed', async () => {
    const ids = new Set((await listDocuments(server.url)).map((d) => d.source));
    for (const [file, expected] of present) {
      if (expected.status === 'failed') expect(ids.has(file.split('/')[1] ?? ''), file).toBe(false);
    }
  });

  it('ingests the encrypted PDF when the right password comes with it, and names a wrong one', async () => {
    const encrypted = fileFromDisk(pdfPath('hostile/enc_aes256_userpw.pdf'));
    const wrong = await uploadOk(server.url, TOKEN, [encrypted], { password: 'fout' });
    expect(wrong.files[0], JSON.stringify(wrong.files[0])).toMatchObject({ status: 'failed', error: { code: 'encrypted_pdf' } });
    expect(wrong.files[0]?.status === 'failed' && wrong.files[0].error.message).toContain('onjuist');
    const right = await uploadOk(server.url, TOKEN, [encrypted], { password: 'abc' });
    expect(right.files[0]).toMatchObject({ status: 'added', documentId: 'enc_aes256_userpw', warnings: [expect.objectContaining({ code: 'encrypted' })] });
    const text = (await (await fetch(`${server.url}/api/documents/enc_aes256_userpw/text`)).json()) as { text: string };
    expect(text.text).toContain('Issue 6010');
  });
});
