/**
 * Answering a question: retrieval over the current engine, then the extractive composer. The same function
 * serves /api/ask, /api/chat, the CLI and the evaluation.
 */
import type { PassageFilter } from '../../ingest/store/filter-clause.js';
import type { Engine } from '../engine.js';
import type { Turn } from '../retrieve/follow-up.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import { composeAnswer } from './compose-answer.js';
import type { Answerer } from './generate/generate-answer.js';
import type { AskResponse } from './types.js';

/** A question with its context. */
export interface Question {
  question: string;
  history?: Turn[];
  filters?: PassageFilter;
  detectFilters?: boolean;
  k?: number;
}

/** Default ranking length of a response (the issue asks for at least 10 where the corpus has them). */
export const DEFAULT_RANKING = 10;

/** Retrieves for a question. */
export function retrieveFor(engine: Engine, question: Question): Promise<RetrievalResult> {
  return engine.retriever.retrieve({
    question: question.question,
    history: question.history ?? [],
    filters: question.filters ?? {},
    ...(question.detectFilters === undefined ? {} : { detectFilters: question.detectFilters }),
    k: Math.max(question.k ?? DEFAULT_RANKING, DEFAULT_RANKING),
  });
}

/** Answers a question with citations; an `answerer` may restate the extractive answer (it falls back to it itself). */
export async function ask(engine: Engine, question: Question, answerer?: Answerer): Promise<AskResponse> {
  const retrieval = await retrieveFor(engine, question);
  const extractive = composeAnswer(retrieval, engine.stats, engine.queryContext.compounds);
  const response = answerer ? await answerer.answer(question.question, extractive) : extractive;
  return question.k !== undefined ? { ...response, passages: response.passages.slice(0, Math.max(question.k, response.citations.length)) } : response;
}
