/**
 * Reading a PDF's pages in one thread or sharing them with a helper thread, with the same result either way.
 * Each thread claims the next unread page from a shared counter, so neither waits while the other still has
 * work, however uneven the pages are; the pages are then put back in page order and settled exactly as a single
 * reader in page order would have left them.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IngestWarning } from '../types.js';
import { readPage, type ReadPage } from './pdf-read-page.js';

/** Pages read by one thread, by page number; null for a page that threw. */
export type PageResults = Map<number, ReadPage | null>;

/** How the pages of a document are divided between the loading thread and a helper. */
export interface PageShare {
  /** Told the page count once the document is open and within the page limit, so a helper can start now. */
  opened(pageCount: number): void;
  /** The next page for this thread (1-based), or undefined when every page has been handed out. */
  claim(): number | undefined;
  /** The pages the helper read; only asked for when this thread did not read every page itself. */
  helperPages(): Promise<PageResults>;
}

/** No helper: this thread reads every page, in order. */
export function soloShare(): PageShare {
  let pageCount = 0;
  let next = 1;
  return {
    opened: (count) => void (pageCount = count),
    claim: () => (next <= pageCount ? next++ : undefined),
    helperPages: () => Promise.reject(new Error('No helper thread reads pages of this document.')),
  };
}

/**
 * Claims from a counter shared between threads (an Int32Array over a SharedArrayBuffer, starting at 0): each
 * call hands out a page no other thread gets.
 */
export function counterClaims(counter: Int32Array, pageCount: number): () => number | undefined {
  return () => {
    const page = Atomics.add(counter, 0, 1) + 1;
    return page <= pageCount ? page : undefined;
  };
}

/**
 * Reads the pages `claim` hands out. Each thread probes its first page that may carry an OCR text layer (a
 * single reader probes only the first in the document); {@link settlePages} keeps only the probe a single reader
 * would have made.
 */
export async function readClaimedPages(
  document: PDFDocumentProxy,
  claim: () => number | undefined,
  onPage?: (pageNumber: number) => void,
): Promise<PageResults> {
  const results: PageResults = new Map();
  let probed = false;
  for (let number = claim(); number !== undefined; number = claim()) {
    try {
      const page = await readPage(document, number, !probed);
      probed ||= page.invisibleText !== undefined;
      results.set(number, page);
    } catch {
      results.set(number, null);
    }
    onPage?.(number);
  }
  return results;
}

function withoutProbe(page: ReadPage): ReadPage {
  const { invisibleText: _invisible, probeFailed: _failed, ...rest } = page;
  return rest;
}

/**
 * All pages in page order, as one reader going from page 1 to the end would have them: only the first page
 * with a probe outcome keeps it (a failed probe then fails that page, and the next probed page decides), and a
 * `page_failed` warning for every unreadable page.
 */
export function settlePages(pageCount: number, results: PageResults): { pages: (ReadPage | undefined)[]; warnings: IngestWarning[] } {
  const pages: (ReadPage | undefined)[] = [];
  const warnings: IngestWarning[] = [];
  let probed = false;
  for (let number = 1; number <= pageCount; number++) {
    let page = results.get(number) ?? undefined;
    if (page && (page.probeFailed || page.invisibleText !== undefined)) {
      if (probed) page = withoutProbe(page);
      else if (page.probeFailed) page = undefined;
      else probed = true;
    }
    // pdf.js reasons ("Pages tree contains circular reference.") mean nothing to a user; the page number does.
    if (!page) warnings.push({ code: 'page_failed', message: `Pagina ${number} is onleesbaar en overgeslagen.`, page: number });
    pages.push(page);
  }
  return { pages, warnings };
}
