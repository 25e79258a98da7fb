/**
 * Tables in the web app, in Chromium: an answer's structured tables (AnswerTable) drawn with caption, unit, year
 * columns and row labels, each cell cited and computed cells marked; pipe tables in answer text drawn as tables;
 * tables kept in copies and exports; a table passage (PassageTable) in the source panel and in excerpts drawn as
 * the table it is, with the quoted cells marked. The answer and passage structures come from the answer pipeline
 * and the table extraction; here they are given to the app's own rendering modules, and the passage for the
 * source panel is a real one from the server, so its neighbours load from the API.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, squash, startE2e, type E2e, type PageImport } from './harness.js';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e?.close());

const TABLE = {
  caption: 'Lasten huisvesting',
  unit: 'x € 1.000',
  columns: ['Begroting 2024', 'Realisatie 2024', 'Verschil'],
  rows: [
    { label: 'Huur', cells: [{ text: '1.200', n: 1 }, { text: '1.350', n: 1 }, { text: '150', n: null, computed: true }] },
    { label: 'Schoonmaak', cells: [{ text: '300', n: 2 }, { text: '280', n: 2 }, { text: '−20', n: null, computed: true }] },
  ],
};

const CITATIONS = [1, 2].map((n) => ({
  n, passageId: `doc:p${n}`, documentId: 'doc', source: 'huisvesting.md', title: 'Jaarrekening huisvesting', docType: 'jaarrekening',
  date: null, page: 4, pageLabel: '4', section: 'Lasten', quote: n === 1 ? 'Huur 1.200 1.350' : 'Schoonmaak 300 280', text: 'Huur 1.200 1.350\nSchoonmaak 300 280',
}));

const PIPE = '| Post | Begroting 2024 | Realisatie 2024 | Verschil |\n|---|---:|---:|---:|\n| Huur | 1.200 [1] | 1.350 [1] | 150 (berekend) |\n| Schoonmaak | 300 [2] | 280 [2] | −20 (berekend) |';

/** Renders a turn with the app's turn view into a fresh element of the page; clicks on markers are recorded. */
async function renderTurnIn(page: Page, turn: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (data) => {
    const { renderTurn } = (await (window as unknown as { gripImport: PageImport }).gripImport('/js/chat/turn-view.js')) as any;
    const item = document.createElement('li');
    item.id = 'probe';
    document.querySelector('.conversation')?.append(item);
    const opened: number[] = ((window as unknown as { opened: number[] }).opened = []);
    const full = { id: 999, status: 'answered', notFound: false, citations: [], passages: [], tables: [], answerType: null, query: { language: 'nl' }, error: null, request: { question: data.question }, feedback: null, ...data };
    renderTurn(item, full, { onCitation: (c: { n: number }) => opened.push(c.n), onPassage: () => {}, onCopy: () => {}, onRetry: () => {}, feedbackFor: () => document.createElement('div') });
  }, turn);
}

/** The rows of a table as arrays of cell texts, header row first. */
function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).evaluate((table) => [...table.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

describe('answer tables', () => {
  it('draws the structured table in place of the pipe table: caption with unit, year columns, row labels, cited cells, computed cells marked', async () => {
    const { page, problems } = await e2e.open();
    await renderTurnIn(page, { question: 'Wat kostte de huisvesting?', answer: `**1.350** [1]\n\nDe lasten:\n\n${PIPE}`, tables: [TABLE], citations: CITATIONS });
    const probe = page.locator('#probe');
    expect(await probe.locator('table').count()).toBe(1);
    expect(await probe.locator('.direct-answer strong').textContent()).toBe('1.350');
    expect(squash(await probe.locator('caption').textContent())).toBe('Lasten huisvesting (x € 1.000)');
    expect(await tableRows(page, '#probe table')).toEqual([
      ['Post', 'Begroting 2024', 'Realisatie 2024', 'Verschil'],
      ['Huur', '1.200 [1]', '1.350 [1]', '150 (berekend)'],
      ['Schoonmaak', '300 [2]', '280 [2]', '−20 (berekend)'],
    ]);
    expect(await probe.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Huur', 'Schoonmaak']);
    expect(await probe.locator('thead th[scope="col"]').count()).toBe(4);
    expect(await probe.locator('td.computed').count()).toBe(2);
    expect(await probe.locator('td.num').count()).toBe(6);
    expect(await probe.locator('.table-frame').getAttribute('aria-label')).toBe('Tabel: Lasten huisvesting (x € 1.000)');
    await probe.locator('tbody tr').nth(1).locator('button.citation').first().click();
    expect(await page.evaluate(() => (window as unknown as { opened: number[] }).opened)).toEqual([2]);
    expect(problems).toEqual([]);
  });

  it('draws a pipe table in the answer text as a table when no structure comes with it, with markers as buttons', async () => {
    const { page } = await e2e.open();
    await renderTurnIn(page, { question: 'Wat kostte de huisvesting?', answer: `Volgens de jaarrekening:\n\n${PIPE}\n\nDaarna volgt tekst.`, citations: CITATIONS });
    expect(await tableRows(page, '#probe table')).toEqual([
      ['Post', 'Begroting 2024', 'Realisatie 2024', 'Verschil'],
      ['Huur', '1.200 [1]', '1.350 [1]', '150 (berekend)'],
      ['Schoonmaak', '300 [2]', '280 [2]', '−20 (berekend)'],
    ]);
    expect(await page.locator('#probe td button.citation').count()).toBe(4);
    expect(await page.locator('#probe td.computed').count()).toBe(2);
    expect(await page.locator('#probe .answer-body > p').allTextContents()).toEqual(['Volgens de jaarrekening:', 'Daarna volgt tekst.']);
    expect(await page.locator('#probe').textContent()).not.toContain('|');
  });

  it('appends a structured table the text does not show, and keeps tables in copies as pipe tables', async () => {
    const { page } = await e2e.open();
    await renderTurnIn(page, { question: 'Wat kostte de huisvesting?', answer: 'De huur steeg [1].', tables: [TABLE], citations: CITATIONS });
    expect(await page.locator('#probe table').count()).toBe(1);
    const copies = await page.evaluate(async ({ table, citations, pipe }) => {
      const { turnAsText } = (await (window as unknown as { gripImport: PageImport }).gripImport('/js/source-line.js')) as any;
      const turn = (answer: string) => ({ status: 'answered', answer, citations, tables: [table], passages: [] });
      return { without: turnAsText(turn('De huur steeg [1].')), with: turnAsText(turn(`De lasten:\n\n${pipe}`)) };
    }, { table: TABLE, citations: CITATIONS, pipe: PIPE });
    expect(copies.without).toContain('*Lasten huisvesting (x € 1.000)*');
    expect(copies.without).toContain('|  | Begroting 2024 | Realisatie 2024 | Verschil |');
    expect(copies.without).toContain('| Huur | 1.200 [1] | 1.350 [1] | 150 (berekend) |');
    expect(copies.with.match(/\| Huur \|/g)).toHaveLength(1);
    expect(copies.with.split('\n').at(-1)).toMatch(/^\[2\] Jaarrekening huisvesting/);
  });
});

describe('table passages', () => {
  it('shows a real table passage in the source view as a table, the quoted row marked, neighbours loaded from the server', async () => {
    const { page, problems } = await e2e.open();
    const search = await fetch(`${e2e.server.url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'brutolonen sociale lasten pensioenpremies begroting', k: 10 }) });
    const hits = ((await search.json()) as { passages: { passageId: string; text: string; section: string; title: string; documentId: string }[] }).passages;
    // A passage whose lines end in three figures ("Post 1.234 5.678 -"): its rows, with offsets, as the table extraction gives them.
    const ROW = /^(\D[^\n]*?) (-?\d[\d.]*|-) (-?\d[\d.]*|-) (-?\d[\d.]*|-)$/gm;
    const hit = hits.find((h) => [...h.text.matchAll(ROW)].length >= 4);
    expect(hit).toBeDefined();
    const passage = hit as NonNullable<typeof hit>;
    const columns = ['2022', 'Begroting 2022', '2021'];
    const rows = [...passage.text.matchAll(ROW)].map((m) => {
      const start = m.index ?? 0;
      let at = start + (m[1] ?? '').length;
      const cells = [m[2], m[3], m[4]].map((text, i) => {
        const cellStart = passage.text.indexOf(text ?? '', at);
        at = cellStart + (text ?? '').length;
        return { text: text ?? '', value: null, column: columns[i] ?? '', year: null, start: cellStart, end: at };
      });
      return { label: m[1] ?? '', start, end: start + m[0].length, cells };
    });
    const quoted = rows[1] as (typeof rows)[number];
    const quote = passage.text.slice(quoted.start, quoted.end);
    await page.evaluate(async ({ source }) => {
      const { showPassage } = (await (window as unknown as { gripImport: PageImport }).gripImport('/js/source/passage-view.js')) as any;
      const box = document.createElement('div');
      box.id = 'probe';
      document.body.append(box);
      await showPassage(box, source);
    }, { source: { ...passage, page: null, pageLabel: null, docType: 'jaarverslag', date: null, quotes: [quote], table: { caption: '', unit: 'x € 1', columns, rows } } });
    const cited = page.locator('#probe .passage-cited');
    expect(await cited.locator('tbody tr:not(.table-group)').count()).toBe(rows.length);
    expect(await cited.locator('thead th').allTextContents()).toEqual(['Post', ...columns]);
    const marked = cited.locator('tr.row-quoted');
    expect(await marked.count()).toBe(1);
    expect(squash(await marked.locator('th').textContent())).toBe(quoted.label);
    expect(await marked.locator('td mark').allTextContents()).toEqual(quoted.cells.map((c) => c.text));
    await page.locator('#probe .context .passage-neighbour').first().waitFor();
    await page.locator('#probe').screenshot({ path: `${ARTIFACTS}table-passage.png` });
    expect(problems).toEqual([]);
  });

  it('shows a table passage in a "possibly relevant" excerpt as a small table of its first rows', async () => {
    const { page } = await e2e.open();
    const text = 'Lasten\nHuur 1.200 1.350\nSchoonmaak 300 280\nEnergie 90 120\nBeveiliging 40 45\nOnderhoud 75 60\nToelichting: de huur steeg.';
    const rows = text.split('\n').slice(1, 6).map((line) => {
      const start = text.indexOf(line);
      const [label, a, b] = line.split(' ') as [string, string, string];
      return { label, start, end: start + line.length, cells: [a, b].map((value, i) => ({ text: value, value: null, column: ['2023', '2024'][i] ?? '', year: null, start: text.indexOf(value, start + label.length), end: text.indexOf(value, start + label.length) + value.length })) };
    });
    const passage = { passageId: 'doc:t', documentId: 'doc', source: 'x.md', title: 'Jaarrekening', docType: 'jaarrekening', date: null, page: null, pageLabel: null, section: 'Lasten', text, score: 1, table: { caption: 'Lasten', unit: '€', columns: ['2023', '2024'], rows } };
    await renderTurnIn(page, { question: 'Wat kostte de beveiliging van het gemeentehuis?', status: 'not_found', notFound: true, answer: 'Dit staat niet in de documenten.', passages: [passage] });
    const excerpt = page.locator('#probe .maybe-relevant .excerpt');
    expect(await tableRows(page, '#probe .excerpt table')).toEqual([['Post', '2023', '2024'], ['Huur', '1.200', '1.350'], ['Schoonmaak', '300', '280'], ['Energie', '90', '120'], ['Beveiliging', '40', '45']]);
    expect(await excerpt.textContent()).not.toContain('Toelichting');
    expect(squash(await excerpt.locator('caption').textContent())).toBe('Lasten (€)');
  });
});
