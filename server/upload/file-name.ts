/**
 * Making an uploaded file's name safe to show and to derive an id from. The name is only ever a label: upload
 * bytes are never written to disk under it, but it still reaches the document list, answers and
 * Content-Disposition headers, so paths, control and bidi characters and absurd lengths are taken out.
 */
import { fileExtension } from '../../ingest/index.js';

/** Longest file name kept, in characters (the extension is kept whole). */
export const MAX_FILE_NAME_LENGTH = 120;

// Controls, format characters (bidi overrides, zero-width joiners), surrogates and noncharacters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/gu;
// Characters that are reserved in file names on some system and only confuse as labels.
const RESERVED = /[<>:"|?*]/g;

/** Cuts a string to at most `length` code points without splitting a surrogate pair. */
function cut(text: string, length: number): string {
  return Array.from(text).slice(0, length).join('');
}

/**
 * The last path segment of `raw`, NFC-normalised, without invisible and reserved characters, without leading
 * or trailing dots and spaces, at most {@link MAX_FILE_NAME_LENGTH} characters with its extension intact;
 * "document" when nothing is left of it.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const extension = fileExtension(cleaned);
  const suffix = extension && extension.length <= 10 ? `.${extension}` : '';
  const stem = suffix ? cleaned.slice(0, -suffix.length) : cleaned;
  const kept = cut(stem, MAX_FILE_NAME_LENGTH - suffix.length).replace(/[\s.]+$/, '');
  return `${kept || 'document'}${suffix}`;
}
