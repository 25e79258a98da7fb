/**
 * The registers page in Chromium, on the default corpus with two deelopdrachten rows of our own added to the index
 * (one deelopdracht in two documents with different amounts): tabs, filter, sort, a value opening its passage with
 * the value marked, conflicting values side by side, the CSV export and the English interface.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanceStore } from '../../ingest/store/lance-store.js';
import type { Passage, RegisterRow } from '../../ingest/types.js';
import { figure, spanOf } from '../ingest/registers/synthetic-rows.js';
import { addRegisterRows } from '../support/register-index.js';
import { ARTIFACTS, squash, startE2e, type E2e } from './harness.js';

/** One deelopdracht in two documents whose amounts differ, and one in one document only. */
async function addDeelopdrachten(store: LanceStore): Promise<void> {
  const passages = (await store.snapshot())?.passages ?? [];
  const withNumber = (documentId: string) => passages.find((p) => p.documentId.startsWith(documentId) && /\d{2,}/.test(p.text)) as Passage;
  const [a, b] = [withNumber('001'), withNumber('004')];
  const printed = (p: Passage) => /\d{2,}(?:\.\d+)*/.exec(p.text)?.[0] ?? '10';
  const row = (p: Passage, number: string, name: string, area: string | null = null): RegisterRow => ({
    kind: 'deelopdrachten', documentId: p.documentId, number, name, period: null, year: 2022, area,
    granted: figure(p, printed(p), 'Toegekend'), spent: null, toReceive: null, toSettle: null, source: spanOf(p, p.text.slice(0, 10)),
  });
  await addRegisterRows(store, [row(a, '902', 'Zomerschool Zuid'), row(b, 'DO-902', 'Zomerschool zuid'), row(a, '901', 'Zomerschool Noord', 'Noord')]);
}

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e([], {}, { prepareIndex: addDeelopdrachten });
}, 180_000);
afterAll(() => e2e?.close());

describe('registers page', () => {
  it('shows the mandates, filters and sorts them, and opens a value\'s passage with the sentence marked', async () => {
    const { page, problems } = await e2e.open('/#/registers/mandaten');
    const rows = page.locator('.register-table tbody tr');
    await rows.first().waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThan(20);
    expect(await page.getByRole('tab', { name: 'Mandaten' }).getAttribute('aria-selected')).toBe('true');

    await page.locator('#register-filter').fill('benoemt');
    await expect.poll(() => rows.count()).toBeLessThan(total);
    for (const power of await page.locator('td[data-column="power"]').allTextContents()) expect(power).toBe('benoemt');

    await page.locator('#register-filter').fill('');
    await page.getByRole('button', { name: 'Sorteer op Wie' }).click();
    expect(await page.locator('th[data-column="actor"]').getAttribute('aria-sort')).toBe('ascending');
    const actors = await page.locator('td[data-column="actor"]').allTextContents();
    expect(actors).toEqual([...actors].sort((x, y) => x.localeCompare(y, 'nl', { sensitivity: 'base' })));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Wie');

    const object = page.locator('td[data-column="object"] .register-value').first();
    await object.click();
    const dialog = page.getByRole('dialog');
    const mark = dialog.locator('.passage-cited mark').first();
    await mark.waitFor();
    const marked = squash((await dialog.locator('.passage-cited mark').allTextContents()).join(' '));
    expect(marked).toContain(squash(await object.textContent()).split(' …')[0]!.slice(0, 20));
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('register-value'))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'registers-mandates.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('puts conflicting amounts side by side and keeps only conflicts when asked', async () => {
    const { page, problems } = await e2e.open('/#/registers/mandaten');
    await page.locator('.register-table tbody tr').first().waitFor();
    await page.getByRole('tab', { name: 'Deelopdrachten' }).click();
    await page.locator('td[data-column="name"]').first().waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/registers/deelopdrachten');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-tab-deelopdrachten');
    // The arrow keys move between tabs (and back), keeping focus on the tab.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('register-tab-budgets');
    expect(await page.evaluate(() => location.hash)).toBe('#/registers/budgetten');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('register-tab-deelopdrachten');
    await page.locator('td[data-column="name"]').first().waitFor();
    const rows = page.locator('.register-table tbody tr');
    // The corpus's own deelopdrachten are there too; the filter narrows to the two added ones.
    const all = await rows.count();
    expect(all).toBeGreaterThan(2);
    await page.locator('#register-filter').fill('Zomerschool');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('td[data-column="area"]').allTextContents()).toContain('Noord');
    const conflict = page.locator('td.conflict[data-column="granted"]');
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.locator('.badge-conflict').textContent()).toBe('verschilt');
    expect(await conflict.locator('.register-value').count()).toBe(2);
    await page.locator('#register-filter').fill('');
    await page.locator('#register-conflicts').check();
    await expect.poll(() => rows.count()).toBeLessThan(all);
    for (const row of await rows.all()) expect(await row.locator('td.conflict').count()).toBeGreaterThan(0);
    expect(await page.locator('td.conflict[data-column="name"], td.conflict[data-column="number"]').count()).toBe(0);
    expect(await page.locator('td[data-column="name"]').allTextContents()).toContain('Zomerschool Zuid');
    await page.screenshot({ path: join(ARTIFACTS, 'registers-deelopdrachten.png') });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download als CSV' }).click();
    expect((await download).suggestedFilename()).toBe('deelopdrachten.csv');
    expect(problems).toEqual([]);
  });

  it('speaks English when the interface is English', async () => {
    const { page, problems } = await e2e.open('/#/registers/budgetten');
    await page.locator('.register-table tbody tr').first().waitFor();
    await page.locator('#language-toggle').click();
    await page.getByRole('tab', { name: 'Sub-assignments' }).waitFor();
    expect(await page.locator('.view-documents .view-title').textContent()).toBe('Registers');
    await page.getByRole('button', { name: 'Sort by Amount' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sort by Subject' }).count()).toBe(1);
    expect(await page.locator('.register-csv').textContent()).toBe('Download as CSV');
    await page.screenshot({ path: join(ARTIFACTS, 'registers-budgets-en.png') });
    await page.locator('#register-filter').fill('zzz-niets-zzz');
    await expect.poll(() => page.locator('.register-panel .document-count').textContent()).toMatch(/^0 of \d+ rows$/);
    expect(problems).toEqual([]);
  });

  it('fits a 390 px phone: the wide table scrolls in its own frame, not the page', async () => {
    const { page, problems } = await e2e.open('/#/registers/deelopdrachten', { viewport: { width: 390, height: 844 } });
    await page.locator('td[data-column="name"]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('.register-scroll').evaluate((frame) => frame.scrollWidth > frame.clientWidth)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'registers-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
