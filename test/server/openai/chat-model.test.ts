import type { ServerResponse } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../../server/answer/types.js';
import type { GripExtra } from '../../../server/openai/completion.js';
import { citationsValid } from '../../eval/score.js';
import { reply, startFakeChatServer, type ChatRequest, type FakeChatServer } from '../../support/fake-chat-server.js';
import { startGripServer, type GripServer } from '../../support/grip-server.js';
import { textOf, type ToolResult } from '../mcp/mcp-results.js';

const QUESTION = 'Hoe hoog was het ziekteverzuimpercentage van WIJ in 2022?';
const GENERATED = 'Het ziekteverzuimpercentage van WIJ was 8,9% [1].';
const INVENTED = 'Het ziekteverzuimpercentage van WIJ was 12,5% [1].';

let chat: FakeChatServer;
let grip: GripServer;
let openai: OpenAI;
let mcp: Client;
let answerWith: (request: ChatRequest, response: ServerResponse) => void;

beforeAll(async () => {
  chat = await startFakeChatServer((request, response) => answerWith(request, response));
  grip = await startGripServer({ env: { CHAT_BASE_URL: chat.url, CHAT_MODEL: 'test-model', CHAT_TIMEOUT_MS: '2000' } });
  openai = new OpenAI({ baseURL: `${grip.url}/v1`, apiKey: 'none', maxRetries: 0 });
  mcp = new Client({ name: 'grip-test', version: '1.0.0' });
  await mcp.connect(new StreamableHTTPClientTransport(new URL(`${grip.url}/mcp`)));
});
afterAll(async () => {
  await mcp.close();
  await grip.close();
  await chat.close();
});
beforeEach(() => {
  chat.requests.length = 0;
  answerWith = (_request, response) => reply(GENERATED)(response);
});

async function apiAsk(): Promise<AskResponse> {
  const response = await fetch(`${grip.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
  return (await response.json()) as AskResponse;
}

/** The answer through each endpoint: /api/ask, /v1 whole and streamed, and MCP `ask`. */
async function everywhere() {
  const asked = await apiAsk();
  const whole = (await openai.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: QUESTION }] })) as ChatCompletion & { grip: GripExtra };
  let streamedText = '';
  let streamedExtra: GripExtra | undefined;
  for await (const chunk of await openai.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: QUESTION }], stream: true })) {
    streamedText += chunk.choices[0]?.delta.content ?? '';
    streamedExtra = (chunk as { grip?: GripExtra }).grip ?? streamedExtra;
  }
  const tool = (await mcp.callTool({ name: 'ask', arguments: { question: QUESTION } })) as ToolResult;
  return { asked, whole, streamedText, streamedExtra, tool };
}

describe('the chat model behind /v1/chat/completions and MCP', () => {
  it('gives the generated answer everywhere when it passes the citation check', async () => {
    const { asked, whole, streamedText, streamedExtra, tool } = await everywhere();
    expect(asked.answer).toBe(GENERATED);
    expect(chat.requests).toHaveLength(4);
    const content = whole.choices[0]!.message.content ?? '';
    expect(content.startsWith(`${GENERATED}\n\n**Bronnen**`)).toBe(true);
    expect(streamedText).toBe(content);
    expect(textOf(tool)).toBe(content);
    for (const citations of [whole.grip.citations, streamedExtra?.citations, (tool.structuredContent as unknown as AskResponse).citations]) {
      expect(citations).toEqual(asked.citations);
    }
    expect(citationsValid(GENERATED, asked.citations)).toBe(true);
  });

  it('gives the extractive answer everywhere when the model invents a figure', async () => {
    answerWith = (_request, response) => reply(INVENTED)(response);
    const { asked, whole, streamedText, tool } = await everywhere();
    expect(asked.answer).not.toContain('12,5%');
    expect(asked.answer).toContain('“');
    const content = whole.choices[0]!.message.content ?? '';
    expect(content.startsWith(asked.answer.trim())).toBe(true);
    expect(content).not.toContain('12,5%');
    expect(streamedText).toBe(content);
    expect((tool.structuredContent as unknown as AskResponse).answer).toBe(asked.answer);
    expect(whole.grip.citations).toEqual(asked.citations);
  });

  it('gives the extractive answer when the chat server fails, and no error to the client', async () => {
    answerWith = (_request, response) => response.writeHead(400).end('{"error":{"message":"unknown model"}}');
    const { asked, whole, tool } = await everywhere();
    expect(asked.status).toBe('answered');
    expect(whole.choices[0]!.message.content?.startsWith(asked.answer.trim())).toBe(true);
    expect(tool.isError).toBeFalsy();
  });
});
