/**
 * `npm start`: parse the settings once, build the index from data/corpus when there is none, load it and serve
 * the API and the web chat on HOST:PORT.
 */
import { serve } from '@hono/node-server';
import { createDocumentService, errorMessage } from '../ingest/index.js';
import { createAnswerer } from './answer/generate/create-answerer.js';
import { createApp } from './app.js';
import { WEB_DIR } from './bootstrap.js';
import { openFeedbackStore } from './feedback/feedback-store.js';
import { createLogger } from './log.js';
import { settingsOrExit, startEngines } from './start-engines.js';

async function main(): Promise<void> {
  const settings = settingsOrExit(process.env);
  const log = createLogger(settings.LOG_LEVEL);
  const { store, engines } = await startEngines(settings, log, (line) => console.log(line));
  const documents = createDocumentService({ settings, store, engines, log });
  const answerer = createAnswerer(settings, log);
  const feedback = await openFeedbackStore(settings.FEEDBACK_DIR);
  const app = createApp({ engines, store, log, webDir: WEB_DIR, embedderName: () => engineEmbedder(engines), settings, documents, answerer, feedback });
  const server = serve({ fetch: app.fetch, hostname: settings.HOST, port: settings.PORT }, (info) => {
    console.log(`Grip luistert op http://${settings.HOST}:${info.port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function engineEmbedder(engines: { current(): { snapshot: { manifest: { embedder: { kind: string; model: string } } } } }): string {
  const { kind, model } = engines.current().snapshot.manifest.embedder;
  return `${kind}:${model}`;
}

main().catch((error: unknown) => {
  console.error(`Grip kon niet starten: ${errorMessage(error)}`);
  process.exit(1);
});
