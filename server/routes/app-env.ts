/**
 * The Hono environment of the app: the dependencies every route reads from the context.
 */
import type { DocumentService, LanceStore, Settings } from '../../ingest/index.js';
import type { Answerer } from '../answer/generate/generate-answer.js';
import type { Engine } from '../engine.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { Logger } from '../log.js';

/** Gives the current engine; throws `index_missing` while there is none. */
export interface EngineSource {
  current(): Engine;
}

/** What the app is built from. */
export interface AppDeps {
  engines: EngineSource;
  store: LanceStore;
  log: Logger;
  /** Folder with the web app's static files. */
  webDir: string;
  /** Name of the embedder, for /health. */
  embedderName(): string;
  /** Parsed settings: tokens, rate limit and upload limits. */
  settings: Settings;
  /** Uploads and deletes. */
  documents: DocumentService;
  /** Generation over the extractive answer (CHAT_BASE_URL/CHAT_MODEL); absent, the extractive answer is given as is. */
  answerer?: Answerer;
  /** Readers' feedback on answers, kept apart from the index. */
  feedback: FeedbackStore;
}

/** Hono environment: `c.get('deps')`. */
export interface AppEnv {
  Variables: { deps: AppDeps };
}
