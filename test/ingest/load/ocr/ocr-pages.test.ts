/**
 * OCR of image-only PDFs (issue 11 item 6) with the real Tesseract and pdftoppm: the two scans of
 * ../shared/pdfs/nl are read page by page, the Emmen letter against its OCRmyPDF twin; without Tesseract (or
 * with OCR off) a scan stays flagged with a message that says what to install.
 */
import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../../../ingest/load/load-pdf.js';
import { localOcrEngine, type OcrEngine } from '../../../../ingest/load/ocr/ocr-engine.js';
import type { PdfOcr } from '../../../../ingest/load/ocr/ocr-pages.js';
import type { OcrSettings } from '../../../../ingest/load/ocr/ocr-settings.js';
import type { LoadedDocument } from '../../../../ingest/types.js';
import { failure } from '../../../support/app-error.js';
import { availablePdfs, pdfBytes } from '../../../support/fixtures.js';

const TESSERACT: OcrSettings = { enabled: true, command: 'tesseract', renderCommand: 'pdftoppm', language: 'nld' };
const SLOW = 300_000;

/** OCR for `bytes` with a generous deadline; `calls` counts the pages the engine was asked to read. */
function ocrFor(bytes: Uint8Array, overrides: Partial<OcrSettings> & { maxMemoryMb?: number; deadline?: number } = {}) {
  const run = { ...TESSERACT, deadline: Date.now() + SLOW, maxMemoryMb: 1024, ...overrides };
  const local = localOcrEngine(bytes, run);
  const calls = { pages: 0 };
  const engine: OcrEngine = { unavailable: () => local.unavailable(), readPage: (page, dpi) => (calls.pages++, local.readPage(page, dpi)) };
  const ocr: PdfOcr = { enabled: run.enabled, engine, concurrency: 2 };
  return { ocr, calls };
}

/** Words of three or more letters, lower-case. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

/** The share of `found`'s words that occur in `truth`. */
function shareIn(found: string, truth: string): number {
  const known = new Set(words(truth));
  const list = words(found);
  return list.length === 0 ? 0 : list.filter((word) => known.has(word)).length / list.length;
}

function pageText(document: LoadedDocument, number: number): string {
  const span = document.pages[number - 1];
  return span ? document.text.slice(span.start, span.end) : '';
}

describe('loadPdf with OCR', () => {
  it('reads the Emmen scan page by page as its OCRmyPDF twin has it', async () => {
    const bytes = pdfBytes('nl/emmen_toezeggingen_scan.pdf');
    const [scan, twin] = await Promise.all([loadPdf(bytes, { ocr: ocrFor(bytes).ocr }), loadPdf(pdfBytes('nl/emmen_toezeggingen_ocr.pdf'))]);
    expect(scan.warnings.map((warning) => warning.code)).toEqual(['ocr_text']);
    expect(scan.warnings[0]?.message).toMatch(/^OCR: tekst automatisch herkend op alle 2 pagina's/);
    expect(scan.pageCount).toBe(2);
    for (const number of [1, 2]) {
      const [read, truth] = [pageText(scan, number), pageText(twin, number)];
      expect(words(read).length, `page ${number}`).toBeGreaterThan(words(truth).length * 0.8);
      // Both ways: what OCR read is on the twin's page, and what the twin's page says was read.
      expect(shareIn(read, truth), `page ${number}`).toBeGreaterThan(0.85);
      expect(shareIn(truth, read), `page ${number}`).toBeGreaterThan(0.85);
    }
    expect(scan.text).not.toContain('\f\f');
    // OCR noise is no title.
    expect(scan.titleHint).toBeUndefined();
  }, SLOW);

  it('reads all ten pages of the VWS Woo scan', async () => {
    const bytes = pdfBytes('nl/vws_woo_besluit_scan.pdf');
    const { ocr, calls } = ocrFor(bytes);
    const scan = await loadPdf(bytes, { ocr });
    expect(calls.pages).toBe(10);
    expect(scan.warnings.map((warning) => warning.code)).toEqual(['ocr_text']);
    for (let number = 1; number <= 10; number++) expect(words(pageText(scan, number)).length, `page ${number}`).toBeGreaterThan(50);
    expect(pageText(scan, 1)).toMatch(/Woo-deelbesluit/);
    expect(scan.text).toMatch(/Wet open overheid/);
  }, SLOW);

  // The book is only in ../shared (2.6 MB): its case runs when that is there.
  it.each(availablePdfs.filter((name) => name === 'hostile/manypages_352.pdf'))('reads only the image-only cover of a book, and keeps the title its text pages give (%s, from ../shared when present)', async (name) => {
    const bytes = pdfBytes(name);
    const { ocr, calls } = ocrFor(bytes);
    const [book, plain] = [await loadPdf(bytes, { ocr }), await loadPdf(bytes)];
    expect(calls.pages).toBe(1);
    expect(book.warnings).toEqual([expect.objectContaining({ code: 'ocr_text', message: expect.stringContaining('op pagina 1 ') })]);
    expect(pageText(book, 1)).toMatch(/LESSIG/);
    expect(book.titleHint).toBe(plain.titleHint);
    expect(book.text.slice(book.pages[1]?.start)).toBe(plain.text.slice(plain.pages[1]?.start));
  }, SLOW);

  it('leaves a PDF with a text layer as it is and runs no OCR', async () => {
    const bytes = pdfBytes('nl/denhelder_besluitenlijst_2015.pdf');
    const { ocr, calls } = ocrFor(bytes);
    expect(await loadPdf(bytes, { ocr })).toEqual(await loadPdf(bytes));
    expect(calls.pages).toBe(0);
  });

  it('flags a scan with what to install when Tesseract is missing', async () => {
    const bytes = pdfBytes('nl/emmen_toezeggingen_scan.pdf');
    const { ocr, calls } = ocrFor(bytes, { command: '/nonexistent/tesseract' });
    const scan = await loadPdf(bytes, { ocr });
    expect(calls.pages).toBe(0);
    expect(scan.text.trim()).toBe('');
    expect(scan.warnings.map((warning) => warning.code)).toEqual(['no_text_layer']);
    expect(scan.warnings[0]?.message).toContain('"/nonexistent/tesseract"');
    expect(scan.warnings[0]?.message).toContain('apt-get install tesseract-ocr tesseract-ocr-nld');
  });

  it('flags a scan when the language model is not installed', async () => {
    const bytes = pdfBytes('nl/emmen_toezeggingen_scan.pdf');
    const scan = await loadPdf(bytes, { ocr: ocrFor(bytes, { language: 'nld+qqq' }).ocr });
    expect(scan.warnings.map((warning) => warning.code)).toEqual(['no_text_layer']);
    expect(scan.warnings[0]?.message).toContain('taalmodel "qqq"');
    expect(scan.warnings[0]?.message).toContain('tesseract-ocr-nld');
  });

  it('flags a scan and reads nothing with OCR off', async () => {
    const bytes = pdfBytes('nl/emmen_toezeggingen_scan.pdf');
    const { ocr, calls } = ocrFor(bytes, { enabled: false });
    const scan = await loadPdf(bytes, { ocr });
    expect(calls.pages).toBe(0);
    expect(scan.warnings).toEqual([{ code: 'no_text_layer', message: 'Geen tekstlaag — OCR nodig. Tekstherkenning staat uit (OCR=off).' }]);
  });

  it('keeps a scan flagged when its OCR processes run out of memory', async () => {
    const bytes = pdfBytes('nl/emmen_toezeggingen_scan.pdf');
    const scan = await loadPdf(bytes, { ocr: ocrFor(bytes, { maxMemoryMb: 24 }).ocr });
    expect(scan.text.trim()).toBe('');
    expect(scan.warnings.map((warning) => warning.code)).toEqual(['no_text_layer']);
    expect(scan.warnings[0]?.message).toContain('kon de pagina');
  });

  it('fails with a timeout when the deadline has passed', async () => {
    const bytes = pdfBytes('nl/emmen_toezeggingen_scan.pdf');
    const error = await failure(loadPdf(bytes, { ocr: ocrFor(bytes, { deadline: Date.now() - 1 }).ocr }));
    expect(error.code).toBe('timeout');
  });

  it('finds no text on a page without ink and runs no Tesseract for it', async () => {
    // pdf.js opens this file (one empty page); poppler cannot, so the page cannot be rendered either.
    const bytes = pdfBytes('hostile/xref_huge_objnum.pdf');
    const scan = await loadPdf(bytes, { ocr: ocrFor(bytes).ocr });
    expect(scan.warnings.map((warning) => warning.code)).toEqual(['no_text_layer']);
  });
});
