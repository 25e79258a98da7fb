/**
 * From a multipart upload to ingest inputs: files from the field `files`, optional metadata fields that apply
 * to every file of the request, and a password for an encrypted PDF. Anything else in the form is a 400, so a
 * misspelt field is noticed instead of silently ignored.
 */
import { z } from 'zod';
import { AppError, documentIdFor, FILTER_VALUE_PATTERN, type FileInput } from '../../ingest/index.js';
import { sanitizeFileName } from './file-name.js';
import { boundaryOf, parseMultipart, type MultipartPart } from './multipart.js';
import type { BodyPace } from './body-pace.js';
import { readBodyLimited } from './read-body.js';

/** Most files in one upload request. */
export const MAX_FILES_PER_UPLOAD = 50;

/** The form field that carries the files. */
export const FILES_FIELD = 'files';

// Control and format characters have no place in a title or name shown next to answers.
const visible = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim();

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Metadata fields of an upload; the same pattern as API filters, so an uploaded docType can be filtered on. */
const metaSchema = z
  .object({
    title: z.string().transform(visible).pipe(z.string().min(1, 'is leeg').max(300, 'is langer dan 300 tekens')).optional(),
    docType: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, 'is langer dan 60 tekens')
      .regex(FILTER_VALUE_PATTERN, 'mag alleen letters, cijfers, spaties en - _ . & ( ) \' bevatten')
      .optional(),
    date: z.string().trim().refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDate(text), 'moet een datum JJJJ-MM-DD zijn').optional(),
    year: z.string().trim().regex(/^\d{4}$/, 'moet een jaartal van vier cijfers zijn').transform(Number).optional(),
    organisation: z.string().transform(visible).pipe(z.string().min(1, 'is leeg').max(200, 'is langer dan 200 tekens')).optional(),
    password: z.string().max(1024, 'is langer dan 1024 tekens').optional(),
  })
  .strict();

const FIELDS = Object.keys(metaSchema.shape).join(', ');

/** Limits on an upload request. */
export interface UploadLimits {
  /** Largest request body in bytes. */
  maxBytes: number;
  /** How fast the body must arrive; unchecked when absent. */
  pace?: BodyPace;
}

function fieldsOf(parts: MultipartPart[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of parts.filter((p) => p.fileName === undefined)) {
    if (part.name === FILES_FIELD) throw new AppError('bad_request', `Het veld "${FILES_FIELD}" moet bestanden bevatten, geen tekst.`);
    if (Object.hasOwn(fields, part.name)) throw new AppError('bad_request', `Het veld "${part.name.slice(0, 40)}" staat meer dan eens in het formulier.`);
    let value: string;
    try {
      value = new TextDecoder('utf-8', { fatal: true }).decode(part.data);
    } catch (error) {
      throw new AppError('bad_request', `Het veld "${part.name.slice(0, 40)}" is geen geldige UTF-8-tekst.`, { cause: error });
    }
    // An empty field is what a form sends for an input left blank.
    if (value.trim() !== '') fields[part.name] = value;
  }
  return fields;
}

function metaOf(fields: Record<string, string>) {
  const parsed = metaSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') {
      const names = issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ');
      throw new AppError('bad_request', `Ongeldig uploadformulier — onbekend veld ${names}; velden zijn ${FILES_FIELD}, ${FIELDS}.`);
    }
    throw new AppError('bad_request', `Ongeldig uploadformulier — ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'onbekende fout'}.`);
  }
  const { password, ...meta } = parsed.data;
  return { meta, password };
}

function filesOf(parts: MultipartPart[]): MultipartPart[] {
  const files = parts.filter((part) => part.fileName !== undefined);
  const stray = files.find((part) => part.name !== FILES_FIELD);
  if (stray) throw new AppError('bad_request', `Stuur bestanden in het veld "${FILES_FIELD}", niet in "${stray.name.slice(0, 40)}".`);
  // A file input left empty sends a part without a name or bytes.
  const chosen = files.filter((part) => part.fileName !== '' || part.data.length > 0);
  if (chosen.length === 0) throw new AppError('bad_request', `Er zit geen bestand in het veld "${FILES_FIELD}".`);
  if (chosen.length > MAX_FILES_PER_UPLOAD) throw new AppError('bad_request', `Stuur hoogstens ${MAX_FILES_PER_UPLOAD} bestanden per keer.`);
  return chosen;
}

/**
 * Reads and checks an upload request and turns it into ingest inputs with origin "upload". Ids come from the
 * sanitised names; the pipeline makes them unique against the index under its write lock.
 *
 * @throws AppError `bad_request` (malformed form, unknown or invalid field, no file), `too_large` (body over the limit).
 */
export async function readUploadForm(request: Request, limits: UploadLimits): Promise<FileInput[]> {
  const boundary = boundaryOf(request.headers.get('content-type') ?? undefined);
  const body = await readBodyLimited(request, limits.maxBytes, limits.pace);
  const parts = parseMultipart(body, boundary, { maxParts: MAX_FILES_PER_UPLOAD + 10, maxHeaderBytes: 8 * 1024, maxFieldBytes: 4 * 1024 });
  const { meta, password } = metaOf(fieldsOf(parts));
  return filesOf(parts).map((part) => {
    const source = sanitizeFileName(part.fileName ?? '');
    const bytes = part.data;
    return {
      source,
      documentId: documentIdFor(source),
      origin: 'upload',
      read: async () => bytes,
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
      ...(password === undefined ? {} : { password }),
    };
  });
}
