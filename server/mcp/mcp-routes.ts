/**
 * MCP over Streamable HTTP at /mcp, stateless: each POST gets a fresh server and transport that answer it (as
 * JSON) and are closed, so there are no sessions to keep, expire or lose on a restart, and any instance behind a
 * load balancer can answer. GET (a server-to-client stream) and DELETE (ending a session) have nothing to serve
 * without sessions and answer 405, as the specification allows. The API guard has already checked the read
 * token and the rate limit; refusals before the protocol runs are JSON-RPC errors too.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppError } from '../../ingest/index.js';
import { statusOf } from '../errors.js';
import type { AppEnv } from '../routes/app-env.js';
import { createMcpServer } from './mcp-server.js';

/** JSON-RPC error code the SDK uses for requests refused before they reach the protocol. */
export const REQUEST_REFUSED = -32000;

/** A refusal (401, 413, 429, 503…) as a JSON-RPC error with the status of its code. */
export function jsonRpcErrorResponse(c: Context, error: AppError): Response {
  return c.json({ jsonrpc: '2.0', error: { code: REQUEST_REFUSED, message: error.message, data: { code: error.code } }, id: null }, statusOf(error.code));
}

/** The /mcp route. */
export function mcpRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/', async (c) => {
    const { engines, answerer, log, settings } = c.get('deps');
    const server = createMcpServer({ engines, answerer, log, webUrl: settings.PUBLIC_URL ?? new URL(c.req.url).origin });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      // With JSON responses the transport resolves once every answer is in, so closing afterwards loses nothing.
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
  routes.on(['GET', 'DELETE'], '/', (c) => {
    c.header('Allow', 'POST');
    return c.json({ jsonrpc: '2.0', error: { code: REQUEST_REFUSED, message: 'Deze MCP-server is staatloos: stuur elk verzoek met POST.' }, id: null }, 405);
  });
  return routes;
}
