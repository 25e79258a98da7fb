/**
 * The web app against a server with READ_TOKEN set, in Chromium: the access-code dialog on opening, a wrong code,
 * declining, the language of the dialog, and with the right code a question answered with a citation whose
 * passage, original PDF page and file open — every API request carrying the code, kept for the browser session.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPath } from '../support/fixtures.js';
import { ARTIFACTS, ask, citationsOf, finished, startE2e, type E2e } from './harness.js';

const TOKEN = 'leescode-7f3a9c';
const PDF_ID = 'denhelder_besluitenlijst_2015';
const PDF_QUESTION = 'Wat besloot de raad over de GGD Hollands Noorden?';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e([pdfPath('nl/denhelder_besluitenlijst_2015.pdf')], { READ_TOKEN: TOKEN });
});
afterAll(() => e2e?.close());

/** Problems other than the browser's own log line for each refused (401) request, which is expected here. */
const unexpected = (problems: string[]) => problems.filter((problem) => !/status of 401/.test(problem));

/** The open access dialog. */
const accessDialog = (page: Page, name: RegExp = /Toegangscode nodig|Access code required/) => page.getByRole('dialog', { name });

/** Types the code into the focused field and submits with Enter, as a keyboard user would. */
async function enterCode(page: Page, code = TOKEN): Promise<void> {
  await accessDialog(page).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('access-code');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** The Authorization headers of every API request the page sends from now on. */
function recordApiAuthorization(page: Page): Promise<string | undefined>[] {
  const seen: Promise<string | undefined>[] = [];
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(request.allHeaders().then((headers) => headers['authorization']));
  });
  return seen;
}

describe('the access code', () => {
  it('is asked for as soon as the app opens: a labelled field in a modal dialog, focused', async () => {
    const { page, problems } = await e2e.open();
    const dialog = accessDialog(page, /Toegangscode nodig/);
    await dialog.waitFor();
    expect(await dialog.getByText(/Vul de toegangscode in die u van de beheerder/).isVisible()).toBe(true);
    const field = page.getByLabel('Toegangscode', { exact: true });
    expect(await field.getAttribute('type')).toBe('password');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    // Modal: the chat behind it is inert and cannot take focus.
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    expect(await page.evaluate(() => {
      (document.querySelector('#question') as HTMLElement).focus();
      return document.activeElement?.id;
    })).toBe('access-code');
    expect(unexpected(problems)).toEqual([]);
  });

  it('says so in the dialog when a code is wrong, keeps focus in the field, and is usable by keyboard alone', async () => {
    const { page, problems } = await e2e.open();
    await enterCode(page, 'geraden');
    const error = page.getByRole('alert').filter({ hasText: 'Deze toegangscode klopt niet' });
    await error.waitFor();
    const field = page.getByLabel('Toegangscode', { exact: true });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await field.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect(await accessDialog(page).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'access-dialog-wrong-code-1280.png') });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('access-show');
    await page.keyboard.press('Space');
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.inputValue()).toBe('geraden');
    await field.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => accessDialog(page).isVisible()).toBe(false);
    expect(unexpected(problems)).toEqual([]);
  });

  it('when declined, refuses the question with an explanation, and the retry asks for the code again', async () => {
    const { page } = await e2e.open();
    await accessDialog(page).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => accessDialog(page).isVisible()).toBe(false);
    await page.getByLabel('Uw vraag').fill('Welke deelopdrachten voert WIJ uit in Beijum?');
    await page.getByLabel('Uw vraag').press('Enter');
    await accessDialog(page).waitFor();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    const failure = page.locator('article.answer-error');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Voor Grip is een toegangscode nodig');
    await failure.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await enterCode(page);
    await finished(page, 1);
    expect(await page.locator('article.answer-answered').count()).toBe(1);
  });

  it('with the right code, answers with a citation whose passage, original PDF page and file open, all with the code, kept for the session', async () => {
    const { page, problems } = await e2e.open();
    await enterCode(page);
    await expect.poll(() => accessDialog(page).isVisible()).toBe(false);
    const authorizations = recordApiAuthorization(page);
    // The document list that asked for the code was sent again: the filter offers the documents.
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Document', { exact: true }).selectOption(PDF_ID);
    const response = await ask(page, PDF_QUESTION);
    expect(response.status()).toBe(200);
    const citations = await citationsOf(e2e.server.url, response);
    expect(citations.length).toBeGreaterThan(0);
    expect(citations.every((c) => c.documentId === PDF_ID)).toBe(true);

    await page.locator('.answer-body button.citation').first().click();
    const panel = page.getByRole('dialog', { name: citations[0]?.title });
    await panel.locator('.passage-cited mark').first().waitFor();
    await panel.locator('.context .passage-neighbour').first().waitFor();
    await panel.getByRole('button', { name: 'Open origineel' }).click();
    const pdfPage = panel.locator('.pdf-page');
    await pdfPage.waitFor({ timeout: 30_000 });
    expect(Number(await pdfPage.getAttribute('data-page'))).toBe(citations[0]?.page);
    expect(Number(await pdfPage.getAttribute('data-highlights'))).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await panel.getByRole('link', { name: 'Download bestand' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${PDF_ID}.pdf`);
    const bytes = await (await fetch(`${e2e.server.url}/api/documents/${PDF_ID}/file`, { headers: { authorization: `Bearer ${TOKEN}` } })).arrayBuffer();
    expect((await readFile(await file.path())).equals(Buffer.from(bytes))).toBe(true);

    const sent = await Promise.all(authorizations);
    expect(sent.length).toBeGreaterThan(3);
    expect(new Set(sent)).toEqual(new Set([`Bearer ${TOKEN}`]));

    // The code lasts the browser session: a reload asks nothing.
    const list = page.waitForResponse((r) => r.url().endsWith('/api/documents'));
    await page.reload();
    expect((await list).status()).toBe(200);
    expect(await accessDialog(page).isVisible()).toBe(false);
    expect(unexpected(problems)).toEqual([]);
  });

  it('fetches a document’s original from the documents page with the code', async () => {
    const { page } = await e2e.open('/#/documenten');
    await enterCode(page);
    const card = page.locator(`[data-document="${PDF_ID}"]`);
    await card.waitFor();
    const download = page.waitForEvent('download');
    await card.getByRole('link', { name: /^Origineel/ }).click();
    expect((await download).suggestedFilename()).toBe(`${PDF_ID}.pdf`);
  });

  it('speaks English after the dialog’s own language switch, and from the start once English is chosen', async () => {
    const { page } = await e2e.open();
    const dutch = accessDialog(page, /Toegangscode nodig/);
    await dutch.waitFor();
    // The header's switch is behind the modal dialog; the dialog has its own.
    await dutch.getByRole('button', { name: 'Switch to English' }).click();
    const dialog = accessDialog(page, /Access code required/);
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Access code', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'This access code is not correct' }).waitFor();
    await page.reload();
    await accessDialog(page, /Access code required/).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
  });
});

describe('the admin page on a server without ADMIN_TOKEN', () => {
  it('says administration is off and how to turn it on, without asking for an admin code or showing controls', async () => {
    const { page, problems } = await e2e.open();
    await enterCode(page);
    await page.getByRole('link', { name: 'Beheer' }).click();
    const off = page.locator('.admin-disabled');
    await off.waitFor();
    expect(await off.textContent()).toMatch(/^Beheer staat uit op deze server\. .*ADMIN_TOKEN/);
    expect(await page.locator('.admin-sections').isHidden()).toBe(true);
    expect(await page.getByRole('dialog', { name: 'Beheerderscode nodig' }).count()).toBe(0);
    expect(unexpected(problems).filter((problem) => !/status of 403/.test(problem))).toEqual([]);
  });
});
