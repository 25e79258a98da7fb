/**
 * Optional generation: a chat model restates the extractive answer's quotes as a short answer in the question's
 * language, and the result is used only when the citation check passes. Anything else — a model error or
 * timeout, a truncated or unchecked answer, or "not found" where the quotes did answer — gives the extractive
 * answer, with the reason in the log. The extractive answer is always the safe default.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { errorMessage } from '../../../ingest/index.js';
import type { Logger } from '../../log.js';
import { checkCitations, normalizeMarkers, type CitationProblem } from '../citation-check.js';
import { keepCitedCitations } from '../renumber-citations.js';
import type { AskResponse } from '../types.js';
import { generationPrompt, NOT_FOUND_TOKEN } from './generation-prompt.js';

/** Turns the extractive response to a question into the response Grip gives. */
export interface Answerer {
  /** How answers are made, for /health ("extractive" when there is no answerer). */
  readonly name: string;
  /** The response to give; never rejects — on any failure it is `response` itself. */
  answer(question: string, response: AskResponse): Promise<AskResponse>;
}

/** The name /health reports when there is no answerer: the extractive composer answers alone. */
export const EXTRACTIVE = 'extractive';

/** Why a generated answer was not used. */
export type RejectionReason = 'model_error' | 'truncated' | 'model_not_found' | 'check_failed';

/** The outcome of one generation. */
export type Generation =
  | { accepted: true; answer: string; citations: AskResponse['citations'] }
  | { accepted: false; reason: RejectionReason; problems?: CitationProblem[]; error?: unknown; text?: string };

/** Asks the model for an answer from the response's citations and checks it. */
export async function generateAnswer(model: BaseChatModel, question: string, response: AskResponse): Promise<Generation> {
  const language = response.query.language;
  const prompt = generationPrompt(question, response.citations, language);
  let text: string;
  try {
    const message = await model.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)]);
    // A cut-off answer may end mid-sentence yet pass the check; only complete answers are used.
    if (message.response_metadata?.finish_reason === 'length') return { accepted: false, reason: 'truncated', text: message.text };
    text = normalizeMarkers(message.text.trim());
  } catch (error) {
    return { accepted: false, reason: 'model_error', error };
  }
  if (text.includes(NOT_FOUND_TOKEN)) return { accepted: false, reason: 'model_not_found', text };
  const check = checkCitations(text, response.citations, language);
  if (!check.ok) return { accepted: false, reason: 'check_failed', problems: check.problems, text };
  return { accepted: true, ...keepCitedCitations(text, response.citations, check.used) };
}

/** Settings of {@link generativeAnswerer}. */
export interface GenerativeAnswererOptions {
  model: BaseChatModel;
  log: Logger;
  /** For /health, e.g. "openai-compatible:qwen2.5:7b-instruct". */
  name: string;
}

/** An answerer that generates from the extractive answer's quotes and falls back to it whenever in doubt. */
export function generativeAnswerer({ model, log, name }: GenerativeAnswererOptions): Answerer {
  return {
    name,
    async answer(question, response) {
      // Only answered questions have quotes to restate; a refusal stays the composer's refusal.
      if (response.status !== 'answered' || response.citations.length === 0) return response;
      let generation: Generation;
      try {
        generation = await generateAnswer(model, question, response);
      } catch (error) {
        // generateAnswer handles model failures itself; this keeps the promise of never failing a question.
        generation = { accepted: false, reason: 'model_error', error };
      }
      if (generation.accepted) {
        log.debug('generated answer accepted', { citations: generation.citations.length });
        return { ...response, answer: generation.answer, citations: generation.citations };
      }
      const { reason, problems, error, text } = generation;
      log.warn('generated answer not used; giving the extractive answer', {
        reason, ...(problems ? { problems } : {}), ...(error ? { error: errorMessage(error) } : {}), ...(text ? { generated: text } : {}),
      });
      return response;
    },
  };
}
