/**
 * The five corpus documents through the real ingest core, once per test file: loaded, cleaned, segmented and
 * cut into passages with their catalog metadata. Structure, chunking and metadata tests read from here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPassages } from '../../ingest/chunk/build-passages.js';
import { cleanDocument } from '../../ingest/clean/clean-document.js';
import type { CleanDocument } from '../../ingest/clean/clean-types.js';
import { parseCatalog } from '../../ingest/metadata/catalog.js';
import { segmentDocument, type Block } from '../../ingest/structure/segment.js';
import type { DocumentMeta, LoadedDocument, Passage } from '../../ingest/types.js';
import { CORPUS_FILES, corpusDir, loadCorpus, type CorpusNumber } from './clean/corpus.js';

export { CORPUS_FILES, corpusDir, type CorpusNumber };

/** One corpus document as ingest sees it. */
export interface CorpusDocument {
  number: CorpusNumber;
  file: string;
  loaded: LoadedDocument;
  clean: CleanDocument;
  blocks: Block[];
  meta: DocumentMeta;
  passages: Passage[];
}

/** The catalog that ships with the corpus. */
export const corpusCatalog = parseCatalog(readFileSync(path.join(corpusDir, 'catalog.json'), 'utf8'));

/** Document metadata as the pipeline takes it from the catalog. */
export function catalogMeta(file: string): DocumentMeta {
  const entry = corpusCatalog.get(file);
  if (!entry) throw new Error(`${file} is not in the corpus catalog.`);
  const { title, docType, date, year, organisation } = entry;
  return { documentId: file.replace(/\.txt$/, ''), source: file, title, docType, date, year, organisation, metadataSource: 'catalog' };
}

const cache = new Map<CorpusNumber, CorpusDocument>();

/** A corpus document, cleaned and chunked on first use. */
export function corpusDocument(number: CorpusNumber): CorpusDocument {
  const cached = cache.get(number);
  if (cached) return cached;
  const file = CORPUS_FILES[number];
  const loaded = loadCorpus(number);
  const clean = cleanDocument(loaded);
  const meta = catalogMeta(file);
  const document = { number, file, loaded, clean, blocks: segmentDocument(clean), meta, passages: buildPassages(meta, clean, loaded.pages) };
  cache.set(number, document);
  return document;
}

/** All five corpus documents. */
export function corpusDocuments(): CorpusDocument[] {
  return (Object.keys(CORPUS_FILES) as CorpusNumber[]).map(corpusDocument);
}

/** The passages of a document whose text contains `needle`; throws when there is none, so a test cannot pass vacuously. */
export function passagesWith(document: CorpusDocument, needle: string): Passage[] {
  const found = document.passages.filter((passage) => passage.text.includes(needle));
  if (found.length === 0) throw new Error(`No passage of corpus/${document.number} contains "${needle}".`);
  return found;
}

/** Words compared case-, accent- and punctuation-insensitively. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Number of whitespace-separated words, as the chunker counts them. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
