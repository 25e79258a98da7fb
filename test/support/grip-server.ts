/**
 * A real Grip server for tests: the default corpus (plus any extra files) copied to a temp folder, indexed into a
 * temp LanceDB store with the same bootstrap functions `npm start` uses, and served on 127.0.0.1 on a free port.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import { createAnswerer } from '../../server/answer/generate/create-answerer.js';
import { createApp } from '../../server/app.js';
import { createDocumentService, ensureIndex } from '../../ingest/index.js';
import { loadEngine, readGlossary, WEB_DIR } from '../../server/bootstrap.js';
import { createEngineHolder } from '../../server/engine-holder.js';
import { createLogger } from '../../server/log.js';
import { openFeedbackStore } from '../../server/feedback/feedback-store.js';
import type { AppEnv } from '../../server/routes/app-env.js';
import { retryingRequest } from './retrying-fetch.js';

/** The repository's default corpus. */
export const DEFAULT_CORPUS = fileURLToPath(new URL('../../data/corpus/', import.meta.url));

/** A running test server. */
export interface GripServer {
  url: string;
  app: Hono<AppEnv>;
  /** The index folder. */
  indexDir: string;
  close(): Promise<void>;
}

/** Options of {@link startGripServer}. */
export interface GripServerOptions {
  extraFiles?: string[];
  /** False skips the socket, for `app.request()` tests. */
  listen?: boolean;
  /** Extra settings (ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE, …), as environment variables. */
  env?: Record<string, string>;
  /** Runs on the built index before the server loads it (to add rows a test controls). */
  prepareIndex?(store: LanceStore): Promise<void>;
}

async function corpusWith(extraFiles: string[]): Promise<{ root: string; corpus: string }> {
  const root = await mkdtemp(join(tmpdir(), 'grip-test-'));
  const corpus = join(root, 'corpus');
  await mkdir(corpus);
  for (const name of await readdir(DEFAULT_CORPUS)) await copyFile(join(DEFAULT_CORPUS, name), join(corpus, name));
  for (const file of extraFiles) await copyFile(file, join(corpus, basename(file)));
  return { root, corpus };
}

/**
 * Polls /health until the server answers 200 over a real connection, retrying refused and reset connections;
 * tests start once the socket serves requests, not merely once it listens. `Connection: close` keeps the probe
 * out of fetch's connection pool, so a test's first request opens its own connection as it would without it.
 */
export async function waitUntilServing(url: string, timeoutMs = 120_000): Promise<void> {
  const status = await retryingRequest(() => healthStatus(url), { timeoutMs });
  if (status !== 200) throw new Error(`${url}/health answered ${status} while the test server started.`);
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = get(`${url}/health`, { agent: false, headers: { connection: 'close' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    probe.on('error', reject);
  });
}

/** Builds the index and the app; `listen: false` skips the socket for `app.request()` tests. */
export async function startGripServer(options: GripServerOptions = {}): Promise<GripServer> {
  const { root, corpus } = await corpusWith(options.extraFiles ?? []);
  // Rate limits off unless a test asks for them: suites that send many questions are not testing the limiter.
  const env = { INDEX_DIR: join(root, 'index'), FEEDBACK_DIR: join(root, 'feedback'), CORPUS_DIR: corpus, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...options.env };
  const settings = parseSettings(env);
  const log = createLogger('silent');
  const store = await LanceStore.open(settings.INDEX_DIR);
  await ensureIndex(settings, store, () => {});
  await options.prepareIndex?.(store);
  const glossary = readGlossary();
  const engines = createEngineHolder(store, () => loadEngine(settings, store, glossary), log);
  await engines.refresh();
  const documents = createDocumentService({ settings, store, engines, log });
  const feedback = await openFeedbackStore(settings.FEEDBACK_DIR);
  const app = createApp({ engines, store, log, webDir: WEB_DIR, embedderName: () => 'test', settings, documents, answerer: createAnswerer(settings, log), feedback });
  const cleanUp = () => rm(root, { recursive: true, force: true });
  if (options.listen === false) return { url: '', app, indexDir: settings.INDEX_DIR, close: cleanUp };
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  // Node closes idle keep-alive connections after 5 s; on a loaded machine the client can reuse one just as it
  // closes and get ECONNRESET on a request it cannot safely resend (an upload). A long idle timeout keeps that
  // race out of test runs; fetch follows the server's Keep-Alive hint, so it still drops the socket first.
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url);
  return {
    url,
    app,
    indexDir: settings.INDEX_DIR,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cleanUp();
    },
  };
}
