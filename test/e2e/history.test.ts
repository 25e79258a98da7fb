/**
 * Conversation history and feedback in Chromium against a real server: a conversation survives a reload, the
 * conversations page reopens, renames, exports, shares and deletes conversations, a shared file opens in another
 * browser; 👍/👎 with reasons reach the server with the question, ranked passages and answer, stay given after a
 * reload, and a failed post can be sent again.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../server/feedback/feedback-schema.js';
import { ask, squash, startE2e, type E2e } from './harness.js';

const ADMIN = 'beheer-e2e-geschiedenis';
const FIRST = 'Waar bestaan de overige opbrengsten van WIJ uit?';
const SECOND = 'Hoe is het toezicht op WIJ Groningen geregeld?';
const ABSENT = 'Welke voetbalclub sponsort WIJ Groningen?';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e([], { ADMIN_TOKEN: ADMIN });
});
afterAll(() => e2e?.close());

async function feedbackRecords(): Promise<FeedbackRecord[]> {
  const response = await fetch(`${e2e.server.url}/api/feedback`, { headers: { authorization: `Bearer ${ADMIN}` } });
  return ((await response.json()) as { feedback: FeedbackRecord[] }).feedback;
}

/** The conversations page, once its list has rendered. */
async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Gesprekken' }).click();
  await page.locator('.conversation-item, .conversation-list .empty-result').first().waitFor();
}

describe('conversation history', () => {
  it('keeps the conversation through a reload, and a follow-up after it still sends the history', async () => {
    const { page, problems } = await e2e.open();
    await ask(page, FIRST);
    const answer = squash(await page.locator('.answer-body').textContent());
    await page.reload();
    await page.locator('.turn').first().waitFor();
    expect(await page.locator('.turn').count()).toBe(1);
    expect(squash(await page.locator('.question').textContent())).toContain(FIRST);
    expect(squash(await page.locator('.answer-body').textContent())).toBe(answer);
    expect(await page.locator('.answer-body button.citation').count()).toBeGreaterThan(0);
    await page.locator('.answer-body button.citation').first().click();
    await page.getByRole('dialog').locator('.passage-cited mark').first().waitFor();
    await page.keyboard.press('Escape');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await ask(page, 'En in 2021?');
    const body = (await sent).postDataJSON() as { history: { role: string; content: string }[] };
    expect(body.history.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect(body.history[0]?.content).toBe(FIRST);
    expect(problems).toEqual([]);
  });

  it('lists conversations newest first to reopen, rename and delete, and an answer in a renamed one keeps its name', async () => {
    const { page, problems } = await e2e.open();
    await ask(page, FIRST);
    await page.getByRole('button', { name: 'Nieuw gesprek' }).click();
    await ask(page, SECOND);
    await openHistory(page);
    const items = page.locator('.conversation-item');
    expect(await items.count()).toBe(2);
    expect(squash(await items.nth(0).locator('.conversation-title').textContent())).toBe(SECOND);
    expect(await items.nth(1).locator('.conversation-meta').textContent()).toMatch(/^1 vraag · bijgewerkt \d/);

    await page.getByRole('button', { name: `Hernoemen: ${FIRST}` }).click();
    const field = page.getByLabel('Nieuwe naam');
    expect(await page.evaluate(() => document.activeElement?.id.startsWith('rename-'))).toBe(true);
    await field.fill('Opbrengsten 2022');
    await field.press('Enter');
    await page.getByRole('link', { name: 'Opbrengsten 2022' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Opbrengsten 2022');

    await page.getByRole('button', { name: 'Openen: Opbrengsten 2022' }).click();
    await page.locator('#chat-title').waitFor();
    expect(await page.locator('.turn').count()).toBe(1);
    expect(squash(await page.locator('.question').textContent())).toContain(FIRST);
    await ask(page, 'En welke daarvan waren het grootst?');
    await openHistory(page);
    const renamed = page.locator('.conversation-item').filter({ hasText: 'Opbrengsten 2022' });
    expect(await renamed.locator('.conversation-meta').textContent()).toMatch(/^2 vragen/);
    expect(squash(await page.locator('.conversation-item').first().locator('.conversation-title').textContent())).toBe('Opbrengsten 2022');

    await page.getByRole('button', { name: `Verwijderen: ${SECOND}` }).click();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.locator('.conversation-item').count()).toBe(2);
    await page.getByRole('button', { name: `Verwijderen: ${SECOND}` }).click();
    expect(await page.getByText(`Gesprek "${SECOND}" verwijderen?`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'is verwijderd' }).waitFor();
    expect(await page.locator('.conversation-item').count()).toBe(1);
    await page.reload();
    await page.locator('.conversation-item').first().waitFor();
    expect(await page.locator('.conversation-item').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('exports one conversation as Markdown and as a file another browser opens again, and shares it as text', async () => {
    const { page } = await e2e.open('/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await ask(page, FIRST);
    const answer = squash(await page.locator('.answer-body').textContent());
    await openHistory(page);
    const markdown = page.waitForEvent('download');
    await page.getByRole('button', { name: `Exporteer (Markdown): ${FIRST}` }).click();
    const text = await readFile(await (await markdown).path(), 'utf8');
    expect(text.startsWith(`# Grip — gesprek: ${FIRST}`)).toBe(true);
    expect(text).toContain(`> ${FIRST}`);
    expect(text).toMatch(/\n\[1\] Jaarverslag 2022/);

    await page.getByRole('button', { name: `Delen: ${FIRST}` }).click();
    await page.getByRole('status').filter({ hasText: 'klembord' }).waitFor();
    const shared = await page.evaluate(() => navigator.clipboard.readText());
    expect(shared.replace(/_Geëxporteerd op [^_]+_/, '')).toBe(text.replace(/_Geëxporteerd op [^_]+_/, ''));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Exporteer (bestand): ${FIRST}` }).click();
    const saved = await (await download).path();
    const file = JSON.parse(await readFile(saved, 'utf8')) as { format: string; conversation: { turns: { question: string }[] } };
    expect(file.format).toBe('grip-conversation');
    expect(file.conversation.turns.map((turn) => turn.question)).toEqual([FIRST]);

    // A colleague's browser: nothing stored yet, then the shared file.
    const { page: other } = await e2e.open('/#/gesprekken');
    await other.locator('.conversation-list .empty-result').waitFor();
    await other.getByLabel('Gedeeld gesprek openen (bestand):').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"iets"}') });
    await other.getByRole('status').filter({ hasText: 'geen gesprek van Grip' }).waitFor();
    await other.getByLabel('Gedeeld gesprek openen (bestand):').setInputFiles(saved);
    await other.getByRole('status').filter({ hasText: 'is toegevoegd' }).waitFor();
    await other.getByRole('button', { name: `Openen: ${FIRST}` }).click();
    await other.locator('.turn .answer-body button.citation').first().waitFor();
    expect(squash(await other.locator('.answer-body').textContent())).toBe(answer);
    await other.locator('.answer-body button.citation').first().click();
    await other.getByRole('dialog').locator('.passage-cited mark').first().waitFor();
  });
});

describe('feedback on answers', () => {
  it('👍 sends the answer with its question, filters, ranked passages and citations, and stays given after a reload', async () => {
    const { page, problems } = await e2e.open();
    const chat = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
    await ask(page, SECOND);
    await chat;
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/feedback') && r.method() === 'POST');
    await page.getByRole('button', { name: /Goed$/ }).click();
    const body = (await posted).postDataJSON() as Record<string, unknown>;
    await page.getByRole('status').filter({ hasText: 'Bedankt, uw reactie is bewaard.' }).waitFor();
    expect(body).toMatchObject({ rating: 'up', question: SECOND, status: 'answered', language: 'nl' });
    const asked = await (await fetch(`${e2e.server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: SECOND }) })).json() as { answer: string; passages: { passageId: string }[]; citations: { passageId: string }[] };
    expect(body.passageIds).toEqual(asked.passages.map((p) => p.passageId));
    expect((body.citations as { passageId: string }[]).map((c) => c.passageId)).toEqual(asked.citations.map((c) => c.passageId));
    expect(body.answer).toBe(asked.answer);
    const stored = (await feedbackRecords()).find((record) => record.question === SECOND && record.rating === 'up');
    expect(stored?.passageIds).toEqual(body.passageIds);
    await page.reload();
    const up = page.getByRole('button', { name: /Goed$/ });
    await up.waitFor();
    expect(await up.getAttribute('aria-pressed')).toBe('true');
    expect(await up.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /Niet goed$/ }).isDisabled()).toBe(true);
    expect(await page.locator('.feedback-status').textContent()).toBe('Bedankt, uw reactie is bewaard.');
    expect(problems).toEqual([]);
  });

  it('👎 on a "not found" asks what is wrong, sends the reasons and remark, and Annuleren returns focus', async () => {
    const { page } = await e2e.open();
    await ask(page, ABSENT);
    const down = page.locator('article.answer-not-found').getByRole('button', { name: /Niet goed$/ });
    await down.click();
    expect(await down.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('wrong_amount');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.locator('.feedback-form').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('feedback-down'))).toBe(true);
    await down.click();
    await page.getByRole('group', { name: 'Wat klopt er niet?' }).getByLabel('Mist document').check();
    await page.getByLabel('Had moeten weigeren').check();
    await page.getByLabel('Had moeten weigeren').uncheck();
    await page.getByLabel('Verkeerde bron').check();
    await page.getByLabel('Toelichting (niet verplicht)').fill('De sponsorovereenkomst staat in de begroting.');
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/feedback') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Verstuur reactie' }).click();
    expect((await posted).postDataJSON()).toMatchObject({ rating: 'down', reasons: ['wrong_source', 'missing_document'], comment: 'De sponsorovereenkomst staat in de begroting.', status: 'not_found', citations: [] });
    await page.getByRole('status').filter({ hasText: 'Bedankt' }).waitFor();
    expect(await page.locator('.feedback-form').count()).toBe(0);
    const stored = (await feedbackRecords()).find((record) => record.question === ABSENT);
    expect(stored).toMatchObject({ rating: 'down', reasons: ['wrong_source', 'missing_document'], status: 'not_found' });
    expect(stored?.passageIds.length).toBeGreaterThan(0);
  });

  it('says when sending failed, keeps the form as filled in, and sends it on a second try', async () => {
    const { page } = await e2e.open();
    await ask(page, FIRST);
    await page.route('**/api/feedback', (route) => route.abort());
    await page.getByRole('button', { name: /Niet goed$/ }).click();
    await page.getByLabel('Fout bedrag').check();
    await page.getByLabel('Toelichting (niet verplicht)').fill('Het bedrag klopt niet.');
    await page.getByRole('button', { name: 'Verstuur reactie' }).click();
    await page.locator('.feedback-status.error-text').waitFor();
    expect(await page.locator('.feedback-status').textContent()).toContain('De server is niet bereikbaar');
    expect(await page.getByLabel('Fout bedrag').isChecked()).toBe(true);
    expect(await page.getByLabel('Toelichting (niet verplicht)').inputValue()).toBe('Het bedrag klopt niet.');
    await page.unroute('**/api/feedback');
    await page.getByRole('button', { name: 'Verstuur reactie' }).click();
    await page.getByRole('status').filter({ hasText: 'Bedankt' }).waitFor();
    expect((await feedbackRecords()).some((record) => record.comment === 'Het bedrag klopt niet.' && record.reasons.join() === 'wrong_amount')).toBe(true);
  });
});
