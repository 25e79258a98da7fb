/**
 * The source links of answers given over the OpenAI-compatible API, followed in Chromium: "#/passage/<id>" opens
 * the web chat with that passage in the source panel; an unknown passage shows the "not found" page.
 */
import OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GripExtra } from '../../server/openai/completion.js';
import { startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e?.close());

describe('a source link from /v1/chat/completions', () => {
  it('opens the chat with the cited passage in the source panel', async () => {
    const client = new OpenAI({ baseURL: `${e2e.server.url}/v1`, apiKey: 'none', maxRetries: 0 });
    const completion = (await client.chat.completions.create({ model: 'grip', messages: [{ role: 'user', content: 'Hoe hoog was het ziekteverzuimpercentage van WIJ in 2022?' }] })) as ChatCompletion & { grip: GripExtra };
    const citation = completion.grip.citations[0]!;
    const link = /\[bekijk in Grip\]\((http[^)]+)\)/.exec(completion.choices[0]!.message.content ?? '')?.[1];
    expect(link).toBeDefined();
    const { page, problems } = await e2e.open(link!.slice(e2e.server.url.length));
    const panel = page.locator('dialog.source-panel[open]');
    await panel.waitFor();
    expect(await panel.locator('.panel-title').textContent()).toBe(citation.title);
    // A table passage is shown as a table, whose cells' text runs together: compare without white space.
    const bare = (text: string | null) => (text ?? '').replace(/\s+/g, '');
    expect(bare(await panel.locator(`.passage-cited[data-passage="${citation.passageId}"]`).textContent())).toContain(bare(citation.quote.slice(0, 40)));
    expect(await page.locator('#view-chat').isHidden()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('shows the "not found" page for an unknown passage', async () => {
    const { page } = await e2e.open('/#/passage/bestaat-niet');
    await page.getByRole('heading', { name: 'Deze pagina bestaat niet.' }).waitFor();
    expect(await page.locator('dialog.source-panel[open]').count()).toBe(0);
  });
});
