/**
 * From a clean document to cited passages: structure → units → passage drafts → passages with metadata,
 * page, section path, stable id and offsets back into the original text.
 */
import { createHash } from 'node:crypto';
import { segmentDocument, type StructureInput } from '../structure/segment.js';
import type { DocumentMeta, PageSpan, Passage } from '../types.js';
import { chunkUnits, DEFAULT_LIMITS, type ChunkLimits } from './chunk-units.js';
import { passageTable } from './passage-table.js';
import { blocksToUnits } from './units.js';

/** The clean document as the chunker needs it: clean text, markup headings, and a clean→original offset map. */
export interface ChunkInput extends StructureInput {
  /** `toOriginal[i]` is the original offset of clean character i; length is text.length + 1. */
  toOriginal: ArrayLike<number>;
}

/** The page containing an original-text offset, by binary search over ordered page spans. */
export function pageAt(pages: PageSpan[], offset: number): PageSpan | undefined {
  let low = 0;
  let high = pages.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const page = pages[middle] as PageSpan;
    if (offset < page.start) high = middle - 1;
    else if (offset >= page.end) low = middle + 1;
    else return page;
  }
  return undefined;
}

function passageId(documentId: string, section: string[], text: string, seen: Map<string, number>): string {
  const hash = createHash('sha256').update(section.join('\u0000')).update('\u0001').update(text).digest('hex').slice(0, 12);
  const base = `${documentId}:${hash}`;
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

/** Cuts a clean document into passages carrying the document's metadata. */
export function buildPassages(meta: DocumentMeta, clean: ChunkInput, pages: PageSpan[], limits: ChunkLimits = DEFAULT_LIMITS): Passage[] {
  const blocks = segmentDocument(clean);
  const drafts = chunkUnits(blocksToUnits(blocks, clean.text), limits);
  const seen = new Map<string, number>();
  return drafts.map((draft, ordinal) => {
    const start = clean.toOriginal[draft.start] ?? 0;
    const end = clean.toOriginal[draft.end] ?? start;
    const page = pageAt(pages, start);
    const table = passageTable(draft);
    return {
      id: passageId(meta.documentId, draft.section, draft.text, seen),
      documentId: meta.documentId,
      source: meta.source,
      title: meta.title,
      docType: meta.docType,
      date: meta.date,
      year: meta.year,
      organisation: meta.organisation,
      page: page?.number ?? null,
      pageLabel: page?.label ?? null,
      section: draft.section,
      ordinal,
      kind: draft.kind,
      start,
      end,
      cleanStart: draft.start,
      cleanEnd: draft.end,
      text: draft.text,
      ...(table ? { table } : {}),
    };
  });
}
