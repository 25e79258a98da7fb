/**
 * A citation as a footnote line, as the griffie pastes it into a memo:
 * "[1] Jaarverslag 2022 Stichting WIJ Groningen, § 5.2.1 Hoofdlijn financieel beleid, p. 30".
 */
import type { Citation } from './types.js';

/** The footnote line of a citation. */
export function sourceLine(citation: Citation): string {
  const section = citation.section ? `§ ${citation.section.split(' › ').at(-1)}` : '';
  const page = citation.page !== null ? `p. ${citation.pageLabel ?? citation.page}` : '';
  return `[${citation.n}] ${[citation.title, section, page].filter(Boolean).join(', ')}`;
}
