/**
 * The documents as MCP resources: `grip://documents/{documentId}`, listed with title, type and date, read as the
 * document's clean text (what its passages were cut from). An unknown document is the protocol's "resource not
 * found" error.
 */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { documentList } from '../routes/document-routes.js';
import type { McpDeps } from './mcp-deps.js';

/** JSON-RPC error code of an unknown resource (MCP specification, "Resources"). */
export const RESOURCE_NOT_FOUND = -32002;

const PREFIX = 'grip://documents/';

/** The resource URI of a document. */
export function documentUri(documentId: string): string {
  return `${PREFIX}${encodeURIComponent(documentId)}`;
}

function decoded(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Registers the document resources on `server`. */
export function registerDocumentResources(server: McpServer, deps: McpDeps): void {
  const template = new ResourceTemplate(`${PREFIX}{documentId}`, {
    list: () => ({
      resources: documentList(deps.engines.current()).map((record) => ({
        uri: documentUri(record.documentId),
        name: record.documentId,
        title: record.title,
        description: [record.docType, record.date ?? record.year ?? '', record.organisation ?? ''].filter(Boolean).join(', '),
        mimeType: 'text/plain',
      })),
    }),
  });
  server.registerResource('document', template, { title: 'Document', description: 'De tekst van een geïndexeerd raadsdocument.', mimeType: 'text/plain' }, async (uri, variables) => {
    const id = decoded(variables.documentId);
    const engine = deps.engines.current();
    const text = engine.documents.has(id) ? await engine.snapshot.documentText(id) : null;
    if (!text) throw new McpError(RESOURCE_NOT_FOUND, `Er is geen document met id "${id.slice(0, 200)}".`, { uri: uri.href });
    return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: text.cleanText }] };
  });
}
