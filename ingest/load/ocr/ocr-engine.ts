/**
 * The OCR engine: whether OCR can run here, and reading one page of a PDF (render with pdftoppm, skip a blank
 * page, read with Tesseract) within the file's deadline and memory limit. In a loader worker the engine is the
 * parent thread's (see `remote-ocr-engine.ts`): processes started by a thread that is terminated at a timeout
 * would linger unreaped, so the thread that owns the deadline also owns the processes.
 */
import { ocrUnavailable } from './ocr-availability.js';
import type { OcrSettings } from './ocr-settings.js';
import { BLANK_PAGE_INK, inkShare, parsePgmHeader } from './page-image.js';
import { ocrPageText, recognisePage } from './recognise-page.js';
import { renderPage } from './render-page.js';
import type { CommandLimits } from './run-command.js';

/** What reading one page gave: its text ("" for a blank page), a failure, a missing program, or the deadline. */
export type PageReading = { text: string } | { failed: string } | { missing: true } | { timeout: true };

/** Reads pages of one PDF. */
export interface OcrEngine {
  /** Undefined when OCR can run, else why not (a Dutch sentence fragment ending with a full stop). */
  unavailable(): Promise<string | undefined>;
  /** Renders page `pageNumber` (1-based) at `dpi` and reads its text. */
  readPage(pageNumber: number, dpi: number): Promise<PageReading>;
}

/** OCR settings with the budget of the file being loaded. */
export interface OcrRun extends OcrSettings {
  /** Epoch milliseconds by which the whole file must be done. */
  deadline: number;
  /** Address-space limit of each OCR process, in MB. */
  maxMemoryMb: number;
  onProcess?: CommandLimits['onProcess'];
}

/** A page read as fewer words than this (of two letters or more) has no text worth indexing. */
const MIN_WORDS = 3;
const WORD = /\p{L}{2,}/gu;
/** Fewer pixels than this is no rendered page (even a 10-point square page at 300 dpi has 1 600). */
const MIN_IMAGE_PIXELS = 64;

/** An engine that runs pdftoppm and Tesseract from this thread on `pdf`. */
export function localOcrEngine(pdf: Uint8Array, run: OcrRun, password?: string): OcrEngine {
  const limits = { deadline: run.deadline, maxMemoryMb: run.maxMemoryMb, ...(run.onProcess ? { onProcess: run.onProcess } : {}) };
  const render = { command: run.renderCommand, ...(password === undefined ? {} : { password }) };
  return {
    unavailable: () => ocrUnavailable(run),
    async readPage(pageNumber, dpi) {
      const image = await renderPage(pdf, pageNumber, dpi, render, limits);
      if (image.failure === 'timeout' || image.failure === 'missing') return image.failure === 'timeout' ? { timeout: true } : { missing: true };
      if (image.failure) return { failed: `pdftoppm: ${image.failure}` };
      // pdftoppm short of memory exits cleanly with a cut-off or a 1×1 image: a failure, not a blank page.
      const header = parsePgmHeader(image.stdout);
      if (!header || header.width * header.height < MIN_IMAGE_PIXELS) return { failed: 'pdftoppm: no image' };
      if (inkShare(image.stdout) < BLANK_PAGE_INK) return { text: '' };
      const read = await recognisePage(image.stdout, dpi, run, limits);
      if (read.failure === 'timeout' || read.failure === 'missing') return read.failure === 'timeout' ? { timeout: true } : { missing: true };
      if (read.failure) return { failed: `tesseract: ${read.failure}` };
      const text = ocrPageText(read.stdout.toString('utf8'));
      // A photo or a logo gives Tesseract a few stray letters; that is no text to index.
      return { text: (text.match(WORD) ?? []).length >= MIN_WORDS ? text : '' };
    },
  };
}
