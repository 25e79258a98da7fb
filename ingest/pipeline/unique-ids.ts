/**
 * Document ids for uploads: an upload never takes the id of a document that is already there, so a second
 * "verslag.pdf" becomes "verslag-2" instead of replacing the first. Ids for folder files: a file keeps the id its
 * document already has, whichever folders a run names.
 */
import type { FileInput } from './process-file.js';

/** `base` when it is free, else the first of `base-2`, `base-3`, … that is. */
export function uniqueDocumentId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix++;
  return `${base}-${suffix}`;
}

/** The inputs with ids that collide neither with `taken` nor with each other. */
export function withUniqueIds(inputs: readonly FileInput[], taken: Iterable<string>): FileInput[] {
  const used = new Set(taken);
  return inputs.map((input) => {
    const documentId = uniqueDocumentId(input.documentId, used);
    used.add(documentId);
    return documentId === input.documentId ? input : { ...input, documentId };
  });
}

/** Where a stored document's file came from. */
export interface PlacedDocument {
  documentId: string;
  origin: string;
  source: string;
}

/**
 * Folder inputs with ids that stay the same from run to run. `fileInputs` numbers same-named files within one
 * run ("notulen", "notulen-2"), so a later run over one of the folders alone would hand its file the other
 * folder's id and replace that document. A file takes the id of the stored document with its folder and name;
 * a new file never takes an id that another stored document holds. Uploads keep the id they were given.
 */
export function withStableIds(inputs: readonly FileInput[], existing: Iterable<PlacedDocument>): FileInput[] {
  const stored = [...existing];
  const used = new Set(stored.map((document) => document.documentId));
  const claimed = new Set<string>();
  return inputs.map((input) => {
    const own = stored
      .filter((document) => document.origin === input.origin && document.source === input.source && !claimed.has(document.documentId))
      .map((document) => document.documentId);
    let documentId = input.documentId;
    if (input.origin !== 'upload' && !own.includes(documentId)) {
      documentId = own[0] ?? (used.has(documentId) || claimed.has(documentId) ? uniqueDocumentId(documentId, new Set([...used, ...claimed])) : documentId);
    }
    claimed.add(documentId);
    return documentId === input.documentId ? input : { ...input, documentId };
  });
}
