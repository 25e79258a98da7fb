/**
 * Third-party browser code the web app loads from our own origin (the CSP allows nothing else): pdf.js's
 * browser build, its worker, and the character maps and standard fonts it fetches for some PDFs. Only these
 * files are served, not the rest of node_modules/pdfjs-dist.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StaticMount } from './static-files.js';

/** The pdfjs-dist package folder, wherever npm put it. */
export const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** URL prefix of pdf.js in the browser: `${PDFJS_PREFIX}build/pdf.min.mjs`. */
export const PDFJS_PREFIX = '/vendor/pdfjs/';

/** Static mounts for pdf.js, restricted to the files the viewer needs. */
export function vendorMounts(pdfjsDir = PDFJS_DIR): StaticMount[] {
  return [
    { prefix: `${PDFJS_PREFIX}build/`, dir: join(pdfjsDir, 'build'), only: /^pdf(?:\.worker)?\.min\.mjs$/ },
    { prefix: `${PDFJS_PREFIX}cmaps/`, dir: join(pdfjsDir, 'cmaps'), only: /^[\w-]+\.bcmap$/ },
    { prefix: `${PDFJS_PREFIX}standard_fonts/`, dir: join(pdfjsDir, 'standard_fonts'), only: /^[\w-]+\.(?:pfb|ttf)$/ },
  ];
}
