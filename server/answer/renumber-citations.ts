/**
 * Keeping only the citations an answer uses, numbered 1…k in order of first use, with the answer's markers
 * rewritten to match — so markers and citations always correspond one to one. Pure.
 */
import type { Citation } from './types.js';

/** The answer with markers renumbered, and the used citations (quotes untouched) under their new numbers. */
export function keepCitedCitations(answer: string, citations: Citation[], used: number[]): { answer: string; citations: Citation[] } {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const kept = used.filter((n) => byNumber.has(n));
  const renumber = new Map(kept.map((n, index) => [n, index + 1]));
  const rewritten = answer.replace(/\[(\d{1,3})\]/g, (marker, n: string) => {
    const next = renumber.get(Number(n));
    return next === undefined ? marker : `[${next}]`;
  });
  return { answer: rewritten, citations: kept.map((n) => ({ ...(byNumber.get(n) as Citation), n: renumber.get(n) as number })) };
}
