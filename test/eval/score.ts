/**
 * Scoring exactly as test/eval/README.md (a copy of ../shared/eval/README.md) defines it. Pure functions of data, shared by `npm run eval`
 * and the tests.
 *
 * - A passage is a hit for an evidence quote when at least 80% of the quote's words occur in it
 *   (lower-cased, accents folded, punctuation ignored); passages over 2,000 characters never count.
 * - hit@k: some evidence is hit within the first k passages; MRR@10: 1/rank of the first hit within 10.
 */

/** Words of a text as the judge compares them: lower case, folded accents, punctuation as space. */
export function judgeWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Share of the quote's words that occur in the passage. */
export function quoteCoverage(quote: string, passage: string): number {
  const words = judgeWords(quote);
  if (words.length === 0) return 0;
  const present = new Set(judgeWords(passage));
  return words.filter((word) => present.has(word)).length / words.length;
}

/** True when the passage counts as containing the evidence quote. */
export function containsEvidence(passage: string, quote: string): boolean {
  return passage.length <= 2000 && quoteCoverage(quote, passage) >= 0.8;
}

/** 1-based rank of the first passage containing any of the quotes, or null. */
export function firstHitRank(passages: string[], quotes: string[]): number | null {
  const index = passages.findIndex((text) => quotes.some((quote) => containsEvidence(text, quote)));
  return index < 0 ? null : index + 1;
}

/** Retrieval metrics over questions with evidence. */
export interface RetrievalMetrics {
  questions: number;
  hitAt: Record<1 | 3 | 5 | 10, number>;
  mrrAt10: number;
}

/** Aggregates first-hit ranks (null = no hit) into hit@k and MRR@10. */
export function retrievalMetrics(ranks: (number | null)[]): RetrievalMetrics {
  const n = Math.max(1, ranks.length);
  const hit = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= 10 ? 1 / r : 0), 0) / n;
  return { questions: ranks.length, hitAt: { 1: hit(1), 3: hit(3), 5: hit(5), 10: hit(10) }, mrrAt10: mrr };
}

const NUMBER = /(?<![\p{L}\d.,])(?:(?<=^|[\s(€])-)?\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?(?![\d])/gu;
const DATE = /\b\d{1,2}-\d{1,2}-\d{2,4}\b/g;

/** The possible values of a figure literal: "1.633" may be 1633 (Dutch) or 1.633 (English). */
export function figureValues(literal: string): number[] {
  const raw = literal.replace(/[\s\u00a0]/g, '');
  const sign = raw.startsWith('-') ? -1 : 1;
  const body = raw.replace(/^-/, '');
  const readings = new Set<string>();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(body)) readings.add(body.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) readings.add(body.replace(/,/g, ''));
  if (/^\d+(?:[.,]\d+)?$/.test(body)) readings.add(body.replace(',', '.'));
  return [...readings].map((r) => sign * Number(r)).filter(Number.isFinite);
}

/** The figures of a text, each as its possible values; dates (31-12-2022) are not figures. */
export function figuresOf(text: string): number[][] {
  const figures: number[][] = [];
  for (const match of text.replace(DATE, ' ').matchAll(NUMBER)) {
    const values = figureValues(match[0]);
    if (values.length > 0) figures.push(values);
  }
  return figures;
}

/** Share of the gold answer's figures that appear (as values) in the product's answer; null when it has none. */
export function figureRecall(goldAnswer: string, answer: string): number | null {
  const gold = figuresOf(goldAnswer);
  if (gold.length === 0) return null;
  const found = new Set(figuresOf(answer).flat());
  return gold.filter((values) => values.some((value) => found.has(value))).length / gold.length;
}

/** A citation as far as scoring needs it. */
export interface ScoredCitation {
  n: number;
  quote: string;
  text: string;
}

/** Markers `[n]` in an answer, in order. */
export function markersOf(answer: string): number[] {
  return [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** True when every marker resolves to a citation whose quote occurs verbatim in its text, and every citation is used. */
export function citationsValid(answer: string, citations: ScoredCitation[]): boolean {
  const markers = new Set(markersOf(answer));
  const numbers = new Set(citations.map((c) => c.n));
  const resolved = [...markers].every((n) => numbers.has(n));
  const used = [...numbers].every((n) => markers.has(n));
  return resolved && used && citations.every((c) => c.quote.length > 0 && c.text.includes(c.quote));
}

/** Share of citations whose passage contains some gold evidence (null when there are no citations). */
export function citationPrecision(citations: ScoredCitation[], quotes: string[]): number | null {
  if (citations.length === 0) return null;
  return citations.filter((c) => quotes.some((quote) => containsEvidence(c.text, quote))).length / citations.length;
}

/** Share of gold figures an answerable question's answer must carry to count as right. */
export const MIN_FIGURE_SHARE = 0.5;

/**
 * The headline judgement of one answer (`answer_ok`): an unanswerable question is refused; an answerable one is
 * answered, with a citation whose passage holds gold evidence and at least half the gold figures (when the gold
 * answer has figures).
 */
export function answerOk(answerable: boolean, status: 'answered' | 'not_found', citations: ScoredCitation[], quotes: string[], figures: number | null): boolean {
  if (!answerable) return status === 'not_found';
  if (status !== 'answered') return false;
  const evidence = citations.some((c) => quotes.some((quote) => containsEvidence(c.text, quote)));
  return evidence && (figures === null || figures >= MIN_FIGURE_SHARE);
}
