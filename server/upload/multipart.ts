/**
 * A strict multipart/form-data parser (RFC 7578) over a body already read with a limit. Written here rather
 * than using `Request.formData()` so that every malformed body is a 400 with a Dutch message, limits on
 * parts, headers and fields hold before anything is decoded, and file parts are copied out once (then the
 * body can go) instead of being wrapped in Blobs.
 */
import { AppError } from '../../ingest/index.js';

/** Limits on the shape of a form. */
export interface MultipartLimits {
  /** Most parts (files and fields together). */
  maxParts: number;
  /** Longest header block of one part, in bytes. */
  maxHeaderBytes: number;
  /** Largest non-file field, in bytes. */
  maxFieldBytes: number;
}

/** One part: a file when `fileName` is set, else a text field. */
export interface MultipartPart {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Uint8Array;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function malformed(detail: string): AppError {
  return new AppError('bad_request', `Ongeldige multipart/form-data: ${detail}.`);
}

/**
 * The boundary of a `multipart/form-data` Content-Type.
 *
 * @throws AppError `bad_request` for any other type or a missing or invalid boundary.
 */
export function boundaryOf(contentType: string | undefined): string {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType ?? '')) {
    throw new AppError('bad_request', 'Stuur de bestanden als multipart/form-data in het veld "files".');
  }
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2] ?? '';
  // RFC 2046: 1–70 characters from a restricted set, not ending in a space.
  if (!/^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/.test(boundary)) throw malformed('de boundary ontbreekt of is ongeldig');
  return boundary;
}

/** Parameters of a header value such as `form-data; name="files"; filename="a.pdf"`. */
function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const match of value.matchAll(/;\s*([^=\s;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    const key = (match[1] ?? '').toLowerCase();
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '').trim();
    if (!params.has(key)) params.set(key, raw);
  }
  return params;
}

/** `filename*=UTF-8''…` (RFC 5987) wins over `filename`, as browsers and curl intend. */
function fileNameOf(params: Map<string, string>): string | undefined {
  const extended = /^utf-8''(.*)$/i.exec(params.get('filename*') ?? '');
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      throw malformed('de bestandsnaam is ongeldig gecodeerd');
    }
  }
  return params.get('filename');
}

function parseHeaders(block: string): Omit<MultipartPart, 'data'> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('een kopregel van een deel is ongeldig');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  if (!/^form-data\s*(;|$)/i.test(disposition)) throw malformed('een deel mist Content-Disposition: form-data');
  const params = headerParams(disposition);
  const name = params.get('name');
  if (!name) throw malformed('een deel heeft geen naam');
  const fileName = fileNameOf(params);
  const contentType = headers.get('content-type');
  return { name, ...(fileName === undefined ? {} : { fileName }), ...(contentType === undefined ? {} : { contentType }) };
}

/** Position just past the first delimiter: at the very start, or after a preamble ending in CRLF. */
function firstPart(body: Buffer, dashBoundary: Buffer): number {
  if (body.subarray(0, dashBoundary.length).equals(dashBoundary)) return dashBoundary.length;
  const found = body.indexOf(Buffer.concat([CRLF, dashBoundary]));
  if (found < 0) throw malformed('de boundary komt niet voor in de body');
  return found + CRLF.length + dashBoundary.length;
}

/**
 * Splits a multipart body into parts. File data is copied out of `bytes`, so the body need not outlive the
 * parts.
 *
 * @throws AppError `bad_request` for a malformed or truncated body or one over the limits.
 */
export function parseMultipart(bytes: Uint8Array, boundary: string, limits: MultipartLimits): MultipartPart[] {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
  const delimiter = Buffer.concat([CRLF, dashBoundary]);
  const parts: MultipartPart[] = [];
  let position = firstPart(body, dashBoundary);
  for (;;) {
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts; // "--": the close delimiter
    while (body[position] === 0x20 || body[position] === 0x09) position++; // transport padding
    if (!body.subarray(position, position + 2).equals(CRLF)) throw malformed('na een boundary hoort een regeleinde');
    if (parts.length === limits.maxParts) throw malformed(`meer dan ${limits.maxParts} delen`);
    position += CRLF.length;
    const headerEnd = body.indexOf(HEADER_END, position - CRLF.length);
    if (headerEnd < 0 || headerEnd - position > limits.maxHeaderBytes) throw malformed('de kopregels van een deel ontbreken of zijn te lang');
    const header = parseHeaders(body.toString('utf8', position, Math.max(position, headerEnd)));
    const dataStart = headerEnd + HEADER_END.length;
    const dataEnd = body.indexOf(delimiter, dataStart);
    if (dataEnd < 0) throw malformed('de body is afgebroken');
    if (header.fileName === undefined && dataEnd - dataStart > limits.maxFieldBytes) throw malformed(`het veld "${header.name.slice(0, 40)}" is te lang`);
    // A copy (Buffer#slice would be a view): the parts must not keep the whole body alive.
    parts.push({ ...header, data: new Uint8Array(body.subarray(dataStart, dataEnd)) });
    position = dataEnd + delimiter.length;
  }
}
