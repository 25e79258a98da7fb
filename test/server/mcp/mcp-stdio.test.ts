import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../../server/answer/types.js';
import { passageUrl } from '../../../server/markdown/answer-markdown.js';
import { startGripServer, type GripServer } from '../../support/grip-server.js';
import { REPO_ROOT } from '../../support/server-process.js';
import { textOf, type ToolResult } from './mcp-results.js';

const QUESTION = 'What was the sickness absence rate at WIJ in 2022?';
const PUBLIC_URL = 'https://grip.example.nl';

let server: GripServer;
let transport: StdioClientTransport;
let client: Client;
const errors: Error[] = [];
let stderr = '';

beforeAll(async () => {
  // The HTTP server builds the temp index; the stdio server reads the same one, so their answers can be compared.
  server = await startGripServer();
  transport = new StdioClientTransport({
    command: 'npm',
    args: ['run', '--silent', 'mcp'],
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', INDEX_DIR: server.indexDir, LOG_LEVEL: 'info', PUBLIC_URL },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: 'grip-test', version: '1.0.0' });
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
});
afterAll(async () => {
  await client?.close();
  await server.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

describe('MCP over stdio (npm run mcp)', () => {
  it('lists the same tools as over HTTP', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'get_passage', 'list_documents', 'locate_quote', 'search']);
  });

  it('answers ask as /api/ask does, linking sources to PUBLIC_URL', async () => {
    const result = await call('ask', { question: QUESTION });
    const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    const asked = (await response.json()) as AskResponse;
    expect(result.structuredContent).toEqual(asked);
    expect(asked.query.language).toBe('en');
    const text = textOf(result);
    expect(text.startsWith(asked.answer.trim())).toBe(true);
    expect(text).toContain('**Sources**');
    for (const citation of asked.citations) expect(text).toContain(`(${passageUrl(PUBLIC_URL, citation.passageId)})`);
  });

  it('serves the documents as resources and reports bad input as isError results', async () => {
    const { resources } = await client.listResources();
    expect(resources).toHaveLength(5);
    const read = await client.readResource({ uri: resources[0]!.uri });
    expect((read.contents[0] as { text: string }).text.length).toBeGreaterThan(100);
    const bad = await call('search', { question: '' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain('de vraag is leeg');
    expect((await call('list_documents', {})).isError).toBeFalsy();
  });

  it('keeps stdout to the protocol: no stray line reached the client, logs went to stderr', () => {
    expect(errors).toEqual([]);
    expect(stderr).toContain('mcp server ready on stdio');
  });

  it('exits when the client closes stdin', async () => {
    const pid = transport.pid;
    expect(pid).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => {
      // The SDK gives no exit event; poll the pid until the process is gone.
      const timer = setInterval(() => {
        try {
          process.kill(pid!, 0);
        } catch {
          clearInterval(timer);
          resolve(pid);
        }
      }, 50);
    });
    await client.close();
    expect(await exited).toBe(pid);
  });
});
