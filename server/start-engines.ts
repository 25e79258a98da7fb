/**
 * The start of every long-running Grip process (`npm start`, `npm run mcp`): settings parsed once, the index
 * opened (and built from CORPUS_DIR when there is none), and the engine holder that reloads on a new generation.
 * Only the main.ts files call these; they own the process and the environment.
 */
import { ensureIndex, errorMessage, LanceStore, parseSettings, type Settings } from '../ingest/index.js';
import { loadEngine, readGlossary } from './bootstrap.js';
import { createEngineHolder, type EngineHolder } from './engine-holder.js';
import type { Logger } from './log.js';

/** How often a running process looks for a generation another process committed. */
export const RELOAD_INTERVAL_MS = 5000;

/** The settings of `env`; on a bad key, every problem goes to stderr and the process exits with 2. */
export function settingsOrExit(env: NodeJS.ProcessEnv): Settings {
  try {
    return parseSettings(env);
  } catch (error) {
    console.error(errorMessage(error));
    process.exit(2);
  }
}

/** Opens the index (building it when missing, reporting through `progress`) and the reloading engine holder. */
export async function startEngines(settings: Settings, log: Logger, progress: (line: string) => void): Promise<{ store: LanceStore; engines: EngineHolder }> {
  const store = await LanceStore.open(settings.INDEX_DIR);
  await ensureIndex(settings, store, progress);
  const glossary = readGlossary();
  const engines = createEngineHolder(store, () => loadEngine(settings, store, glossary), log);
  await engines.refresh();
  engines.watch(RELOAD_INTERVAL_MS);
  return { store, engines };
}
