/**
 * Opening a PDF with pdf.js in its safest configuration and turning its exceptions into AppErrors. Every
 * PDF in Grip is opened through here, so the hardening lives in one place.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, PasswordResponses } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../errors.js';

const PDFJS_ROOT = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads these with fs; the trailing separator is required because it appends file names.
const CMAP_DIR = path.join(PDFJS_ROOT, 'cmaps') + path.sep;
const STANDARD_FONT_DIR = path.join(PDFJS_ROOT, 'standard_fonts') + path.sep;
const WASM_DIR = path.join(PDFJS_ROOT, 'wasm') + path.sep;

/** The pdf.js load options: no eval, no XFA, no font loading into a DOM, errors only in the log. */
function documentOptions(bytes: Uint8Array, password: string | undefined) {
  return {
    // pdf.js may transfer or detach the buffer it is given; the caller's bytes must stay usable.
    data: bytes.slice(),
    password,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Grip never needs pixels: pdf.js drops every image instead of decoding it, which keeps the one
    // operator-list pass (the OCR probe) cheap and a decompression bomb harmless.
    maxImageSize: 1,
    verbosity: 0,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    wasmUrl: WASM_DIR,
  };
}

/** Maps a pdf.js load failure to the AppError a user can act on. */
export function toOpenError(error: unknown, passwordGiven: boolean): AppError {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'PasswordException') {
    const wrong = passwordGiven && code === PasswordResponses.INCORRECT_PASSWORD;
    const message = wrong
      ? 'Het opgegeven wachtwoord voor dit PDF-bestand is onjuist; het bestand is niet geladen.'
      : 'Dit PDF-bestand is met een wachtwoord beveiligd; geef het wachtwoord op om het te laden.';
    return new AppError('encrypted_pdf', message, { cause: error });
  }
  // The pdf.js reason ("Invalid Root reference.") is English and technical: it goes to the log via `cause`.
  return new AppError('corrupt_pdf', 'Dit PDF-bestand is beschadigd of ongeldig en kan niet worden gelezen.', { cause: error });
}

/**
 * Opens a PDF without ever prompting for a password: a missing or wrong password rejects at once.
 *
 * @throws AppError `encrypted_pdf` (password needed or wrong) or `corrupt_pdf` (unreadable structure).
 */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  let task: ReturnType<typeof getDocument> | undefined;
  try {
    task = getDocument(documentOptions(bytes, password));
    return await task.promise;
  } catch (error) {
    await task?.destroy().catch(() => undefined);
    throw toOpenError(error, password !== undefined);
  }
}
