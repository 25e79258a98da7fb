/**
 * The wire format of OpenAI's `POST /v1/chat/completions`, as far as Grip uses it: messages out, one choice back
 * (whole, or as streamed deltas). Validation lives here so the model adapter stays about I/O.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';

/** A message as the protocol sends it. */
export interface WireMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

const ROLES: Record<string, WireMessage['role']> = { system: 'system', human: 'user', ai: 'assistant' };

/** LangChain messages as protocol messages; tool and function messages have no place in Grip's prompts. */
export function toWireMessages(messages: BaseMessage[]): WireMessage[] {
  return messages.map((message) => {
    const role = ROLES[message.getType()];
    if (!role) throw new TypeError(`A ${message.getType()} message cannot be sent to a chat-completions server.`);
    return { role, content: message.text };
  });
}

/** A whole (non-streamed) completion. */
export const completionSchema = z.object({
  choices: z.array(z.object({
    message: z.object({ content: z.string() }),
    finish_reason: z.string().nullish(),
  })).min(1),
});

/** One `data:` event of a streamed completion; servers may send chunks without choices (usage, keep-alives). */
export const completionChunkSchema = z.object({
  choices: z.array(z.object({
    delta: z.object({ content: z.string().nullish() }).optional(),
    finish_reason: z.string().nullish(),
  })).default([]),
});

/** An error object some servers put in a 200 stream instead of an HTTP status. */
export const streamErrorSchema = z.object({ error: z.union([z.string(), z.object({ message: z.string() })]) });
