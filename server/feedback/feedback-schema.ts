/**
 * What a reader sends about one answer (👍 or 👎, with reasons and a remark) and what is stored: the question
 * with its history and filters, the ranked passages and the answer with its citations as the reader saw them,
 * so a complaint can be replayed and turned into a test question.
 */
import { z } from 'zod';
import { askSchema, filtersSchema, MAX_QUESTION } from '../routes/schemas.js';

/** Why an answer was wrong, as the feedback form offers it. */
export const FEEDBACK_REASONS = ['wrong_amount', 'wrong_source', 'missing_document', 'should_refuse'] as const;

/** One reason of {@link FEEDBACK_REASONS}. */
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** Thumbs up or down. */
export type FeedbackRating = 'up' | 'down';

/** Longest free-text remark, in characters. */
export const MAX_COMMENT = 2000;

const shortText = (max: number) => z.string().max(max, `is langer dan ${max} tekens`);

const citationSchema = z
  .object({
    n: z.number().int().min(1).max(999),
    passageId: shortText(300),
    documentId: shortText(200),
    source: shortText(300),
    quote: shortText(5000),
  })
  .strict();

/** Body of POST /api/feedback. */
export const feedbackSchema = z
  .object({
    rating: z.enum(['up', 'down']),
    reasons: z.array(z.enum(FEEDBACK_REASONS)).max(FEEDBACK_REASONS.length).optional(),
    comment: z.string().trim().max(MAX_COMMENT, `de opmerking is langer dan ${MAX_COMMENT} tekens`).optional(),
    question: z.string().trim().min(1, 'de vraag is leeg').max(MAX_QUESTION, `de vraag is langer dan ${MAX_QUESTION} tekens`),
    history: askSchema.shape.history,
    filters: filtersSchema.optional(),
    language: z.enum(['nl', 'en']).optional(),
    status: z.enum(['answered', 'not_found']),
    answerType: z.string().regex(/^[a-z_]{1,40}$/, 'is geen antwoordtype').optional(),
    answer: shortText(40_000),
    passageIds: z.array(shortText(300)).max(50),
    citations: z.array(citationSchema).max(50),
  })
  .strict()
  .refine((body) => body.rating === 'down' || !body.reasons?.length, { message: 'redenen horen alleen bij 👎', path: ['reasons'] });

/** A validated feedback body. */
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/** A stored piece of feedback: the input with its id and time, reasons without repeats. */
export interface FeedbackRecord extends Omit<FeedbackInput, 'reasons' | 'history' | 'comment'> {
  id: string;
  /** ISO timestamp of when the server received it. */
  createdAt: string;
  reasons: FeedbackReason[];
  comment: string;
  history: { role: 'user' | 'assistant'; content: string }[];
}

/** The record stored for an input. */
export function toFeedbackRecord(input: FeedbackInput, id: string, createdAt: string): FeedbackRecord {
  const reasons = FEEDBACK_REASONS.filter((reason) => input.reasons?.includes(reason));
  return { ...input, id, createdAt, reasons, comment: input.comment ?? '', history: input.history ?? [] };
}
