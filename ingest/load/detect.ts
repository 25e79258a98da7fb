/**
 * Deciding what a file is from its bytes, checked against what its name claims: an upload called
 * "verslag.pdf" that holds HTML, or a ".txt" that is really a Word file, is refused before any parser sees it.
 */
import { AppError } from '../errors.js';
import type { MediaType } from '../types.js';

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// The PDF spec allows junk before the header; readers (and pdf.js) look for it in the first 1024 bytes.
const PDF_HEADER_WINDOW = 1024;

const TEXT_EXTENSIONS: Record<string, MediaType> = {
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

/** True when "%PDF-" occurs in the first 1024 bytes. */
export function hasPdfSignature(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_SIGNATURE.length;
  for (let i = 0; i <= last; i++) {
    if (PDF_SIGNATURE.every((byte, j) => bytes[i + j] === byte)) return true;
  }
  return false;
}

/** True when the bytes are valid UTF-8 without NUL bytes, i.e. plausibly a text file. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The lower-case extension of a file name without the dot, or "" when it has none. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The media type of a file, sniffed from its content and required to match its extension: `.pdf` must start
 * with a PDF header, `.txt`/`.md`/`.markdown` must be NUL-free valid UTF-8 and not a PDF.
 *
 * @throws AppError `unsupported_file` for an unknown extension or bytes that are not what the name claims.
 */
export function detectMediaType(bytes: Uint8Array, fileName: string): MediaType {
  const extension = fileExtension(fileName);
  const isPdf = hasPdfSignature(bytes);
  if (extension === 'pdf') {
    if (isPdf) return 'application/pdf';
    throw new AppError('unsupported_file', `Het bestand "${fileName}" heet een PDF, maar de inhoud is geen PDF.`);
  }
  const textType = TEXT_EXTENSIONS[extension];
  if (textType === undefined) {
    throw new AppError(
      'unsupported_file',
      `Het bestandstype van "${fileName}" wordt niet ondersteund; Grip leest PDF-, tekst- (.txt) en Markdown-bestanden (.md).`,
    );
  }
  if (isPdf || !isUtf8Text(bytes)) {
    throw new AppError('unsupported_file', `Het bestand "${fileName}" is geen leesbare UTF-8-tekst, terwijl de naam dat wel belooft.`);
  }
  return textType;
}
