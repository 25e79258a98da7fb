/**
 * Loading any supported file in-process: detect what it is, then hand it to the matching loader.
 */
import type { LoadedDocument } from '../types.js';
import { detectMediaType } from './detect.js';
import { loadPdf } from './load-pdf.js';
import { loadText } from './load-text.js';
import type { PdfOcr } from './ocr/ocr-pages.js';
import type { PageShare } from './pdf-page-share.js';

/** Options for {@link loadFile}. */
export interface LoadFileOptions {
  /** User password for an encrypted PDF. */
  password?: string;
  /** Refuse PDFs with more pages than this. */
  maxPages?: number;
  /** How a PDF's pages are divided with a helper thread (the loader worker sets this); by default none is. */
  share?: PageShare;
  /** OCR for PDF pages without a text layer; without it they stay empty and the file is flagged. */
  ocr?: PdfOcr;
}

/**
 * Detects the file's type from its bytes and name and loads it, in the calling thread. Use
 * `loadFileInWorker` for untrusted uploads: a hostile PDF can take as long and as much memory as it likes here.
 *
 * @throws AppError `unsupported_file`, `encrypted_pdf`, `corrupt_pdf` or `too_large`.
 */
export async function loadFile(bytes: Uint8Array, fileName: string, options: LoadFileOptions = {}): Promise<LoadedDocument> {
  const mediaType = detectMediaType(bytes, fileName);
  if (mediaType === 'application/pdf') return loadPdf(bytes, options);
  return loadText(bytes, fileName);
}
