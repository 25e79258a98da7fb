/**
 * `npm run --silent mcp`: Grip as an MCP server over stdio, for hosts that start their servers as a child process
 * (Claude Desktop, editors). The same settings and index as `npm start` — built from CORPUS_DIR when INDEX_DIR
 * holds none, reloaded when an ingest or upload commits a new generation. stdout carries the protocol only:
 * progress and logs go to stderr. The process ends when the host closes stdin.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { errorMessage } from '../../ingest/index.js';
import { createAnswerer } from '../answer/generate/create-answerer.js';
import { createLogger } from '../log.js';
import { settingsOrExit, startEngines } from '../start-engines.js';
import { createMcpServer } from './mcp-server.js';

async function main(): Promise<void> {
  const settings = settingsOrExit(process.env);
  const log = createLogger(settings.LOG_LEVEL);
  // stdout carries the protocol: progress goes to stderr.
  const { engines } = await startEngines(settings, log, (line) => console.error(line));
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
