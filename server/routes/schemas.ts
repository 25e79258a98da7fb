/**
 * Request schemas of the API. Everything a client sends is validated here before it reaches retrieval;
 * filter values are additionally constrained so they can never change the meaning of a LanceDB filter.
 */
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, FILTER_VALUE_PATTERN } from '../../ingest/index.js';

/** Longest question accepted, in characters. */
export const MAX_QUESTION = 2000;

// The store's own rules (ingest/), so whatever ingest stores can be filtered on and nothing else gets through.
const filterValue = z.string().trim().min(1).max(120).regex(FILTER_VALUE_PATTERN, 'mag alleen letters, cijfers, spaties en - _ . & ( ) \' bevatten');
const documentIdValue = z.string().trim().regex(DOCUMENT_ID_PATTERN, 'is geen document-id: kleine letters, cijfers, - en _');
const year = z.number().int().min(1000).max(9999);

/** Filters a client may set. */
export const filtersSchema = z
  .object({
    docType: z.array(filterValue).max(20).optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    documentId: z.array(documentIdValue).max(100).optional(),
  })
  .strict();

const turnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(20_000) }).strict();

/** Body of /api/ask and /api/chat. */
export const askSchema = z
  .object({
    question: z.string().trim().min(1, 'de vraag is leeg').max(MAX_QUESTION, `de vraag is langer dan ${MAX_QUESTION} tekens`),
    history: z.array(turnSchema).max(40).optional(),
    filters: filtersSchema.optional(),
    k: z.number().int().min(1).max(50).optional(),
    detectFilters: z.boolean().optional(),
  })
  .strict();

/** Body of /api/search. */
export const searchSchema = askSchema.omit({ history: true }).extend({ history: z.array(turnSchema).max(40).optional() });

/** A validated ask request. */
export type AskRequest = z.infer<typeof askSchema>;

/** Converts API filters to store filters. */
export function toPassageFilter(filters: AskRequest['filters']) {
  return {
    ...(filters?.docType ? { docTypes: filters.docType } : {}),
    ...(filters?.documentId ? { documentIds: filters.documentId } : {}),
    ...(filters?.yearFrom !== undefined ? { yearFrom: filters.yearFrom } : {}),
    ...(filters?.yearTo !== undefined ? { yearTo: filters.yearTo } : {}),
  };
}
