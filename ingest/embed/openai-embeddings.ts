/**
 * Embeddings from any server that speaks OpenAI's `POST /v1/embeddings` (Ollama, vLLM, TEI, LM Studio,
 * OpenAI itself): batched, retried, timed out, and validated, so a misbehaving server fails loudly instead
 * of writing wrong vectors into the index.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { EmbedderDescription } from './embedder-description.js';
import { postJsonWithRetry } from './post-json-with-retry.js';
import type { RetryPolicy } from './post-json-with-retry.js';

/** Settings of {@link OpenAIEmbeddings}. */
export interface OpenAIEmbeddingsOptions {
  /** Server root, e.g. "http://127.0.0.1:11434"; a trailing "/v1" is accepted too. */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when set. */
  apiKey?: string;
  /** Texts per request. Default 64. */
  batchSize?: number;
  /** Retries per request on 429, 5xx and network errors. Default 3. */
  maxRetries?: number;
  /** Per attempt. Default 30,000. */
  timeoutMs?: number;
  /** Expected vector length; discovered from the first response when not set. */
  dimensions?: number;
  /** First backoff delay in ms (doubles per retry). Default 500. */
  retryBaseDelayMs?: number;
}

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/** An OpenAI-compatible embeddings client behind LangChain's Embeddings interface. */
export class OpenAIEmbeddings extends Embeddings {
  private readonly url: string;
  private readonly policy: RetryPolicy;
  private readonly batchSize: number;
  private dimensions: number | undefined;

  constructor(private readonly options: OpenAIEmbeddingsOptions) {
    super({ maxRetries: 0 });
    this.url = `${options.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/embeddings`;
    this.batchSize = Math.max(1, options.batchSize ?? 64);
    this.dimensions = options.dimensions;
    this.policy = {
      maxRetries: options.maxRetries ?? 3,
      timeoutMs: options.timeoutMs ?? 30_000,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      maxDelayMs: 60_000,
    };
  }

  /** Embeds `texts` in batches of `batchSize`, one request at a time, in order. */
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + this.batchSize))));
    }
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([text]);
    return vector!;
  }

  /** `{ kind: 'openai', model, dimensions }`; dimensions is 0 until configured or seen in a response. */
  describe(): EmbedderDescription {
    return { kind: 'openai', model: this.options.model, dimensions: this.dimensions ?? 0 };
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    const headers: Record<string, string> = this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
    const body = { model: this.options.model, input, encoding_format: 'float' };
    const json = await postJsonWithRetry(this.url, body, headers, this.policy);
    return this.validate(json, input.length);
  }

  private validate(json: unknown, expected: number): number[][] {
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) this.fail(`answered without a valid "data" list of embeddings (${parsed.error.issues[0]?.message ?? 'invalid'})`, parsed.error);
    const items = [...parsed.data.data].sort((a, b) => a.index - b.index);
    if (items.length !== expected || items.some((item, position) => item.index !== position)) {
      this.fail(`returned ${items.length} embeddings for ${expected} texts`);
    }
    const dimensions = this.dimensions ?? items[0]?.embedding.length ?? 0;
    const wrong = items.find((item) => item.embedding.length !== dimensions || dimensions === 0);
    if (wrong !== undefined) this.fail(`returned a vector of ${wrong.embedding.length} numbers where ${dimensions} were expected`);
    this.dimensions = dimensions;
    return items.map((item) => item.embedding);
  }

  private fail(what: string, cause?: unknown): never {
    throw new AppError('model_failed', `The embedding server at ${this.url} (model ${this.options.model}) ${what}.`, { cause });
  }
}
