/**
 * Answering a question: retrieval over the current engine, then the answer pipeline (compose.ts) and its support
 * gate. The same functions serve /api/ask, /api/chat, the CLI and the evaluation.
 */
import type { PassageFilter } from '../../ingest/index.js';
import type { Engine } from '../engine.js';
import type { Turn } from '../retrieve/follow-up.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import { draftAnswer, finishAnswer, type Draft } from './compose.js';
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

/** Drafts the answer up to the support gate (the evaluation decides with other gate models too). */
export async function draftFor(engine: Engine, question: Question): Promise<Draft> {
  const retrieval = await retrieveFor(engine, question);
  return draftAnswer(retrieval, engine.answer, retrieval.passages.length === 0 && engine.snapshot.passageCount === 0);
}

/** Trims the ranking of a response to the `k` asked for (never below the passages it cites). */
export function withRanking(response: AskResponse, k: number | undefined): AskResponse {
  return k !== undefined ? { ...response, passages: response.passages.slice(0, Math.max(k, response.citations.length)) } : response;
}

/** Answers a question with citations; an `answerer` may restate the extractive answer (it falls back to it itself). */
export async function ask(engine: Engine, question: Question, answerer?: Answerer): Promise<AskResponse> {
  const { response: extractive } = finishAnswer(await draftFor(engine, question), engine.gate);
  const response = answerer ? await answerer.answer(question.question, extractive) : extractive;
  return withRanking(response, question.k);
}
