/**
 * What the MCP server is built from — the same parts the HTTP app answers with, so a tool call and the route it
 * mirrors give the same result.
 */
import type { Answerer } from '../answer/generate/generate-answer.js';
import type { Logger } from '../log.js';
import type { EngineSource } from '../routes/app-env.js';

/** Dependencies of {@link createMcpServer}. */
export interface McpDeps {
  engines: EngineSource;
  /** The configured chat-model answerer (CHAT_BASE_URL), if any; its citation gate applies as on /api/ask. */
  answerer?: Answerer | undefined;
  /** The web chat's address for source links; undefined gives answers without links. */
  webUrl?: string | undefined;
  log: Logger;
}
