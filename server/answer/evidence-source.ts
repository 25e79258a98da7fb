/**
 * The evidence source of one index generation: the passage that follows another, and each document's table rows
 * by label, built lazily per document on first use and kept with the generation (bounded by its table rows).
 */
import type { Passage } from '../../ingest/index.js';
import { rowLabel, type EvidenceSource, type LabelledRow } from './expand.js';
import { sentencesOfPassage } from './passage-sentences.js';

/** Builds the source from a document's passages in order. */
export function createEvidenceSource(passagesOf: (documentId: string) => readonly Passage[]): EvidenceSource {
  const rows = new Map<string, LabelledRow[]>();
  return {
    next(passage) {
      const siblings = passagesOf(passage.documentId);
      const at = siblings[passage.ordinal]?.id === passage.id ? passage.ordinal : siblings.findIndex((p) => p.id === passage.id);
      return at < 0 ? undefined : siblings[at + 1];
    },
    rows(documentId) {
      let found = rows.get(documentId);
      if (!found) {
        found = passagesOf(documentId).flatMap((passage) =>
          sentencesOfPassage(passage).filter((s) => s.row && /\d/.test(s.text)).map((row) => ({ label: rowLabel(row.text), row: { ...row, rank: 0 } })),
        );
        rows.set(documentId, found);
      }
      return found;
    },
  };
}
