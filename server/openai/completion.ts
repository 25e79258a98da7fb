/**
 * Grip's answer as OpenAI chat-completion objects: one `chat.completion`, or the `chat.completion.chunk` events
 * of a stream. The content is the answer as Markdown (markers and a footnote list of sources); the structured
 * answer — status, citations, passages, query, and whatever else the answer carries (answer type, tables) — goes
 * in the extra field `grip`, on the completion and on the stream's last chunk. Pure functions.
 */
import type { AskResponse } from '../answer/types.js';

/** The one model Grip offers. */
export const MODEL_ID = 'grip';

/** Everything of an answer but its text, which is the content. */
export type GripExtra = Omit<AskResponse, 'answer'>;

/** What every object of one completion shares. */
export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
}

/** The model object of /v1/models. */
export function modelObject(created: number) {
  return { id: MODEL_ID, object: 'model' as const, created, owned_by: 'grip' };
}

/** The structured answer of the extra field. */
export function gripExtra(response: AskResponse): GripExtra {
  const { answer: _text, ...rest } = response;
  return rest;
}

/** A non-streamed completion. */
export function completionOf(meta: CompletionMeta, response: AskResponse, content: string) {
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: MODEL_ID,
    choices: [{ index: 0, message: { role: 'assistant' as const, content, refusal: null }, logprobs: null, finish_reason: 'stop' as const }],
    grip: gripExtra(response),
  };
}

type Delta = { role?: 'assistant'; content?: string };

/** One chunk of a stream; `finish` closes the choice, and the closing chunk carries the extra field. */
export function chunkOf(meta: CompletionMeta, delta: Delta, finish?: { response: AskResponse }) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk' as const,
    created: meta.created,
    model: MODEL_ID,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish ? ('stop' as const) : null }],
    ...(finish ? { grip: gripExtra(finish.response) } : {}),
  };
}
