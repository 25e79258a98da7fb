/**
 * What gets indexed for a passage. The full-text field carries the document title and section path with the
 * passage text, so "klachten" finds text under "3.3.4 Klachten en meldingen"; the embedder sees the same context.
 */
import type { Passage } from '../types.js';

/** The section path as one line ("3 Bedrijfsvoering › 3.3.4 Klachten en meldingen"). */
export function sectionLine(passage: Pick<Passage, 'section'>): string {
  return passage.section.join(' › ');
}

/** The text of the full-text field of a passage. */
export function searchText(passage: Passage): string {
  return [passage.title, sectionLine(passage), passage.text].filter(Boolean).join('\n');
}

/** The text the embedder embeds for a passage. */
export function embeddingText(passage: Passage): string {
  return [passage.title, sectionLine(passage), passage.text].filter(Boolean).join('\n');
}
