/**
 * Holding the current engine and replacing it when the index changes — after an upload in this process, or when
 * another process (a CLI ingest) commits a new generation. Requests keep the engine they started with; a swap
 * never disturbs a request in flight.
 */
import { AppError, type LanceStore } from '../ingest/index.js';
import type { Engine } from './engine.js';
import type { Logger } from './log.js';
import type { EngineSource } from './routes/app-env.js';

/** An engine source that can reload. */
export interface EngineHolder extends EngineSource {
  /** Loads the committed generation if it differs from the current one. */
  refresh(): Promise<void>;
  /** Starts polling the store for new generations; returns a function that stops it. */
  watch(intervalMs: number): () => void;
}

/** Builds a holder around a loader that turns the store's current generation into an engine. */
export function createEngineHolder(store: LanceStore, load: () => Promise<Engine | null>, log: Logger): EngineHolder {
  let engine: Engine | null = null;
  let refreshing: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const refresh = async () => {
    const head = await store.head();
    if (head === null || head === engine?.snapshot.generation) return;
    const next = await load();
    if (next) {
      engine = next;
      log.info('index loaded', { generation: next.snapshot.generation, documents: next.documents.size, passages: next.snapshot.passageCount });
    }
  };
  return {
    current() {
      if (!engine) throw new AppError('index_missing', 'Er is nog geen index. Start de server opnieuw of voer "npm run ingest" uit.');
      return engine;
    },
    refresh() {
      const start = () => {
        refreshing = refresh().finally(() => {
          refreshing = null;
        });
        return refreshing;
      };
      if (!refreshing) return start();
      // A load already under way may have read the head before the caller's commit: run once more after it,
      // so an upload that awaits refresh() is answered only when its own generation serves.
      queued ??= refreshing.catch(() => undefined).then(() => {
        queued = null;
        return refreshing ?? start();
      });
      return queued;
    },
    watch(intervalMs) {
      const timer = setInterval(() => {
        this.refresh().catch((error: unknown) => log.warn('index reload failed', { error }));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
