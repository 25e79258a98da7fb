/**
 * The answerer the settings ask for: generation with an OpenAI-compatible chat model when CHAT_BASE_URL and
 * CHAT_MODEL are set, otherwise none (the extractive composer answers alone). Used by the server, `npm run ask`
 * and `npm run eval`, so all three answer the same way.
 */
import type { Settings } from '../../../ingest/index.js';
import type { Logger } from '../../log.js';
import { generativeAnswerer, type Answerer } from './generate-answer.js';
import { OpenAIChatModel } from './openai-chat-model.js';

/** Builds the configured answerer, or undefined for the extractive default. */
export function createAnswerer(settings: Settings, log: Logger): Answerer | undefined {
  if (!settings.CHAT_BASE_URL || !settings.CHAT_MODEL) return undefined;
  const model = new OpenAIChatModel({
    baseUrl: settings.CHAT_BASE_URL,
    model: settings.CHAT_MODEL,
    ...(settings.CHAT_API_KEY ? { apiKey: settings.CHAT_API_KEY } : {}),
    timeoutMs: settings.CHAT_TIMEOUT_MS,
  });
  return generativeAnswerer({ model, log, name: `openai-compatible:${settings.CHAT_MODEL}` });
}
