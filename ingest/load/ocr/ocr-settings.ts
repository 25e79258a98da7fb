/**
 * The OCR settings a loader gets: plain data, so they travel to a loader worker with the rest of the request.
 */
import { availableParallelism } from 'node:os';
import type { Settings } from '../../settings.js';

/** How image-only pages are read. */
export interface OcrSettings {
  /** False with `OCR=off`: pages without a text layer stay unread and the file is flagged. */
  enabled: boolean;
  /** The Tesseract program, a name on PATH or a path (`OCR_COMMAND`). */
  command: string;
  /** Poppler's `pdftoppm`, which renders the pages for it (`OCR_RENDER_COMMAND`). */
  renderCommand: string;
  /** Tesseract language(s) (`OCR_LANGUAGE`), "nld" for Dutch. */
  language: string;
  /** Pages read at the same time (default 1): each is a process as heavy as a parse. */
  concurrency?: number;
}

/** What to install where OCR is missing, named in the message of a flagged file. */
export const OCR_INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-nld poppler-utils';

/**
 * OCR settings from Grip's settings. Pages are read one at a time on a machine of two cores (the other core
 * keeps answering questions), two at a time on a larger one.
 */
export function ocrSettingsFrom(settings: Settings): OcrSettings {
  return {
    enabled: settings.OCR === 'on',
    command: settings.OCR_COMMAND,
    renderCommand: settings.OCR_RENDER_COMMAND,
    language: settings.OCR_LANGUAGE,
    concurrency: Math.min(2, Math.max(1, availableParallelism() - 1)),
  };
}
