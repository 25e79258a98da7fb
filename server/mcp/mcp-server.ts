/**
 * Grip as a Model Context Protocol server (the official SDK): the tools and the document resources over any
 * transport — Streamable HTTP at /mcp in the web server, stdio in `npm run mcp`. Building one does no I/O.
 */
import { createRequire } from 'node:module';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerDocumentResources } from './document-resources.js';
import type { McpDeps } from './mcp-deps.js';
import { registerTools } from './tools.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** What a host's model is told about the server. */
const INSTRUCTIONS = [
  'Grip beantwoordt vragen van de gemeenteraad van Groningen over WIJ Groningen uit raadsdocumenten.',
  'Gebruik "ask" voor een vraag: het antwoord bestaat uit letterlijke citaten met nummers [n] en een bronnenlijst; geef die ongewijzigd door en voeg geen feiten toe.',
  'Zegt Grip "Dit staat niet in de documenten", dan staat het antwoord er niet in.',
  'Gebruik "search" en "get_passage" om zelf passages te lezen, "locate_quote" om na te gaan waar een citaat staat, en "list_documents" of de resources voor de documenten.',
].join(' ');

/** Builds an MCP server over `deps`; connect it to a transport to serve. */
export function createMcpServer(deps: McpDeps): McpServer {
  const server = new McpServer({ name: 'grip', title: 'Grip', version }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
  registerTools(server, deps);
  registerDocumentResources(server, deps);
  return server;
}
