/**
 * Reading one PDF page: its text content through the layout pass, plus the page facts the document-level
 * warnings need. Pages are never rendered; each page's caches are released before the next is read.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RawTextItem } from './pdf-items.js';
import { layoutPageText, type PageText } from './pdf-page-text.js';

/** A page that was read, with what the layout and the warnings need to know about it. */
export interface ReadPage extends PageText {
  /** Page rotation in degrees (/Rotate, normalised to 0, 90, 180 or 270). */
  rotation: number;
  /** Page area in square points, after rotation. */
  area: number;
  /** True when every font on the page falls back to monospace, as invisible OCR fonts do. */
  monospaceOnly: boolean;
  /** Only when probed: true when the text is drawn invisibly or in a known OCR font. */
  invisibleText?: boolean;
  /**
   * Only when the probe itself failed. The caller decides what that means: the page whose probe decides the
   * document's OCR warning fails with it, a page probed speculatively (by a helper thread) does not.
   */
  probeFailed?: true;
}

// Font names OCR tools give their invisible text layers: Tesseract/OCRmyPDF "GlyphLessFont", ZyLAB
// "InvisibleMonospacePdf", and others that say "invisible".
const OCR_FONT = /GlyphLess|Invisible/i;
const TEXT_RENDER_INVISIBLE = 3;

function textItems(items: readonly object[]): RawTextItem[] {
  // Marked-content markers carry no text; only items with `str` do.
  return items.filter((item): item is RawTextItem => 'str' in item && 'transform' in item);
}

/**
 * Whether the page draws text invisibly (render mode 3) or in an OCR font. This needs the operator list,
 * which decodes the page's images, so callers probe one page per document at most.
 */
async function drawsInvisibleText(page: PDFPageProxy): Promise<boolean> {
  const operators = await page.getOperatorList();
  for (let i = 0; i < operators.fnArray.length; i++) {
    const fn = operators.fnArray[i];
    const args = operators.argsArray[i] as unknown[] | null;
    if (fn === OPS.setTextRenderingMode && args?.[0] === TEXT_RENDER_INVISIBLE) return true;
    if (fn === OPS.setFont && typeof args?.[0] === 'string' && page.commonObjs.has(args[0])) {
      const font = page.commonObjs.get(args[0]) as { name?: unknown } | null;
      if (typeof font?.name === 'string' && OCR_FONT.test(font.name)) return true;
    }
  }
  return false;
}

/**
 * Reads and lays out page `pageNumber` (1-based). With `probeOcr`, a page whose fonts are all monospace is
 * also checked for an invisible OCR text layer (`invisibleText`, or `probeFailed` when that check threw).
 */
export async function readPage(document: PDFDocumentProxy, pageNumber: number, probeOcr: boolean): Promise<ReadPage> {
  const page = await document.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const layout = layoutPageText(textItems(content.items), viewport.transform);
    const families = Object.values(content.styles).map((style) => style.fontFamily);
    const monospaceOnly = families.length > 0 && families.every((family) => family === 'monospace');
    const read: ReadPage = {
      ...layout,
      rotation: ((page.rotate % 360) + 360) % 360,
      area: Math.abs(viewport.width * viewport.height),
      monospaceOnly,
    };
    if (probeOcr && monospaceOnly && layout.text !== '') {
      const invisible = await drawsInvisibleText(page).catch(() => undefined);
      if (invisible === undefined) read.probeFailed = true;
      else read.invisibleText = invisible;
    }
    return read;
  } finally {
    page.cleanup();
  }
}
