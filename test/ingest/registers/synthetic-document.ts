/**
 * A document the code has never seen, through the real ingest core: loaded as text, cleaned, segmented and cut
 * into passages, as an upload would be.
 */
import { buildPassages } from '../../../ingest/chunk/build-passages.js';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadText } from '../../../ingest/load/load-text.js';
import type { Passage } from '../../../ingest/types.js';

/** The passages of a plain-text document with the given text. */
export function syntheticPassages(text: string, documentId = 'synthetic', year = 2024): Passage[] {
  const loaded = loadText(new TextEncoder().encode(text), `${documentId}.txt`);
  const meta = { documentId, source: `${documentId}.txt`, title: 'Jaarrekening', docType: 'jaarverslag', date: null, year, organisation: null, metadataSource: 'inferred' as const };
  return buildPassages(meta, cleanDocument(loaded), loaded.pages);
}
