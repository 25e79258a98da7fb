/**
 * Reading the text of a page image with the Tesseract command line: the image on stdin, plain text on stdout.
 */
import { sanitizeText } from '../sanitize-text.js';
import { runCommand, type CommandLimits, type CommandResult } from './run-command.js';

/** Most text kept from one page: a dense page of A3 holds a few tens of kilobytes. */
const MAX_PAGE_TEXT_BYTES = 1_000_000;

/** What the recogniser needs besides the image. */
export interface RecogniseOptions {
  /** The `tesseract` program (a name on PATH or a path). */
  command: string;
  /** Tesseract language(s), e.g. "nld" or "nld+eng". */
  language: string;
}

/** Runs Tesseract on one image rendered at `dpi`. */
export function recognisePage(image: Uint8Array, dpi: number, options: RecogniseOptions, limits: Omit<CommandLimits, 'maxOutputBytes'>): Promise<CommandResult> {
  // The image carries no resolution; telling it saves Tesseract a guess that is sometimes wrong.
  const args = ['stdin', 'stdout', '-l', options.language, '--dpi', String(dpi)];
  return runCommand(options.command, args, image, { ...limits, maxOutputBytes: MAX_PAGE_TEXT_BYTES });
}

/**
 * Tesseract's page text as page text of a loaded PDF: no form feed (Tesseract ends a page with one, and it is
 * the page separator here), no control characters, no trailing spaces, at most one blank line in a row.
 */
export function ocrPageText(output: string): string {
  return sanitizeText(output)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
