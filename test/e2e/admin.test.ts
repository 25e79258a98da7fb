/**
 * The admin page in Chromium against a real server with ADMIN_TOKEN: the admin code asked for like the access
 * code; files dropped on the page and chosen with the file picker uploaded one at a time, each with its
 * progress, its result and its warnings; an encrypted PDF sent again with its password; a document deleted
 * after a second question; readers' feedback listed, filtered, exported as eval JSONL and deleted.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, citationsOf, startE2e, type E2e } from './harness.js';

const ADMIN = 'beheer-e2e-7c1d';
const ENCRYPTED = new URL('./fixtures/encrypted-password-abc.pdf', import.meta.url).pathname;
const NOTE = '# Notitie speeltuinen Oosterpoort\n\nIn 2024 zijn in de Oosterpoort drie speeltuinen vernieuwd. De buurtvereniging beheert de speeltuin aan het Zuiderplein en krijgt daarvoor 12.500 euro per jaar.\n';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e([], { ADMIN_TOKEN: ADMIN });
});
afterAll(() => e2e?.close());

/** Problems other than the browser's log line for the refused (401) request that makes the app ask for the code. */
const unexpected = (problems: string[]) => problems.filter((problem) => !/status of 401/.test(problem));

/** A one-page PDF with nothing on the page: no text layer, as a scan without OCR. */
function blankPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Opens the admin page and gives the admin code in its dialog. */
async function openAdmin(page: Page): Promise<void> {
  await page.goto(`${e2e.server.url}/#/beheer`);
  const dialog = page.getByRole('dialog', { name: 'Beheerderscode nodig' });
  await dialog.waitFor();
  await page.getByLabel('Beheerderscode', { exact: true }).fill(ADMIN);
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await page.locator('.admin-sections:not([hidden])').waitFor();
}

/** Records every state each upload item passes through, in order. */
async function recordUploadStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[][] = ((window as unknown as { uploadStates: string[][] }).uploadStates = []);
    const list = document.querySelector('.upload-list') as HTMLElement;
    const record = () => {
      [...list.children].forEach((item, index) => {
        const states = (seen[index] ??= []);
        const state = item.getAttribute('data-state') ?? '';
        if (states.at(-1) !== state) states.push(state);
      });
      const active = [...list.children].filter((item) => ['sending', 'reading'].includes(item.getAttribute('data-state') ?? '')).length;
      (window as unknown as { mostActive: number }).mostActive = Math.max((window as unknown as { mostActive?: number }).mostActive ?? 0, active);
    };
    new MutationObserver(record).observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

/** Drops files on the drop zone, as dragging them from the desktop does. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: number[] }[]): Promise<void> {
  await page.locator('.drop-zone').evaluate((zone, list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const item = (page: Page, name: string) => page.locator('.upload-item').filter({ hasText: name });

describe('the admin code', () => {
  it('is asked for like the access code: a wrong code is said in the dialog, the right one opens the page and lasts the tab', async () => {
    const { page, problems } = await e2e.open('/#/beheer');
    const dialog = page.getByRole('dialog', { name: 'Beheerderscode nodig' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('admin-access-code');
    expect(await page.getByLabel('Beheerderscode', { exact: true }).getAttribute('type')).toBe('password');
    await page.keyboard.type('fout-geraden');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Deze beheerderscode klopt niet' }).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await page.getByLabel('Beheerderscode', { exact: true }).fill(ADMIN);
    await page.keyboard.press('Enter');
    await page.locator('.admin-sections:not([hidden])').waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Documenten toevoegen' }).isVisible()).toBe(true);
    await page.reload();
    await page.locator('.admin-sections:not([hidden])').waitFor();
    expect(await page.getByRole('dialog', { name: 'Beheerderscode nodig' }).isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Beheerderscode vergeten' }).click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByText('Voor beheer is de beheerderscode nodig.').waitFor();
    expect(await page.locator('.admin-sections').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Beheerderscode invullen' }).click();
    await dialog.waitFor();
    expect(unexpected(problems)).toEqual([]);
  });
});

describe('uploads', () => {
  it('sends dropped files one at a time, each with its progress and result, a scan flagged with its warning, a broken file with its error', async () => {
    const { page, problems } = await e2e.open();
    await openAdmin(page);
    await page.getByText('Gegevens voor deze bestanden (niet verplicht)').click();
    await page.locator('#upload-docType').fill('notitie');
    await page.locator('#upload-year').fill('2024');
    await recordUploadStates(page);
    await dropFiles(page, [
      { name: 'speeltuinen-oosterpoort.md', type: 'text/markdown', bytes: [...Buffer.from(NOTE)] },
      { name: 'scan-zonder-tekst.pdf', type: 'application/pdf', bytes: [...blankPdf()] },
      { name: 'kapot.pdf', type: 'application/pdf', bytes: [...Buffer.from('dit is geen pdf')] },
    ]);
    await expect.poll(() => page.locator('.upload-item[data-state="done"], .upload-item[data-state="failed"]').count(), { timeout: 60_000 }).toBe(3);
    expect(await item(page, 'speeltuinen-oosterpoort.md').getAttribute('data-outcome')).toBe('added');
    expect(await item(page, 'speeltuinen-oosterpoort.md').locator('.upload-status').textContent()).toMatch(/^Toegevoegd — \d+ passages?$/);
    const scan = item(page, 'scan-zonder-tekst.pdf');
    expect(await scan.getAttribute('data-outcome')).toBe('flagged');
    expect(await scan.locator('.upload-status').textContent()).toMatch(/^Opgenomen, niet doorzoekbaar — 1 pagina — 0 passages$/);
    expect(await scan.locator('.warnings').textContent()).toMatch(/tekstlaag/i);
    const broken = item(page, 'kapot.pdf');
    expect(await broken.getAttribute('data-state')).toBe('failed');
    expect((await broken.locator('.upload-status.error-text').textContent())?.length).toBeGreaterThan(10);
    const states = await page.evaluate(() => (window as unknown as { uploadStates: string[][] }).uploadStates);
    // Each file waits its turn, goes up with its progress shown, is read in, then gets its result; one at a time.
    expect(states[0]).toEqual(['sending', 'reading', 'done']);
    expect(states[1]).toEqual(['waiting', 'sending', 'reading', 'done']);
    expect(states[2]).toEqual(['waiting', 'sending', 'reading', 'failed']);
    expect(await page.evaluate(() => (window as unknown as { mostActive: number }).mostActive)).toBe(1);

    const records = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { source: string; docType: string; year: number | null; documentId: string }[] }).documents;
    expect(records.find((record) => record.source === 'speeltuinen-oosterpoort.md')).toMatchObject({ docType: 'notitie', year: 2024 });
    expect(await page.locator('.admin-document').filter({ hasText: 'speeltuinen-oosterpoort.md' }).count()).toBe(1);

    // The rest of the app sees the new document at once: the documents page and the chat.
    await page.getByRole('link', { name: 'Documenten' }).click();
    await page.locator('.document-card').filter({ hasText: 'speeltuinen' }).first().waitFor();
    await page.getByRole('link', { name: 'Chat' }).click();
    const uploadedId = records.find((record) => record.source === 'speeltuinen-oosterpoort.md')?.documentId ?? '-';
    expect(await page.locator(`#filter-document option[value="${uploadedId}"]`).count()).toBe(1);
    const citations = await citationsOf(e2e.server.url, await ask(page, 'Hoeveel geld krijgt de buurtvereniging voor de speeltuin aan het Zuiderplein?'));
    expect(citations.some((c) => c.source === 'speeltuinen-oosterpoort.md')).toBe(true);
    expect(unexpected(problems)).toEqual([]);
  });

  it('uploads a chosen file, says when it is unchanged, and sends an encrypted PDF again with its password', async () => {
    const { page } = await e2e.open();
    await openAdmin(page);
    const pdf = { name: 'encrypted-password-abc.pdf', mimeType: 'application/pdf', buffer: await readFile(ENCRYPTED) };
    await page.locator('#upload-input').setInputFiles([{ name: 'speeltuinen-oosterpoort.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) }, pdf]);
    const encrypted = item(page, 'encrypted-password-abc.pdf');
    await encrypted.locator('.password-form').waitFor({ timeout: 60_000 });
    expect(await item(page, 'speeltuinen-oosterpoort.md').locator('.upload-status').textContent()).toMatch(/^Ongewijzigd/);
    expect(await encrypted.locator('.upload-status').textContent()).toMatch(/wachtwoord/i);
    await encrypted.getByLabel('Wachtwoord van de PDF').fill('abc');
    await encrypted.getByRole('button', { name: 'Opnieuw met wachtwoord' }).click();
    await expect.poll(() => encrypted.getAttribute('data-outcome'), { timeout: 60_000 }).toBe('added');
    expect(await encrypted.locator('.password-form').count()).toBe(0);
  });
});

describe('deleting', () => {
  it('asks once more, then removes the document from the index and from the list', async () => {
    const { page } = await e2e.open();
    const id = 'verwijder_mij';
    const form = new FormData();
    form.append('files', new Blob(['# Te verwijderen\n\nDeze notitie over fietsbruggen wordt straks weer verwijderd uit de index van Grip.\n']), `${id}.md`);
    expect((await fetch(`${e2e.server.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` }, body: form })).status).toBe(200);
    const listed = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { source: string; documentId: string }[] }).documents;
    const documentId = listed.find((record) => record.source === `${id}.md`)?.documentId ?? '-';
    await openAdmin(page);
    // By id: while it asks, the row shows the question instead of the file name.
    const row = page.locator(`.admin-document[data-document="${documentId}"]`);
    await row.waitFor();
    const title = (await row.locator('.admin-document-title').textContent()) ?? '';
    await row.getByRole('button', { name: `Verwijderen: ${title}` }).click();
    expect(await row.locator('.confirm-question').textContent()).toContain('en al zijn passages uit de index verwijderen?');
    await row.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Verwijderen');
    await row.getByRole('button', { name: `Verwijderen: ${title}` }).click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'is verwijderd' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    const records = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { source: string }[] }).documents;
    expect(records.some((record) => record.source === `${id}.md`)).toBe(false);
  });
});

describe('feedback for admins', () => {
  it('lists readers\u2019 feedback newest first, filters 👎, exports eval JSONL and deletes one', async () => {
    const post = (body: Record<string, unknown>) => fetch(`${e2e.server.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'answered', answer: 'Twaalfduizend [1]', passageIds: ['a:1'], citations: [{ n: 1, passageId: 'a:1', documentId: 'a', source: 'a.md', quote: 'Twaalfduizend euro per jaar' }], ...body }) });
    expect((await post({ rating: 'up', question: 'Wat krijgt de speeltuin aan het Zuiderplein?' })).status).toBe(201);
    expect((await post({ rating: 'down', question: 'Wie beheert de speeltuinen in de Oosterpoort?', reasons: ['wrong_amount'], comment: 'Het bedrag is van 2023.' })).status).toBe(201);
    const { page } = await e2e.open();
    await openAdmin(page);
    const items = page.locator('.feedback-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().textContent()).toContain('Wie beheert de speeltuinen in de Oosterpoort?');
    expect(await items.first().locator('.chip').allTextContents()).toEqual(['Fout bedrag']);
    expect(await items.first().locator('.feedback-comment').textContent()).toBe('Het bedrag is van 2023.');
    await page.getByLabel('Toon').selectOption('down');
    await expect.poll(() => items.count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteer als testvragen (JSONL)' }).click();
    const lines = (await readFile(await (await download).path(), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ question: 'Wie beheert de speeltuinen in de Oosterpoort?', answer: '', evidence: [], lang: 'nl' });
    expect(String(lines[0]?.notes)).toContain('fout bedrag');
    await items.first().getByRole('button', { name: /^Reactie verwijderen/ }).click();
    await page.getByRole('status').filter({ hasText: 'Reactie verwijderd.' }).waitFor();
    await expect.poll(() => items.count()).toBe(0);
    const left = ((await (await fetch(`${e2e.server.url}/api/feedback`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { feedback: { rating: string }[] }).feedback;
    expect(left.map((record) => record.rating)).toEqual(['up']);
  });
});
