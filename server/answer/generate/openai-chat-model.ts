/**
 * A chat model for any server that speaks OpenAI's `POST /v1/chat/completions` (Ollama, vLLM, LM Studio,
 * llama.cpp, OpenAI itself), behind LangChain's BaseChatModel: temperature 0, retried and timed out like the
 * embeddings client, whole or streamed (SSE), and validated so a misbehaving server fails loudly as model_failed.
 */
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { openPostWithRetry, postJsonWithRetry, type OpenResponse, type RetryPolicy, AppError, errorMessage } from '../../../ingest/index.js';
import { completionChunkSchema, completionSchema, streamErrorSchema, toWireMessages } from './chat-protocol.js';
import { sseData } from './server-sent-events.js';

/** Settings of {@link OpenAIChatModel}. */
export interface OpenAIChatModelOptions extends BaseChatModelParams {
  /** Server root, e.g. "http://127.0.0.1:11434"; a trailing "/v1" is accepted too. */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when set. */
  apiKey?: string;
  /** Default 0: the same quotes should give the same answer. */
  temperature?: number;
  /** Upper bound on the answer's length in tokens. Default 400 (four short sentences need far fewer). */
  maxTokens?: number;
  /** Per attempt, including reading the whole (streamed) answer. Default 60,000: local models can be slow. */
  timeoutMs?: number;
  /** Retries on 429, 5xx and network errors before an answer starts. Default 2. */
  maxRetries?: number;
  /** First backoff delay in ms (doubles per retry). Default 500. */
  retryBaseDelayMs?: number;
}

/** An OpenAI-compatible chat-completions client. */
export class OpenAIChatModel extends BaseChatModel {
  readonly model: string;
  private readonly url: string;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: OpenAIChatModelOptions) {
    const { baseUrl: _baseUrl, model: _model, apiKey: _apiKey, temperature: _temperature, maxTokens: _maxTokens, timeoutMs: _timeout, maxRetries: _retries, retryBaseDelayMs: _delay, ...fields } = options;
    super(fields);
    this.model = options.model;
    this.url = `${options.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/chat/completions`;
    this.policy = {
      maxRetries: options.maxRetries ?? 2,
      timeoutMs: options.timeoutMs ?? 60_000,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      maxDelayMs: 60_000,
      server: 'chat server',
    };
  }

  override _llmType(): string {
    return 'openai-compatible';
  }

  override async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const json = await postJsonWithRetry(this.url, this.body(messages, options, false), this.headers(), this.policy);
    const parsed = completionSchema.safeParse(json);
    if (!parsed.success) this.fail(`answered without a message in "choices" (${parsed.error.issues[0]?.message ?? 'invalid'})`, parsed.error);
    const [choice] = parsed.data.choices;
    const text = choice!.message.content;
    const finishReason = choice!.finish_reason ?? null;
    const message = new AIMessage({ content: text, response_metadata: { finish_reason: finishReason, model_name: this.model } });
    return { generations: [{ text, message, generationInfo: { finish_reason: finishReason } }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const open = await openPostWithRetry(this.url, this.body(messages, options, true), this.headers(), this.policy);
    try {
      if (!open.response.body) this.fail('answered a streamed request without a body');
      let complete = false;
      for await (const data of sseData(open.response.body)) {
        if (data.trim() === '[DONE]') {
          complete = true;
          break;
        }
        const { content, finishReason } = this.readChunk(data);
        if (finishReason) complete = true;
        if (content || finishReason) {
          yield new ChatGenerationChunk({
            text: content,
            message: new AIMessageChunk({ content, response_metadata: finishReason ? { finish_reason: finishReason, model_name: this.model } : {} }),
            ...(finishReason ? { generationInfo: { finish_reason: finishReason } } : {}),
          });
        }
        if (content) await runManager?.handleLLMNewToken(content);
      }
      // A stream that stops without [DONE] or a finish reason was cut off: its answer may be half a sentence.
      if (!complete) this.fail('closed the stream before the answer was complete');
    } catch (error) {
      throw this.streamFailure(error, open);
    } finally {
      open.close();
    }
  }

  private body(messages: BaseMessage[], options: this['ParsedCallOptions'], stream: boolean): Record<string, unknown> {
    return {
      model: this.model,
      messages: toWireMessages(messages),
      temperature: this.options.temperature ?? 0,
      max_tokens: this.options.maxTokens ?? 400,
      stream,
      ...(options.stop?.length ? { stop: options.stop } : {}),
    };
  }

  private headers(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  private readChunk(data: string): { content: string; finishReason: string | null } {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch (error) {
      this.fail(`streamed an event that is not JSON: ${data.slice(0, 200)}`, error);
    }
    const error = streamErrorSchema.safeParse(json);
    if (error.success) this.fail(`reported an error in the stream: ${typeof error.data.error === 'string' ? error.data.error : error.data.error.message}`);
    const parsed = completionChunkSchema.safeParse(json);
    if (!parsed.success) this.fail(`streamed an event without valid "choices" (${parsed.error.issues[0]?.message ?? 'invalid'})`, parsed.error);
    const [choice] = parsed.data.choices;
    return { content: choice?.delta?.content ?? '', finishReason: choice?.finish_reason ?? null };
  }

  private streamFailure(error: unknown, open: OpenResponse): AppError {
    if (error instanceof AppError) return error;
    if (open.signal.aborted) return new AppError('timeout', `The chat server at ${this.url} did not finish its answer within ${this.policy.timeoutMs} ms.`, { cause: error });
    return new AppError('model_failed', `The chat server at ${this.url} broke off its streamed answer: ${errorMessage(error)}.`, { cause: error });
  }

  private fail(what: string, cause?: unknown): never {
    throw new AppError('model_failed', `The chat server at ${this.url} (model ${this.model}) ${what}.`, { cause });
  }
}
