import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../../server/answer/types.js';
import { passageUrl } from '../../../server/markdown/answer-markdown.js';
import { RESOURCE_NOT_FOUND } from '../../../server/mcp/document-resources.js';
import { startGripServer, type GripServer } from '../../support/grip-server.js';
import { textOf, type ToolResult } from './mcp-results.js';

const READER = 'lees-sleutel-mcp';
const QUESTION = 'Hoe hoog was het ziekteverzuimpercentage van WIJ in 2022?';

let server: GripServer;
let client: Client;

function connect(token?: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {});
  const next = new Client({ name: 'grip-test', version: '1.0.0' });
  return next.connect(transport).then(() => next);
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`${server.url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${READER}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

beforeAll(async () => {
  server = await startGripServer({ env: { READ_TOKEN: READER } });
  client = await connect(READER);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('MCP over Streamable HTTP at /mcp', () => {
  it('introduces itself and lists the five tools with the HTTP API\'s input schemas', async () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'grip' });
    expect(client.getInstructions()).toContain('ask');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'get_passage', 'list_documents', 'locate_quote', 'search']);
    const ask = tools.find((tool) => tool.name === 'ask')!;
    expect(ask.inputSchema.required).toEqual(['question']);
    expect(Object.keys(ask.inputSchema.properties ?? {}).sort()).toEqual(['detectFilters', 'filters', 'history', 'k', 'question']);
    expect(ask.annotations?.readOnlyHint).toBe(true);
  });

  it('ask gives the /api/ask response as structured content and the answer with linked footnotes as text', async () => {
    const [result, asked] = await Promise.all([call('ask', { question: QUESTION }), api<AskResponse>('/api/ask', { question: QUESTION })]);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(asked);
    const text = textOf(result);
    expect(text.startsWith(asked.answer.trim())).toBe(true);
    for (const citation of asked.citations) expect(text).toContain(`- [${citation.n}] *`);
    expect(text).toContain(passageUrl(server.url, asked.citations[0]!.passageId));
  });

  it('ask passes history and filters through, and says when the documents do not answer', async () => {
    const history = [{ role: 'user', content: QUESTION }, { role: 'assistant', content: 'Het was 8,9%.' }];
    const body = { question: 'En in 2021?', history, filters: { docType: ['jaarverslag'] } };
    const [result, asked] = await Promise.all([call('ask', body), api<AskResponse>('/api/ask', body)]);
    expect(result.structuredContent).toEqual(asked);
    expect(asked.query.followUp).toBe(true);
    const refused = await call('ask', { question: 'Wie won de Tour de France in 2019?' });
    expect((refused.structuredContent as unknown as AskResponse).status).toBe('not_found');
    expect(textOf(refused)).toMatch(/niet in de documenten/);
  });

  it('search, get_passage, list_documents and locate_quote give what their HTTP routes give', async () => {
    const found = await call('search', { question: QUESTION, k: 5 });
    const ranked = await api<{ passages: { passageId: string; text: string }[] }>('/api/search', { question: QUESTION, k: 5 });
    expect(found.structuredContent).toEqual(ranked);
    expect(ranked.passages).toHaveLength(5);
    for (const hit of ranked.passages) expect(textOf(found)).toContain(hit.passageId);

    const id = ranked.passages[0]!.passageId;
    const passage = await call('get_passage', { passageId: id });
    expect(passage.structuredContent).toEqual(await api(`/api/passages/${encodeURIComponent(id)}`));
    expect(textOf(passage)).toContain(ranked.passages[0]!.text.trim().split('\n')[0]);

    const documents = await call('list_documents', {});
    const listed = await api<{ documents: { documentId: string }[] }>('/api/documents');
    expect(documents.structuredContent).toEqual(listed);
    for (const document of listed.documents) expect(textOf(documents)).toContain(`grip://documents/${document.documentId}`);

    const quote = ranked.passages[0]!.text.slice(0, 80);
    const located = await call('locate_quote', { text: quote });
    const body = await api<{ exact: { passageId: string }[] }>('/api/locate', { text: quote });
    expect(located.structuredContent).toEqual(body);
    expect(body.exact.map((match) => match.passageId)).toContain(id);
    expect(textOf(located)).toMatch(/^Staat letterlijk in:/);
  });

  it('offers every document as a resource with its clean text', async () => {
    const { resources } = await client.listResources();
    const listed = await api<{ documents: { documentId: string; title: string }[] }>('/api/documents');
    expect(resources.map((r) => r.uri)).toEqual(listed.documents.map((d) => `grip://documents/${d.documentId}`));
    expect(resources[0]).toMatchObject({ title: listed.documents[0]!.title, mimeType: 'text/plain' });
    const read = await client.readResource({ uri: resources[0]!.uri });
    const { text } = await api<{ text: string }>(`/api/documents/${encodeURIComponent(listed.documents[0]!.documentId)}/text`);
    expect(read.contents).toEqual([{ uri: resources[0]!.uri, mimeType: 'text/plain', text }]);
  });
});

describe('MCP over HTTP with bad input', () => {
  it('reports invalid tool input as an isError result naming the problem, and keeps serving', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['ask', { question: '   ' }, /de vraag is leeg/],
      ['ask', { question: 'x'.repeat(2001) }, /2000/],
      ['ask', { question: QUESTION, unknown: true }, /unknown/i],
      ['ask', {}, /question/],
      ['search', { question: QUESTION, k: 500 }, /k/],
      ['get_passage', { passageId: '' }, /passage-id is leeg/],
      ['locate_quote', { text: 42 }, /text/],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(name, args);
      expect(result.isError, `${name} ${JSON.stringify(args).slice(0, 60)}`).toBe(true);
      expect(textOf(result)).toMatch(message);
    }
    expect((await call('ask', { question: QUESTION })).isError).toBeFalsy();
  });

  it('reports an unknown passage as an isError result, an unknown tool as an error, and an unknown resource as -32002', async () => {
    const missing = await call('get_passage', { passageId: 'bestaat-niet' });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('Er is geen passage met id "bestaat-niet"');
    const unknown = await call('vertaal', { text: 'hallo' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('vertaal');
    const error = await client.readResource({ uri: 'grip://documents/bestaat-niet' }).then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(RESOURCE_NOT_FOUND);
  });

  it('refuses a missing or wrong token with 401 before the protocol starts', async () => {
    for (const token of [undefined, 'fout']) {
      const error = await connect(token).then(() => undefined, (reason: unknown) => reason);
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).toMatch(/401|Unauthorized|READ_TOKEN/i);
    }
    const raw = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
    expect(raw.status).toBe(401);
    expect(raw.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await raw.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000, message: expect.stringContaining('READ_TOKEN') } });
  });

  it('refuses a request body over the limit with 413, and the next call works', async () => {
    const error = await call('locate_quote', { text: 'x'.repeat(1_100_000) }).then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(StreamableHTTPError);
    expect((error as StreamableHTTPError).code).toBe(413);
    expect(String(error)).toContain('Het verzoek is groter dan 1024 kB.');
    expect((await call('list_documents', {})).isError).toBeFalsy();
  });

  it('answers malformed JSON-RPC with a parse error, and GET with 405', async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${READER}` };
    const malformed = await fetch(`${server.url}/mcp`, { method: 'POST', headers, body: '{"jsonrpc":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } });
    const get = await fetch(`${server.url}/mcp`, { headers });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});
