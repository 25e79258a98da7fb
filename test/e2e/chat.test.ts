/**
 * The web chat in Chromium against a real server on the default corpus: a streamed answer with citations, the
 * source panel, follow-ups, "not found", filter chips, and the griffie's copy, export and print.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceLine } from '../../server/answer/source-line.js';
import { ask, chatEvents, finished, squash, startE2e, citationsOf, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e?.close());

const SUBSIDY = 'Hoeveel subsidie kreeg WIJ in 2022 van de gemeente?';
// Nothing in the corpus is about football; the question must be answered with "not found".
const ABSENT = 'Welke voetbalclub sponsort WIJ Groningen?';

describe('asking a question', () => {
  it('streams the answer from /api/chat, renders markers as buttons and announces the finished answer once', async () => {
    const { page, problems } = await e2e.open();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.evaluate(() => {
      const region = document.querySelector('#announcer') as HTMLElement;
      (window as unknown as { announcements: string[] }).announcements = [];
      new MutationObserver(() => {
        if (region.textContent) (window as unknown as { announcements: string[] }).announcements.push(region.textContent);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const responded = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
    await page.getByRole('button', { name: SUBSIDY }).click();
    const response = await responded;
    expect(response.headers()['content-type']).toMatch(/text\/event-stream/);
    // Without READ_TOKEN on the server there is no access code: nothing asks for one and nothing sends one.
    expect((await response.request().allHeaders())['authorization']).toBeUndefined();
    expect(await page.locator('.access-dialog').count()).toBe(0);
    await finished(page, 1);
    const events = await chatEvents(response);
    expect(events.filter((e) => e.event === 'delta').length).toBeGreaterThan(1);
    const citations = await citationsOf(e2e.server.url, response);
    expect(citations.length).toBeGreaterThan(0);
    const markers = page.locator('.answer-body button.citation');
    expect(await markers.count()).toBeGreaterThan(0);
    expect(await markers.first().textContent()).toMatch(/^\[\d+\]$/);
    await page.waitForFunction(() => (window as unknown as { announcements: string[] }).announcements.length > 0);
    await page.waitForTimeout(300);
    const announcements = await page.evaluate(() => (window as unknown as { announcements: string[] }).announcements);
    expect(announcements).toHaveLength(1);
    expect(announcements[0]).toMatch(/^Antwoord: /);
    expect(await page.locator('main [aria-live]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens a citation in the source panel with the quote marked inside its passage, and Escape returns focus', async () => {
    const { page, problems } = await e2e.open();
    const citations = await citationsOf(e2e.server.url, await ask(page, SUBSIDY));
    const marker = page.locator('.answer-body button.citation').first();
    const n = Number((await marker.textContent())?.replace(/\D/g, ''));
    const cited = citations.find((c) => c.n === n);
    await marker.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(squash(await dialog.locator('#source-title').textContent())).toBe(squash(cited?.title));
    // The quote is marked as one or more spans: the direct answer inside it is set apart.
    const mark = dialog.locator('.passage-cited mark');
    await mark.first().waitFor();
    const marked = squash((await mark.allTextContents()).join(''));
    expect(marked.length).toBeGreaterThan(10);
    expect(squash(cited?.text)).toContain(marked);
    expect(squash(cited?.quote)).toContain(marked);
    await dialog.locator('.context .passage-neighbour').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('citation'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows the original text document scrolled to the highlighted quote', async () => {
    const { page } = await e2e.open();
    const citations = await citationsOf(e2e.server.url, await ask(page, SUBSIDY));
    await page.locator('.answer-body button.citation').first().click();
    await page.getByRole('button', { name: 'Open origineel' }).click();
    const mark = page.locator('.original-text mark').first();
    await mark.waitFor();
    expect(await mark.isVisible()).toBe(true);
    const marked = squash(await mark.textContent());
    expect(citations.some((c) => squash(c.quote).includes(marked) && marked.length > 10)).toBe(true);
    expect(await page.locator('.original-text').textContent()).toMatch(/WIJ Groningen/);
  });

  it('sends the conversation as history with a follow-up question', async () => {
    const { page } = await e2e.open();
    await ask(page, SUBSIDY);
    const request = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await ask(page, 'En in 2021?');
    const body = (await request).postDataJSON() as { question: string; history: { role: string; content: string }[] };
    expect(body.question).toBe('En in 2021?');
    expect(body.history.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect(body.history[0]?.content).toBe(SUBSIDY);
    expect(body.history[1]?.content.length).toBeGreaterThan(0);
    expect(await page.locator('.turn').count()).toBe(2);
    await page.getByRole('button', { name: 'Nieuw gesprek' }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    expect(await page.getByRole('button', { name: SUBSIDY }).isVisible()).toBe(true);
  });
});

describe('failures', () => {
  it('shows a failed request as an error with a retry that asks again', async () => {
    const { page } = await e2e.open();
    await page.route('**/api/chat', (route) => route.abort());
    await page.getByLabel('Uw vraag').fill(SUBSIDY);
    await page.getByLabel('Uw vraag').press('Enter');
    const failure = page.locator('article.answer-error');
    await failure.waitFor();
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.textContent()).toContain('De server is niet bereikbaar');
    await page.unroute('**/api/chat');
    await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.locator('article.answer-answered[data-status="answered"]').waitFor();
    expect(await page.locator('.turn').count()).toBe(1);
  });
});

describe('not found', () => {
  it('looks like a note, says so, and lists the possibly relevant passages, each openable', async () => {
    const { page } = await e2e.open();
    await ask(page, ABSENT);
    const note = page.locator('article.answer-not-found');
    await note.waitFor();
    expect(await note.textContent()).toContain('Dit staat niet in de documenten.');
    expect(await note.locator('button.citation').count()).toBe(0);
    expect(await note.getByRole('heading', { name: 'Mogelijk relevant' }).isVisible()).toBe(true);
    const first = note.locator('button.passage-link').first();
    const label = squash(await first.textContent());
    await first.click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.passage-cited').waitFor();
    expect(label.startsWith(squash(await dialog.locator('#source-title').textContent()))).toBe(true);
    const colours = await page.evaluate(() => ['.answer-not-found'].map((s) => getComputedStyle(document.querySelector(s) as Element).backgroundColor));
    expect(colours[0]).not.toBe('rgb(255, 255, 255)');
  });
});

describe('filters', () => {
  it('shows a chosen filter as a chip, sends it, and drops it when the chip is removed', async () => {
    const { page } = await e2e.open();
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Documenttype').selectOption('jaarverslag');
    const chip = page.locator('.chip:not(.chip-detected)', { hasText: 'Type: jaarverslag' });
    await chip.waitFor();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await ask(page, SUBSIDY);
    expect((await sent).postDataJSON().filters).toEqual({ docType: ['jaarverslag'] });
    await chip.getByRole('button', { name: /Filter verwijderen: Type: jaarverslag/ }).click();
    expect(await chip.count()).toBe(0);
    expect(await page.getByLabel('Documenttype').inputValue()).toBe('');
    const next = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await ask(page, 'En in 2021?');
    expect((await next).postDataJSON().filters).toBeUndefined();
  });

  it('marks a filter the question named, and removing it asks again without detection', async () => {
    const { page } = await e2e.open();
    await ask(page, 'Wat staat er in het jaarverslag over klachten?');
    const detected = page.locator('.chip-detected', { hasText: 'Type: jaarverslag' });
    await detected.waitFor();
    expect(await detected.textContent()).toContain('herkend in de vraag');
    const again = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await detected.getByRole('button').click();
    const body = (await again).postDataJSON();
    expect(body.detectFilters).toBe(false);
    expect(body.question).toBe('Wat staat er in het jaarverslag over klachten?');
    await finished(page, 1);
    expect(await page.locator('.turn').count()).toBe(1);
    expect(await page.locator('.chip-detected', { hasText: 'jaarverslag' }).count()).toBe(0);
  });
});

describe('for the griffie', () => {
  it('copies an answer as text with footnotes in the server format', async () => {
    const { page } = await e2e.open('/', { permissions: ['clipboard-read', 'clipboard-write'] });
    const citations = await citationsOf(e2e.server.url, await ask(page, SUBSIDY));
    await page.getByRole('button', { name: 'Kopieer' }).click();
    await page.getByRole('status').filter({ hasText: 'Gekopieerd' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const cut = copied.lastIndexOf('\n\n');
    const [answer, footnotes] = [copied.slice(0, cut), copied.slice(cut + 2)];
    expect(answer).toMatch(/\[1\]/);
    expect(footnotes?.split('\n')).toEqual(citations.map(sourceLine));
  });

  it('exports the conversation as Markdown and prints only questions, answers and footnotes', async () => {
    const { page } = await e2e.open();
    const citations = await citationsOf(e2e.server.url, await ask(page, SUBSIDY));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteer gesprek' }).click();
    const file = await (await download).path();
    const markdown = await readFile(file, 'utf8');
    expect(markdown.startsWith('# Grip — gesprek')).toBe(true);
    expect(markdown).toContain(`> ${SUBSIDY}`);
    expect(markdown).toContain(sourceLine(citations[0] as (typeof citations)[number]));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.composer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Kopieer' }).isVisible()).toBe(false);
    expect(await page.locator('.answer-body').isVisible()).toBe(true);
    expect(await page.locator('.source-list').isVisible()).toBe(true);
  });
});
