/**
 * Loading plain-text and Markdown files. The decoded text with normalised line ends is the original every
 * passage offset points into, so nothing else is changed here; cleaning happens downstream.
 */
import { AppError } from '../errors.js';
import type { LoadedDocument } from '../types.js';
import { fileExtension } from './detect.js';
import { sanitizeLabel } from './sanitize-text.js';
import { findFooterPages } from './text-page-footers.js';

const HEADING_1 = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/m;
// Emphasis and HTML tags that converters leave in headings ("# **Inleiding**", "<b>…</b>").
const INLINE_MARKUP = /<\/?[a-z][^>]*>|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)/gi;

/** Decodes UTF-8 (fatal on invalid bytes), drops a BOM and turns CRLF and lone CR into LF. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppError('unsupported_file', `Het bestand "${fileName}" is geen geldige UTF-8-tekst.`, { cause: error });
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The text of the first level-1 Markdown heading ("# Titel"), without inline markup, if any. */
export function findTitleHint(text: string): string | undefined {
  const match = HEADING_1.exec(text);
  const title = match?.[1] ? sanitizeLabel(match[1].replace(INLINE_MARKUP, '')) : '';
  return title === '' ? undefined : title;
}

/**
 * Loads a `.txt`, `.md` or `.markdown` file: pages come from "Pagina N van M" footers when the export kept
 * them, the title hint from the first "# " heading (also in `.txt` exports that contain Markdown headings).
 *
 * @throws AppError `unsupported_file` when the bytes are not valid UTF-8.
 */
export function loadText(bytes: Uint8Array, fileName: string): LoadedDocument {
  const text = decodeText(bytes, fileName);
  const extension = fileExtension(fileName);
  const mediaType = extension === 'md' || extension === 'markdown' ? 'text/markdown' : 'text/plain';
  const { pages, pageCount } = findFooterPages(text);
  const titleHint = findTitleHint(text);
  return { mediaType, text, pages, pageCount, warnings: [], ...(titleHint === undefined ? {} : { titleHint }) };
}
