/**
 * Talking to a test server's upload, document and question routes the way a browser would.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileOutcome } from '../../ingest/types.js';
import { retryingFetch } from './retrying-fetch.js';

/** A file to upload: a name and its bytes (or text). */
export interface UploadFile {
  name: string;
  content: Uint8Array | string;
}

/** The body of a successful upload. */
export interface UploadBody {
  files: FileOutcome[];
  documents: number;
  passages: number;
  changed: boolean;
}

/** A file from disk, uploaded under its own name. */
export function fileFromDisk(path: string): UploadFile {
  return { name: basename(path), content: new Uint8Array(readFileSync(path)) };
}

/** A multipart form with the files in the field `files` and the given metadata fields. */
export function uploadForm(files: UploadFile[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', new Blob([file.content as BlobPart]), file.name);
  return form;
}

/** POSTs files to /api/documents; returns the raw response. */
export function upload(url: string, token: string | undefined, files: UploadFile[], fields: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return fetch(`${url}/api/documents`, { method: 'POST', headers, body: uploadForm(files, fields) });
}

/** Uploads and expects a 200; returns the body. */
export async function uploadOk(url: string, token: string, files: UploadFile[], fields: Record<string, string> = {}): Promise<UploadBody> {
  const response = await upload(url, token, files, fields);
  if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as UploadBody;
}

/** The document records of /api/documents. */
export async function listDocuments(url: string, headers: Record<string, string> = {}): Promise<{ documentId: string; status: string; source: string; title: string; passageCount: number; warnings: { code: string }[]; docType: string; date: string | null; year: number | null; organisation: string | null }[]> {
  const response = await retryingFetch(`${url}/api/documents`, { headers });
  if (response.status !== 200) throw new Error(`/api/documents answered ${response.status}`);
  return ((await response.json()) as { documents: never[] }).documents;
}

/** An /api/ask answer, as far as tests read it. */
export interface AskBody {
  status: string;
  answer: string;
  citations: { documentId: string; passageId: string }[];
  passages: { documentId: string; passageId: string }[];
}

/** POSTs a question to /api/ask; returns the status and body. */
export async function askQuestion(url: string, question: string, headers: Record<string, string> = {}): Promise<{ status: number; body: AskBody }> {
  const response = await retryingFetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question }) });
  return { status: response.status, body: (await response.json()) as AskBody };
}
