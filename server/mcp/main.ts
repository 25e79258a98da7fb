/**
 * `npm run --silent mcp`: Grip as an MCP server over stdio, for hosts that start their servers as a child process
 * (Claude Desktop, editors). The same settings and index as `npm start` — built from CORPUS_DIR when INDEX_DIR
 * holds none, reloaded when an ingest or upload commits a new generation. stdout carries the protocol only:
 * progress and logs go to stderr. The process ends when the host closes stdin.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ensureIndex, errorMessage, LanceStore, parseSettings, type Settings } from '../../ingest/index.js';
import { createAnswerer } from '../answer/generate/create-answerer.js';
import { loadEngine, readGlossary } from '../bootstrap.js';
import { createEngineHolder } from '../engine-holder.js';
import { createLogger } from '../log.js';
import { createMcpServer } from './mcp-server.js';

const RELOAD_INTERVAL_MS = 5000;

function readSettings(): Settings {
  try {
    return parseSettings(process.env);
  } catch (error) {
    console.error(errorMessage(error));
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const settings = readSettings();
  const log = createLogger(settings.LOG_LEVEL);
  const store = await LanceStore.open(settings.INDEX_DIR);
  await ensureIndex(settings, store, (line) => console.error(line));
  const glossary = readGlossary();
  const engines = createEngineHolder(store, () => loadEngine(settings, store, glossary), log);
  await engines.refresh();
  engines.watch(RELOAD_INTERVAL_MS);
  const server = createMcpServer({ engines, answerer: createAnswerer(settings, log), webUrl: settings.PUBLIC_URL, log });
  const transport = new StdioServerTransport();
  // The host ends the server by closing stdin (or with a signal); nothing is written that a stop could cut off.
  const stop = () => void server.close().finally(() => process.exit(0));
  process.stdin.once('end', stop);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await server.connect(transport);
  log.info('mcp server ready on stdio');
}

main().catch((error: unknown) => {
  console.error(`Grip (MCP) kon niet starten: ${errorMessage(error)}`);
  process.exit(1);
});
