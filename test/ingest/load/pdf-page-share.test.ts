import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../../ingest/load/load-pdf.js';
import { openPdf } from '../../../ingest/load/pdf-open.js';
import { readClaimedPages, settlePages, type PageResults, type PageShare } from '../../../ingest/load/pdf-page-share.js';
import type { ReadPage } from '../../../ingest/load/pdf-read-page.js';
import { availablePdfs, pdfBytes } from '../../support/fixtures.js';

function page(text: string, probe: Partial<Pick<ReadPage, 'invisibleText' | 'probeFailed'>> = {}): ReadPage {
  return { text, bodySize: 10, fragments: 1, rotation: 0, area: 500_000, monospaceOnly: true, ...probe };
}

/**
 * What a helper thread does, in-process: this thread reads the odd pages, a second opening of the same file
 * reads the even ones with the helper's own code.
 */
function oddEvenShare(bytes: Uint8Array): PageShare {
  let pageCount = 0;
  let next = 1;
  return {
    opened: (count) => void (pageCount = count),
    claim() {
      const claimed = next <= pageCount ? next : undefined;
      next += 2;
      return claimed;
    },
    async helperPages() {
      const document = await openPdf(bytes);
      let even = 2;
      const claim = () => (even <= pageCount ? (even += 2) - 2 : undefined);
      try {
        return await readClaimedPages(document, claim);
      } finally {
        await document.destroy();
      }
    },
  };
}

describe('settlePages', () => {
  it('keeps only the first probe outcome in page order, as a single reader probes only once', () => {
    const results: PageResults = new Map([
      [2, page('b', { invisibleText: false })],
      [1, page('a')],
      [3, page('c', { invisibleText: true })],
    ]);
    const { pages, warnings } = settlePages(3, results);
    expect(pages.map((p) => p?.invisibleText)).toEqual([undefined, false, undefined]);
    expect(warnings).toEqual([]);
  });

  it('fails the page whose probe failed when that probe was the deciding one, and lets the next probe decide', () => {
    const results: PageResults = new Map([
      [1, page('a', { probeFailed: true })],
      [2, page('b', { probeFailed: true })],
      [3, page('c', { invisibleText: true })],
    ]);
    const { pages, warnings } = settlePages(3, results);
    expect(pages[0]).toBeUndefined();
    expect(pages[1]).toBeUndefined();
    expect(pages[2]?.invisibleText).toBe(true);
    expect(warnings.map((w) => w.page)).toEqual([1, 2]);
  });

  it('drops a speculative probe failure after the deciding probe instead of failing the page', () => {
    const results: PageResults = new Map([
      [1, page('a', { invisibleText: false })],
      [2, page('b', { probeFailed: true })],
    ]);
    expect(settlePages(2, results).pages[1]).toEqual(page('b'));
  });

  it('warns about unreadable and missing pages in page order', () => {
    const { pages, warnings } = settlePages(3, new Map([[3, null], [2, page('b')]]));
    expect(pages.map((p) => p?.text)).toEqual([undefined, 'b', undefined]);
    expect(warnings).toEqual([
      { code: 'page_failed', message: 'Pagina 1 is onleesbaar en overgeslagen.', page: 1 },
      { code: 'page_failed', message: 'Pagina 3 is onleesbaar en overgeslagen.', page: 3 },
    ]);
  });
});

describe('loadPdf with a helper reading part of the pages', () => {
  // Multi-column text, an OCR text layer (probe), a broken page, a printed page label on a drawing, JavaScript.
  const files = [
    'hostile/twocolumn_paper.pdf',
    'nl/emmen_toezeggingen_ocr.pdf',
    'hostile/pages_tree_cycle.pdf',
    'nl/papendrecht_verbeelding_a0.pdf',
    'nl/tk_verslag_undefined_glyphs.pdf',
    'hostile/js_form_actions.pdf',
  ].filter((file) => availablePdfs.includes(file));

  it.each(files)('gives %s exactly as one thread reading every page does (plus the A0 map from ../shared when present)', async (name) => {
    const bytes = pdfBytes(name);
    expect(await loadPdf(bytes, { share: oddEvenShare(bytes) })).toEqual(await loadPdf(bytes));
  });
});
