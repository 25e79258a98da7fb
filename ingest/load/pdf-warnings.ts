/**
 * Non-fatal findings about a PDF, each a cheap check on the document or on pages already read. The messages
 * are shown to users next to the document, so they are full Dutch sentences.
 */
import { PermissionFlag } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IngestWarning } from '../types.js';
import type { ReadPage } from './pdf-read-page.js';

/** Pages at least this large (square points, A2 ≈ 4 × A4) with text are drawings or maps, not documents. */
const DRAWING_MIN_AREA = 1_900_000;

/** The message the caller shows for a PDF without any text; the caller decides not to index it. */
export const NO_TEXT_LAYER_MESSAGE = 'Geen tekstlaag — OCR nodig';

/**
 * `encrypted` when the file is encrypted but opened (empty user password or a supplied one). pdf.js ignores
 * permission bits; the warning records that the author denied copying, so the user can decide.
 */
export async function encryptionWarning(document: PDFDocumentProxy): Promise<IngestWarning | undefined> {
  // getPermissions() answers null for unencrypted files: the P entry lives in the encryption dictionary.
  const permissions = await document.getPermissions().catch(() => null);
  if (permissions === null) return undefined;
  const message = permissions.includes(PermissionFlag.COPY)
    ? 'Dit PDF-bestand is versleuteld; de tekst is gelezen.'
    : 'Dit PDF-bestand is versleuteld en de maker staat kopiëren van tekst niet toe; de tekst is voor zoeken en citeren toch gelezen.';
  return { code: 'encrypted', message };
}

/**
 * `contains_javascript` when the catalog holds document JavaScript (the JavaScript name tree, an OpenAction
 * or document actions). pdf.js only returns the scripts as strings here; nothing is run.
 */
export async function javascriptWarning(document: PDFDocumentProxy): Promise<IngestWarning | undefined> {
  const actions = await document.getJSActions().catch(() => null);
  if (actions === null || Object.keys(actions).length === 0) return undefined;
  return { code: 'contains_javascript', message: 'Dit PDF-bestand bevat JavaScript; dat is niet uitgevoerd.' };
}

/**
 * Warnings that follow from the pages read: no text at all, an OCR text layer, drawing-sized pages.
 * `noTextMessage` replaces the message of a PDF without any text (one that says why OCR did not read it).
 */
export function pageWarnings(pages: readonly (ReadPage | undefined)[], noTextMessage = NO_TEXT_LAYER_MESSAGE): IngestWarning[] {
  const warnings: IngestWarning[] = [];
  const read = pages.filter((page): page is ReadPage => page !== undefined);
  if (read.length > 0 && read.every((page) => page.text.trim() === '')) {
    warnings.push({ code: 'no_text_layer', message: noTextMessage });
  }
  if (read.some((page) => page.invisibleText === true)) {
    warnings.push({
      code: 'ocr_text',
      message: 'De tekst van dit PDF-bestand komt uit tekstherkenning (OCR) en kan fouten bevatten.',
    });
  }
  pages.forEach((page, index) => {
    if (page && page.text !== '' && page.area >= DRAWING_MIN_AREA) {
      warnings.push({
        code: 'drawing',
        message: `Pagina ${index + 1} is een tekening of kaart op groot formaat; de losse labels zeggen als tekst weinig.`,
        page: index + 1,
      });
    }
  });
  return warnings;
}
