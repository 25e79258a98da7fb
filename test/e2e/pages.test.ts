/**
 * The rest of the web app in Chromium, on the default corpus plus a real PDF (Den Helder besluitenlijst) and a
 * scan without a text layer: the keyboard-only flow, phone and desktop layouts with screenshots, the documents
 * pages, the original PDF page with the quote highlighted, "Waar staat dit?" and the language switch.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../server/answer/messages.js';
import { pdfPath } from '../support/fixtures.js';
import { ARTIFACTS, ask, citationsOf, finished, squash, startE2e, type E2e } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  // OCR off: the scan stays a document without text, the case these pages show (OCR is tested in test/ingest).
  e2e = await startE2e([pdfPath('nl/denhelder_besluitenlijst_2015.pdf'), pdfPath('nl/emmen_toezeggingen_scan.pdf')], { OCR: 'off' });
});
afterAll(() => e2e?.close());

const SUBSIDY = 'Hoeveel subsidie kreeg WIJ in 2022 van de gemeente?';
const PDF_ID = 'denhelder_besluitenlijst_2015';

/** Letters and digits only, lower-case: how the UI matches quotes, so punctuation and spacing cannot differ. */
const fold = (text: string | null | undefined) => (text ?? '').normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `limit` presses. */
async function tabUntil(page: Page, selector: string, backwards = false, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Focus never reached ${selector}`);
}

/** The focused element shows a focus indicator (outline or ring). */
function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  });
}

async function noHorizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('keyboard only', () => {
  it('asks, opens a citation and its original, and closes the panel with focus restored, with visible focus throughout', async () => {
    const { page, problems } = await e2e.open();
    await tabUntil(page, '#question');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type(SUBSIDY);
    await page.keyboard.press('Enter');
    await finished(page, 1);
    await tabUntil(page, 'button.citation', true);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.locator('.passage-cited mark').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await tabUntil(page, '.open-original');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.locator('.original-text mark').waitFor();
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('citation'))).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('layout', () => {
  it('fits a 390 px phone without horizontal scrolling and saves desktop and phone screenshots', async () => {
    const { page: desktop } = await e2e.open();
    await ask(desktop, SUBSIDY);
    await desktop.screenshot({ path: join(ARTIFACTS, 'chat-desktop-1280.png'), fullPage: true });
    await desktop.locator('.answer-body button.citation').first().click();
    await desktop.locator('.passage-cited mark').first().waitFor();
    await desktop.screenshot({ path: join(ARTIFACTS, 'source-panel-desktop-1280.png') });

    const { page, problems } = await e2e.open('/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
    await ask(page, 'Welke deelopdrachten voert WIJ uit in Beijum?');
    await page.getByText('Filters', { exact: true }).click();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-phone-390.png'), fullPage: true });
    await page.locator('.answer-body button.citation, button.passage-link').first().click();
    await page.locator('.passage-cited').waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'source-panel-phone-390.png') });
    await page.keyboard.press('Escape');
    for (const [path, ready] of [['/#/documenten', '.document-card'], [`/#/documenten/001_9e23d01a41b8f33e`, '.toc'], ['/#/waar-staat-dit', '#locate-text'], ['/#/gesprekken', '.conversation-item'], ['/#/beheer', '.admin-disabled']] as const) {
      await page.goto(`${e2e.server.url}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await noHorizontalScroll(page), path).toBeLessThanOrEqual(390);
    }
    await page.goto(`${e2e.server.url}/#/documenten`);
    await page.locator('.document-card').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'documents-phone-390.png'), fullPage: true });
    // The admin page's check meets the 403 of a server without ADMIN_TOKEN; the browser logs that response.
    expect(problems.filter((problem) => !/status of 403/.test(problem))).toEqual([]);
  });
});

/** A document card's metadata as label → value. */
function metaOf(page: Page, documentId: string): Promise<Record<string, string>> {
  return page.locator(`[data-document="${documentId}"] .document-meta`).evaluate((list) =>
    Object.fromEntries([...list.querySelectorAll('.meta-row')].map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? ''])));
}

/** The document ids of the cards, in order. */
function cardIds(page: Page): Promise<string[]> {
  return page.locator('.document-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-document') ?? ''));
}

describe('documents pages', () => {
  it('says a year is a year and a page count a length: "Jaar: 2025", "Omvang: 66 pagina\'s", never "Datum: 2025"', async () => {
    const { page } = await e2e.open('/#/documenten');
    await page.locator('.document-card').first().waitFor();
    const records = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { documentId: string; date: string | null; year: number | null; pageCount: number }[] }).documents;
    const undated = records.find((record) => record.date === null && record.year !== null);
    const paged = records.find((record) => record.pageCount > 1 && record.date !== null && record.year !== null && !record.date.startsWith(String(record.year)));
    expect(undated && paged).toBeTruthy();
    const undatedMeta = await metaOf(page, undated?.documentId ?? '');
    expect(undatedMeta['Jaar']).toBe(String(undated?.year));
    expect(undatedMeta['Datum']).toBeUndefined();
    const pagedMeta = await metaOf(page, paged?.documentId ?? '');
    expect(pagedMeta).toMatchObject({ Omvang: `${paged?.pageCount} pagina's`, Jaar: String(paged?.year) });
    expect(pagedMeta['Datum']).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    expect(pagedMeta['Pagina']).toBeUndefined();
  });

  it('searches by title ignoring case, filters by type, sorts by date or type, and keeps the choices', async () => {
    const { page } = await e2e.open('/#/documenten');
    await page.locator('.document-card').first().waitFor();
    const records = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { documentId: string; title: string; docType: string; date: string | null; year: number | null }[] }).documents;
    const count = page.locator('.document-count');
    expect(await count.textContent()).toBe(`${records.length} documenten`);

    const target = records.find((record) => record.docType === 'raadsvoorstel') as (typeof records)[number];
    const word = target.title.split(/\s+/).filter((w) => w.length > 6 && records.filter((r) => r.title.includes(w)).length === 1)[0] ?? '';
    expect(word.length).toBeGreaterThan(6);
    await page.getByLabel('Zoek op titel').fill(word.toUpperCase());
    await expect.poll(() => cardIds(page)).toEqual([target.documentId]);
    expect(await count.textContent()).toBe(`1 van ${records.length} documenten`);
    await page.getByLabel('Zoek op titel').fill('geen-enkele-titel');
    await page.getByText('Geen documenten gevonden met deze keuzes.').waitFor();
    await page.getByLabel('Zoek op titel').fill('');

    await page.locator('#document-type').selectOption('raadsvoorstel');
    const proposals = records.filter((record) => record.docType === 'raadsvoorstel');
    await expect.poll(async () => (await cardIds(page)).sort()).toEqual(proposals.map((r) => r.documentId).sort());
    await page.locator('#document-type').selectOption('');

    const key = (r: (typeof records)[number]) => r.date ?? (r.year ? `${r.year}-00-00` : '');
    await page.getByLabel('Sorteer op').selectOption('date-asc');
    const oldest = await cardIds(page);
    const dated = records.filter((r) => key(r) !== '').sort((a, b) => key(a).localeCompare(key(b)) || a.title.localeCompare(b.title, 'nl', { sensitivity: 'base', numeric: true }));
    expect(oldest.slice(0, dated.length)).toEqual(dated.map((r) => r.documentId));
    await page.getByLabel('Sorteer op').selectOption('type');
    const types = (await cardIds(page)).map((id) => records.find((r) => r.documentId === id)?.docType ?? '');
    expect(types).toEqual([...types].sort((a, b) => a.localeCompare(b, 'nl')));

    // Leaving the page and coming back keeps the sort order.
    await page.getByRole('link', { name: 'Chat' }).click();
    await page.getByRole('link', { name: 'Documenten' }).click();
    await page.locator('.document-card').first().waitFor();
    expect(await page.getByLabel('Sorteer op').inputValue()).toBe('type');
  });

  it('lists every document with metadata, passage counts and ingest warnings', async () => {
    const { page } = await e2e.open('/#/documenten');
    const cards = page.locator('.document-card');
    await cards.first().waitFor();
    const records = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { documentId: string; passageCount: number }[] }).documents;
    expect(await cards.count()).toBe(records.length);
    for (const record of records) expect(await metaOf(page, record.documentId)).toMatchObject({ Passages: String(record.passageCount) });
    const scan = page.locator('[data-document="emmen_toezeggingen_scan"]');
    expect(await scan.textContent()).toContain('Niet doorzoekbaar');
    expect(await scan.locator('.warnings').textContent()).toContain('Geen tekstlaag — OCR nodig');
  });

  it('reads a document by section from its table of contents', async () => {
    const { page } = await e2e.open('/#/documenten');
    await page.getByRole('link', { name: 'Lezen: Jaarverslag 2022', exact: false }).click();
    const links = page.locator('.toc a');
    await links.first().waitFor();
    expect(await links.count()).toBeGreaterThan(5);
    const link = links.nth(4);
    const name = squash(await link.textContent());
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('section-heading'))).toBe(true);
    expect(squash(await page.evaluate(() => document.activeElement?.textContent))).toBe(name);
    expect(page.url()).toMatch(/#\/documenten\/001_9e23d01a41b8f33e\/\d+$/);
    expect(await page.locator('.section-text').count()).toBeGreaterThan(3);
  });
});

describe('original PDF', () => {
  it('renders the cited page with pdf.js and highlights the quote on it', async () => {
    const { page, problems } = await e2e.open();
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Document', { exact: true }).selectOption(PDF_ID);
    const citations = await citationsOf(e2e.server.url, await ask(page, 'Wat besloot de raad over de GGD Hollands Noorden?'));
    expect(citations.length).toBeGreaterThan(0);
    expect(citations.every((c) => c.documentId === PDF_ID)).toBe(true);
    await page.locator('.answer-body button.citation').first().click();
    await page.getByRole('button', { name: 'Open origineel' }).click();
    const pdfPage = page.locator('.pdf-page');
    await pdfPage.waitFor({ timeout: 30_000 });
    expect(Number(await pdfPage.getAttribute('data-page'))).toBe(citations[0]?.page);
    expect(Number(await pdfPage.getAttribute('data-highlights'))).toBeGreaterThan(0);
    const marked = fold(await page.locator('.pdf-highlight-text mark').first().textContent());
    expect(marked.length).toBeGreaterThan(20);
    expect(fold(citations[0]?.quote)).toContain(marked);
    const highlighted = await page.evaluate(() => {
      const canvas = document.querySelector('.pdf-canvas') as HTMLCanvasElement;
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) > 230 && (data[i + 1] ?? 0) > 190 && (data[i + 2] ?? 255) < 160) count += 1;
      return count;
    });
    expect(highlighted).toBeGreaterThan(500);
    await page.screenshot({ path: join(ARTIFACTS, 'pdf-original-desktop-1280.png') });
    await page.getByRole('button', { name: /Volgende pagina/ }).click();
    await page.locator('.pdf-page[data-page="3"]').waitFor();
    expect(await page.locator('.pdf-page-status').textContent()).toBe('Pagina 3 van 4');
    expect(problems).toEqual([]);
  });

  it('zooms the page in its own scrolling frame, keeps the zoom from page to page, fits it back, and jumps to a page', async () => {
    const { page, problems } = await e2e.open();
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Document', { exact: true }).selectOption(PDF_ID);
    await ask(page, 'Wat besloot de raad over de GGD Hollands Noorden?');
    await page.locator('.answer-body button.citation').first().click();
    await page.getByRole('button', { name: 'Open origineel' }).click();
    const frame = page.locator('.pdf-page');
    await frame.waitFor({ timeout: 30_000 });
    const fitted = await frame.evaluate((element) => ({ frame: element.clientWidth, canvas: (element.querySelector('canvas') as HTMLCanvasElement).getBoundingClientRect().width }));
    expect(Math.abs(fitted.canvas - fitted.frame)).toBeLessThanOrEqual(2);
    expect(await page.getByRole('button', { name: 'Uitzoomen' }).isDisabled()).toBe(false);
    expect(await page.getByRole('button', { name: 'Passend' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await page.locator('.pdf-page[data-zoom="1.25"]').waitFor();
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await page.locator('.pdf-page[data-zoom="1.5"]').waitFor();
    expect(await page.locator('.pdf-zoom-level').textContent()).toBe('150%');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pdf-zoom-in'))).toBe(true);
    const zoomed = await frame.evaluate((element) => ({ width: element.clientWidth, scroll: element.scrollWidth, canvas: (element.querySelector('canvas') as HTMLCanvasElement).getBoundingClientRect().width }));
    expect(zoomed.canvas / fitted.canvas).toBeCloseTo(1.5, 1);
    expect(zoomed.scroll).toBeGreaterThan(zoomed.width);
    // The page scrolls inside its frame; the panel itself never scrolls sideways.
    expect(await page.locator('.panel-body').evaluate((body) => body.scrollWidth <= body.clientWidth + 1)).toBe(true);
    const shown = Number(await frame.getAttribute('data-page'));
    await page.getByRole('button', { name: shown < 4 ? /Volgende pagina/ : /Vorige pagina/ }).click();
    await page.locator(`.pdf-page[data-page="${shown < 4 ? shown + 1 : shown - 1}"][data-zoom="1.5"]`).waitFor();
    await page.getByRole('button', { name: 'Passend' }).click();
    await page.locator('.pdf-page[data-zoom="1"]').waitFor();
    expect(await page.locator('.pdf-zoom-level').textContent()).toBe('100%');
    await page.getByLabel('Naar pagina').fill('9');
    await page.getByLabel('Naar pagina').press('Enter');
    expect(await page.locator('.pdf-page').getAttribute('data-page')).not.toBe('9');
    await page.getByLabel('Naar pagina').fill('4');
    await page.getByLabel('Naar pagina').press('Enter');
    await page.locator('.pdf-page[data-page="4"]').waitFor();
    expect(await page.locator('.pdf-page-status').textContent()).toBe('Pagina 4 van 4');
    expect(await page.getByRole('button', { name: /Volgende pagina/ }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('page numbers of text documents', () => {
  it('shows the page a passage stands on, "van" the footers\' count, in the panel, the original text and the reader', async () => {
    const records = ((await (await fetch(`${e2e.server.url}/api/documents`)).json()) as { documents: { documentId: string; mediaType: string; pageCount: number }[] }).documents;
    const paged = records.find((record) => record.mediaType !== 'application/pdf' && record.pageCount > 0) as (typeof records)[number];
    const body = (await (await fetch(`${e2e.server.url}/api/documents/${paged.documentId}/text`)).json()) as { text: string; passages: { passageId: string; page: number | null; pageLabel: string | null; cleanStart: number; cleanEnd: number }[] };
    const onPage = body.passages.find((passage) => passage.page !== null && body.text.slice(passage.cleanStart, passage.cleanEnd).split(/\s+/).length > 12) as (typeof body.passages)[number];
    const words = body.text.slice(onPage.cleanStart, onPage.cleanEnd).split(/\s+/).filter(Boolean).slice(0, 10).join(' ');
    const label = onPage.pageLabel ?? String(onPage.page);
    const { page, problems } = await e2e.open('/#/waar-staat-dit');
    await page.getByLabel('Citaat of bewering').fill(words);
    await page.getByRole('button', { name: 'Zoek vindplaats' }).click();
    await page.locator(`.exact-results .result[data-passage="${onPage.passageId}"]`).getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('.meta-row').filter({ hasText: 'Pagina' }).locator('dd').textContent()).toBe(`${label} van ${paged.pageCount}`);
    await dialog.getByRole('button', { name: 'Open origineel' }).click();
    const marker = dialog.locator(`.original-text .page-marker[data-page="${label}"]`);
    await marker.waitFor();
    expect(await marker.textContent()).toBe(`Pagina ${label} van ${paged.pageCount}`);
    // The marker stands right before the cited passage's range.
    expect(await marker.evaluate((element) => element.nextElementSibling?.classList.contains('passage-range'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.goto(`${e2e.server.url}/#/documenten/${paged.documentId}`);
    await page.locator('.section-page').filter({ hasText: `p. ${label}` }).first().waitFor();
    expect(problems).toEqual([]);
  });
});

describe('Waar staat dit?', () => {
  it('finds a pasted quote despite other line breaks and case, marks it, and lists supporting passages', async () => {
    const { page } = await e2e.open('/#/waar-staat-dit');
    await page.getByLabel('Citaat of bewering').fill('TOTAAL aantal gemelde\nklachten 82 121 124');
    await page.getByRole('button', { name: 'Zoek vindplaats' }).click();
    const exact = page.locator('.exact-results .result');
    await exact.first().waitFor();
    expect(fold(await exact.first().locator('mark').textContent())).toBe(fold('Totaal aantal gemelde klachten 82 121 124'));
    expect(await page.locator('.related-results .result').count()).toBeGreaterThan(0);
    expect(await page.locator('.related-results').textContent()).toMatch(/% van de woorden/);
    await exact.first().getByRole('button').click();
    expect(fold((await page.getByRole('dialog').locator('.passage-cited mark').allTextContents()).join(''))).toBe(fold('Totaal aantal gemelde klachten 82 121 124'));
  });
});

describe('language', () => {
  it('switches to English, keeps the choice after a reload, and switches back', async () => {
    const { page } = await e2e.open();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ask the documents');
    expect(await page.getByRole('link', { name: 'Documents' }).isVisible()).toBe(true);
    await page.reload();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('Your question').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vraag het de stukken');
  });

  it('gives the "not in the documents" note and its explanation in one language, the interface\'s', async () => {
    const { page } = await e2e.open();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await ask(page, 'Welke voetbalclub sponsort WIJ Groningen?');
    const note = page.locator('article.answer-not-found');
    expect(await note.locator('.notice-title').textContent()).toBe('iThis is not in the documents.');
    const detail = note.locator('.notice-detail');
    // The app knows the server's own sentence (server/answer/messages.ts) and gives it in the interface language.
    expect(await detail.textContent()).toBe(MESSAGES.en.notFoundHint);
    expect(await detail.getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    expect(await note.locator('.notice-title').textContent()).toBe('iDit staat niet in de documenten.');
    expect(await note.locator('.notice-detail').textContent()).toBe(MESSAGES.nl.notFoundHint);
    expect(await note.locator('.notice-detail').getAttribute('lang')).toBe('nl');
  });
});
