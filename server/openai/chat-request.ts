/**
 * The body of POST /v1/chat/completions and how it becomes a Grip question: the last message is the question
 * (it must be the user's), the user and assistant messages before it are the history. System and developer
 * messages are accepted and ignored — an extractive answer has no instructions to follow — and so are sampling
 * parameters (temperature, max_tokens, …) that clients send by habit. The question itself is then validated
 * with the same schema as /api/ask.
 */
import { z } from 'zod';
import type { Question } from '../answer/ask.js';
import { toQuestion } from '../routes/ask-routes.js';
import { askSchema, filtersSchema } from '../routes/schemas.js';
import { OpenAIRequestError } from './openai-errors.js';

/** Most turns of history passed on: as many as /api/ask accepts, the most recent ones. */
export const MAX_HISTORY_TURNS = 40;
/** Longest history turn passed on, in characters (as /api/ask accepts); longer turns are cut at this length. */
export const MAX_TURN_CHARS = 20_000;

const part = z.looseObject({ type: z.string().max(100), text: z.string().optional() });
const messageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(part).max(100)]).nullable().optional(),
  name: z.string().max(200).optional(),
});

/** The request fields Grip reads; unknown fields are accepted and ignored, as OpenAI-compatible servers do. */
export const chatCompletionSchema = z.looseObject({
  model: z.string().min(1, 'model is required').max(200),
  messages: z.array(messageSchema).min(1, 'messages must hold at least one message').max(1000),
  stream: z.boolean().nullable().optional(),
  n: z.number().int().min(1).max(1, 'Grip gives one answer per request (n = 1)').nullable().optional(),
  /** Grip's own: the filters of /api/ask (document types, years, documents). */
  filters: filtersSchema.optional(),
});

/** A validated chat-completion request. */
export type ChatCompletionRequest = z.infer<typeof chatCompletionSchema>;
type Message = ChatCompletionRequest['messages'][number];

/** Validates a parsed JSON body; a wrong field is a 400 naming it as `param`. */
export function parseChatRequest(body: unknown): ChatCompletionRequest {
  const parsed = chatCompletionSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.length ? issue.path.join('.') : null;
  throw new OpenAIRequestError('bad_request', `Ongeldig verzoek — ${param ? `${param}: ` : ''}${issue?.message ?? 'onbekende fout'}.`, { param });
}

/** The text of a message; parts other than text (images, audio, files) are refused, as Grip reads only text. */
function textOf(message: Message, index: number): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!content) return '';
  const other = content.find((piece) => piece.type !== 'text' || typeof piece.text !== 'string');
  if (other) throw new OpenAIRequestError('bad_request', `Grip leest alleen tekst; bericht ${index} bevat een deel van het type "${other.type.slice(0, 40)}".`, { param: `messages.${index}.content` });
  return content.map((piece) => piece.text).join('\n');
}

/** The question of a request: its last (user) message, with the conversation before it as history. */
export function chatQuestion(request: ChatCompletionRequest): Question {
  const last = request.messages.length - 1;
  const final = request.messages[last] as Message;
  if (final.role !== 'user') {
    throw new OpenAIRequestError('bad_request', `Het laatste bericht moet de vraag van de gebruiker zijn (role "user"), niet "${final.role}".`, { param: `messages.${last}.role` });
  }
  const history = request.messages
    .slice(0, last)
    .map((message, index) => ({ message, index }))
    .filter(({ message }) => message.role === 'user' || message.role === 'assistant')
    .map(({ message, index }) => ({ role: message.role as 'user' | 'assistant', content: textOf(message, index).slice(0, MAX_TURN_CHARS) }))
    .filter((turn) => turn.content.trim() !== '')
    .slice(-MAX_HISTORY_TURNS);
  const parsed = askSchema.safeParse({ question: textOf(final, last), history, ...(request.filters ? { filters: request.filters } : {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const tooLong = issue?.code === 'too_big' && issue.path[0] === 'question';
    throw new OpenAIRequestError('bad_request', `Ongeldige vraag — ${issue?.message ?? 'onbekende fout'}.`, { param: `messages.${last}.content`, ...(tooLong ? { code: 'context_length_exceeded' } : {}) });
  }
  return toQuestion(parsed.data);
}
