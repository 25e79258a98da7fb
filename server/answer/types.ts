/**
 * The shape of an answer as `/api/ask` returns it (and `/api/chat` streams it).
 */
import type { PassageFilter } from '../../ingest/index.js';
import type { AnswerType } from '../retrieve/answer-type.js';
import type { AnswerTable } from './answer-tables.js';
import type { RuleName } from './rules.js';

/** Where a passage stands: its document, metadata, page and section. */
interface PassageSource {
  passageId: string;
  documentId: string;
  source: string;
  title: string;
  docType: string;
  date: string | null;
  page: number | null;
  pageLabel: string | null;
  section: string;
}

/** A source an answer cites; `quote` is a verbatim substring of `text`. */
export interface Citation extends PassageSource {
  n: number;
  quote: string;
  text: string;
  /** Offsets in `text` of the span that answers the question directly (the figure, the body, the date). */
  answerSpan?: { start: number; end: number };
}

/** A retrieved passage in the response's ranking. */
export interface PassageHit extends PassageSource {
  text: string;
  score: number;
}

/** What query analysis made of the question. */
export interface QueryInfo {
  language: 'nl' | 'en';
  answerType: AnswerType;
  /** The question compares (years, documents, plan and result). */
  comparison: boolean;
  /** Filters applied (explicit and detected) and what the question itself named. */
  filters: PassageFilter & { detected: { docTypes: string[]; documentIds: string[]; years: number[] } };
  terms: { word: string; weight: number; origin: string }[];
  followUp: boolean;
  /** The pipeline rules that fired for this question (server/answer/rules.ts). */
  rules: RuleName[];
}

/** The answer to a question. */
export interface AskResponse {
  status: 'answered' | 'not_found';
  /** The kind of answer the question asks for. */
  answerType: AnswerType;
  answer: string;
  citations: Citation[];
  /** Figures from tables, as tables with their headers; each row names its citation. */
  tables?: AnswerTable[];
  passages: PassageHit[];
  query: QueryInfo;
}
