/**
 * Feedback as evaluation questions, in the format of test/eval/*.jsonl (id, question, lang, type, answer, evidence,
 * context, notes), so a griffie's complaints become test questions. A 👍 keeps the answer and its citations as
 * the gold answer and evidence; a 👎 keeps the question with an empty answer and evidence for the griffie to fill
 * in, and says in `notes` what Grip answered and why the reader rejected it.
 */
import type { FeedbackReason, FeedbackRecord } from './feedback-schema.js';

/** One line of an eval JSONL file. */
export interface EvalLine {
  id: string;
  question: string;
  lang: 'nl' | 'en';
  type: string;
  answer: string;
  evidence: { file: string; quote: string }[];
  context?: { role: 'user' | 'assistant'; content: string }[];
  notes: string;
}

/** Eval question types by answer type (server/answer/types.ts); anything else is a plain fact question. */
const TYPE_OF_ANSWER: Record<string, string> = {
  amount: 'budget',
  count: 'number',
  percentage: 'number',
  date: 'date',
  actor: 'role',
  who_decides: 'mandate',
  list: 'list',
};

const REASON_TEXT: Record<FeedbackReason, string> = {
  wrong_amount: 'fout bedrag',
  wrong_source: 'verkeerde bron',
  missing_document: 'mist document',
  should_refuse: 'had moeten weigeren',
};

/** Eval evidence quotes are 5–30 words; a longer citation keeps its first 30, still a verbatim span. */
const MAX_EVIDENCE_WORDS = 30;

/** The answer without citation markers and emphasis, on one line. */
export function plainAnswer(answer: string): string {
  return answer.replace(/\s*\[\d{1,3}\]/g, '').replace(/\*\*|\*/g, '').replace(/\s+/g, ' ').trim();
}

function evidenceQuote(quote: string): string {
  const words = quote.trim().split(/\s+/);
  return words.length <= MAX_EVIDENCE_WORDS ? quote.trim() : words.slice(0, MAX_EVIDENCE_WORDS).join(' ');
}

/** True when the reader says the right answer is that the documents do not say. */
function unanswerable(record: FeedbackRecord): boolean {
  return record.reasons.includes('should_refuse') || (record.rating === 'up' && record.status === 'not_found');
}

function typeOf(record: FeedbackRecord): string {
  if (unanswerable(record)) return 'unanswerable';
  if (record.history.length > 0) return 'followup';
  return TYPE_OF_ANSWER[record.answerType ?? ''] ?? 'fact';
}

function notesOf(record: FeedbackRecord): string {
  const verdict = record.rating === 'up' ? '👍' : `👎${record.reasons.length ? ` (${record.reasons.map((r) => REASON_TEXT[r]).join(', ')})` : ''}`;
  const parts = [`Feedback ${verdict} van ${record.createdAt}.`];
  if (record.comment) parts.push(`Opmerking: ${record.comment}`);
  if (record.rating === 'down') parts.push(`Grip antwoordde (${record.status}): ${plainAnswer(record.answer)}`);
  if (record.passageIds.length) parts.push(`Gerangschikte passages: ${record.passageIds.slice(0, 10).join(', ')}.`);
  return parts.join(' ');
}

/** The eval question for one piece of feedback. */
export function toEvalLine(record: FeedbackRecord): EvalLine {
  const up = record.rating === 'up';
  const refuse = unanswerable(record);
  return {
    id: `feedback-${record.createdAt.slice(0, 10)}-${record.id.slice(0, 8)}`,
    question: record.question,
    lang: record.language ?? 'nl',
    type: typeOf(record),
    answer: refuse ? (record.language === 'en' ? 'This is not in the documents.' : 'Dit staat niet in de documenten.') : up ? plainAnswer(record.answer) : '',
    evidence: up && !refuse ? record.citations.map((c) => ({ file: c.source, quote: evidenceQuote(c.quote) })) : [],
    ...(record.history.length ? { context: record.history } : {}),
    notes: notesOf(record),
  };
}

/** Feedback as JSONL, one eval question per line. */
export function toEvalJsonl(records: FeedbackRecord[]): string {
  return records.map((record) => `${JSON.stringify(toEvalLine(record))}\n`).join('');
}
