/**
 * Loading a PDF into a {@link LoadedDocument}: page by page, in reading order, with warnings instead of
 * failures wherever part of the file is still usable.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../errors.js';
import type { IngestWarning, LoadedDocument, PageSpan } from '../types.js';
import { ocrTextlessPages, ocrWarning, type PdfOcr } from './ocr/ocr-pages.js';
import { openPdf } from './pdf-open.js';
import { readClaimedPages, settlePages, soloShare, type PageShare } from './pdf-page-share.js';
import type { ReadPage } from './pdf-read-page.js';
import { encryptionWarning, javascriptWarning, pageWarnings } from './pdf-warnings.js';
import { sanitizeLabel } from './sanitize-text.js';

/** Options for {@link loadPdf}. */
export interface LoadPdfOptions {
  /** User password for an encrypted PDF; never guessed. */
  password?: string;
  /** Refuse files with more pages than this (no silent truncation). */
  maxPages?: number;
  /** Called after each page, for progress on long documents. In-process only: a worker cannot call back. */
  onPage?: (done: number, total: number) => void;
  /** Share the pages with a helper thread (see `pdf-page-share.ts`); by default this thread reads them all. */
  share?: PageShare;
  /** Read pages without a text layer with OCR (see `ocr/ocr-pages.ts`); without it they stay empty and flagged. */
  ocr?: PdfOcr;
}

/** Separator between the pages of a loaded PDF's text. */
export const PAGE_SEPARATOR = '\n\f\n';

async function readPageLabels(document: PDFDocumentProxy): Promise<(string | null)[]> {
  const labels = await document.getPageLabels().catch(() => null);
  return labels ?? [];
}

function assertPageLimit(pages: number, maxPages: number | undefined): void {
  if (maxPages !== undefined && pages > maxPages) {
    throw new AppError('too_large', `Dit PDF-bestand telt ${pages} pagina's; de limiet is ${maxPages}.`);
  }
}

/** Reads this thread's share of the pages, adds the helper's, and settles them into page order. */
async function readAllPages(
  document: PDFDocumentProxy,
  share: PageShare,
  warnings: IngestWarning[],
  onPage: LoadPdfOptions['onPage'],
): Promise<(ReadPage | undefined)[]> {
  const total = document.numPages;
  const results = await readClaimedPages(document, () => share.claim(), onPage && ((number) => onPage(number, total)));
  if (results.size < total) for (const [number, page] of await share.helperPages()) results.set(number, page);
  const settled = settlePages(total, results);
  warnings.push(...settled.warnings);
  return settled.pages;
}

/** Joins page texts with {@link PAGE_SEPARATOR} and records where each page lies. */
function assemble(pages: readonly (ReadPage | undefined)[], labels: readonly (string | null)[]) {
  const spans: PageSpan[] = [];
  let text = '';
  pages.forEach((page, index) => {
    if (index > 0) text += PAGE_SEPARATOR;
    const start = text.length;
    text += page?.text ?? '';
    const label = sanitizeLabel(labels[index] ?? '') || String(index + 1);
    spans.push({ number: index + 1, label, start, end: text.length, rotation: page?.rotation ?? 0 });
  });
  return { text, spans };
}

/**
 * The pages after OCR of those without a text layer, the warnings the pages give, and the title: from the first
 * page with a text layer of its own, unless the document's text is an OCR layer or a drawing's labels.
 */
async function settleText(read: (ReadPage | undefined)[], ocr: PdfOcr | undefined, pageCount: number) {
  const outcome = ocr ? await ocrTextlessPages(read, ocr) : undefined;
  const pages = outcome?.pages ?? read;
  const pageFindings = [...(outcome?.warnings ?? []), ...pageWarnings(pages, outcome?.noTextMessage)];
  // OCR noise and map labels in a large font are no title.
  const trusted = !pageFindings.some((warning) => warning.code === 'ocr_text' || warning.code === 'drawing');
  const title = trusted ? read.find((page) => page !== undefined && page.text !== '')?.title : undefined;
  if (outcome && outcome.recognised.length > 0) pageFindings.push(ocrWarning(outcome.recognised, pageCount));
  return { pages, pageFindings, title };
}

/**
 * Loads a PDF with pdf.js (legacy build, no eval, no scripting, no XFA), page by page without rendering.
 * Pages are laid out in reading order (see `pdf-page-text.ts`) and joined by "\n\f\n". With `ocr`, pages without
 * a text layer are read by OCR and the document gets an `ocr_text` warning.
 *
 * @throws AppError `encrypted_pdf` (password needed or wrong), `corrupt_pdf` (unreadable structure, or not a
 *   single readable page), `too_large` (more pages than `maxPages`) or `timeout` (OCR past its deadline).
 */
export async function loadPdf(bytes: Uint8Array, options: LoadPdfOptions = {}): Promise<LoadedDocument> {
  const document = await openPdf(bytes, options.password);
  try {
    assertPageLimit(document.numPages, options.maxPages);
    const share = options.share ?? soloShare();
    share.opened(document.numPages);
    const warnings: IngestWarning[] = [];
    for (const warning of [await encryptionWarning(document), await javascriptWarning(document)]) {
      if (warning) warnings.push(warning);
    }
    const labels = await readPageLabels(document);
    const read = await readAllPages(document, share, warnings, options.onPage);
    if (read.every((page) => page === undefined)) {
      throw new AppError('corrupt_pdf', 'Geen enkele pagina van dit PDF-bestand is leesbaar.', { cause: warnings });
    }
    const { pages, pageFindings, title } = await settleText(read, options.ocr, document.numPages);
    warnings.push(...pageFindings);
    const { text, spans } = assemble(pages, labels);
    return {
      mediaType: 'application/pdf',
      text,
      pages: spans,
      pageCount: document.numPages,
      warnings,
      ...(title === undefined ? {} : { titleHint: title }),
    };
  } finally {
    await document.destroy();
  }
}

/**
 * The baseline for the loader benchmark: pdf.js `getTextContent` on every page with no layout work.
 *
 * @returns the page count and the number of characters in all text items.
 */
export async function extractRawPdfText(bytes: Uint8Array): Promise<{ pages: number; chars: number }> {
  const document = await openPdf(bytes);
  try {
    let chars = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number).catch(() => undefined);
      const content = await page?.getTextContent().catch(() => undefined);
      for (const item of content?.items ?? []) if ('str' in item) chars += item.str.length;
      page?.cleanup();
    }
    return { pages: document.numPages, chars };
  } finally {
    await document.destroy();
  }
}
