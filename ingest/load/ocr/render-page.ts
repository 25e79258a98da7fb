/**
 * Rendering one PDF page to a greyscale image with poppler's `pdftoppm`, for OCR. The PDF goes in on stdin and
 * the image comes back on stdout, so no page image ever touches the disk.
 */
import { runCommand, type CommandLimits, type CommandResult } from './run-command.js';

/** Scans are read at this resolution; Tesseract is at its best from 300 dpi. */
const OCR_DPI = 300;
/** Largest page image, in pixels (≈ A3 at 300 dpi): a larger page is rendered at a lower resolution instead. */
export const MAX_PAGE_PIXELS = 20_000_000;
const POINTS_PER_INCH = 72;

/** The resolution for a page of `area` square points: 300 dpi, or less so the image stays within the pixel cap. */
export function renderDpi(area: number): number {
  if (!(area > 0)) return OCR_DPI;
  const fitting = Math.floor(POINTS_PER_INCH * Math.sqrt(MAX_PAGE_PIXELS / area));
  return Math.max(1, Math.min(OCR_DPI, fitting));
}

/** What the renderer needs besides the page. */
export interface RenderOptions {
  /** The `pdftoppm` program (a name on PATH or a path). */
  command: string;
  password?: string;
}

/** Renders page `pageNumber` (1-based) at `dpi` as a binary PGM; `stdout` holds the image when `failure` is unset. */
export function renderPage(pdf: Uint8Array, pageNumber: number, dpi: number, options: RenderOptions, limits: Omit<CommandLimits, 'maxOutputBytes'>): Promise<CommandResult> {
  const page = String(pageNumber);
  const args = ['-r', String(dpi), '-gray', '-f', page, '-l', page, '-singlefile'];
  // Poppler takes no password from a file or stdin; an encrypted scan is rare and the argument lives only as long as the render.
  if (options.password !== undefined) args.push('-upw', options.password);
  args.push('-');
  return runCommand(options.command, args, pdf, { ...limits, maxOutputBytes: MAX_PAGE_PIXELS + 1024 });
}
