/**
 * The real documents the scale corpora are made from: the default corpus and the Dutch test PDFs (those in
 * test/fixtures, plus the large ones of ../shared when present), as extracted text (pdf.js once, then cached in the temp folder), with how many passages each
 * becomes, so a corpus of N passages can be put together without ingesting it first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPassages } from '../../../ingest/chunk/build-passages.js';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadPdf } from '../../../ingest/load/load-pdf.js';
import { loadText } from '../../../ingest/load/load-text.js';
import { inferMetadata } from '../../../ingest/metadata/infer-metadata.js';
import { availablePdfs, pdfPath } from '../../support/fixtures.js';

const CORPUS = fileURLToPath(new URL('../../../data/corpus/', import.meta.url));
const PDFS = availablePdfs.filter((name) => name.startsWith('nl/'));

/** A source document as text, with the number of passages the chunker makes of it. */
export interface SourceText {
  name: string;
  text: string;
  passages: number;
}

function passagesOf(name: string, text: string): number {
  const loaded = loadText(new TextEncoder().encode(text), `${name}.txt`);
  const clean = cleanDocument(loaded);
  const meta = { documentId: name, source: `${name}.txt`, ...inferMetadata(clean.text, loaded.titleHint), metadataSource: 'inferred' as const };
  return buildPassages(meta, clean, loaded.pages).length;
}

async function extract(): Promise<SourceText[]> {
  const texts: { name: string; text: string }[] = [];
  for (const file of readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort()) texts.push({ name: file.replace(/\.txt$/, ''), text: readFileSync(join(CORPUS, file), 'utf8') });
  for (const file of PDFS) {
    const loaded = await loadPdf(new Uint8Array(readFileSync(pdfPath(file))), { maxPages: 400 }).catch(() => null);
    // Scans without a text layer give nothing to copy.
    if (loaded && loaded.text.replace(/\s+/g, '').length > 2000) texts.push({ name: file.replace(/^nl\//, '').replace(/\.pdf$/, ''), text: loaded.text.replace(/\f/g, '') });
  }
  return texts.map(({ name, text }) => ({ name, text, passages: passagesOf(name, text) })).filter((source) => source.passages > 0);
}

/** The sources, extracted on first use and cached by the inputs' names and sizes. */
export async function sourceTexts(): Promise<SourceText[]> {
  const inputs = [...readdirSync(CORPUS), ...PDFS].sort().join('|');
  const key = createHash('sha256').update(inputs).digest('hex').slice(0, 12);
  const cache = join(tmpdir(), `grip-scale-sources-${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as SourceText[];
  const sources = await extract();
  writeFileSync(cache, JSON.stringify(sources));
  return sources;
}
