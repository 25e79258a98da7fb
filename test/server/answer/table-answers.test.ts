/**
 * Figures from tables on real documents: a comparison question about any row with two year columns is answered
 * with that row as a table and the difference computed from its cells, on the shipped annual report (data/corpus)
 * and on a province's annual accounts PDF the pipeline was not written for (test/fixtures/pdfs/nl).
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { comparedCells, difference } from '../../../server/answer/answer-tables.js';
import { ask } from '../../../server/answer/ask.js';
import type { Engine } from '../../../server/engine.js';
import { allPassages, CORPUS_DIR, corpusEngine } from '../../support/corpus-engine.js';

const PDF = fileURLToPath(new URL('../../fixtures/pdfs/nl/overijssel_jaarstukken_2023.pdf', import.meta.url));
const SAMPLE = 6;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function engineOver(folder: string): Promise<Engine> {
  const { engine, dispose } = await corpusEngine(folder);
  cleanups.push(dispose);
  return engine;
}

/** Rows labelled in words with cells for two years, spread evenly over the document's tables. */
async function comparableRows(engine: Engine) {
  const rows = (await allPassages(engine)).flatMap((passage) => (passage.table?.rows ?? []).map((row) => ({ row, cells: comparedCells(row) })));
  const usable = rows.filter((r) => r.cells && /^\p{L}[\p{L} -]{8,}$/u.test(r.row.label));
  const step = Math.max(1, Math.floor(usable.length / SAMPLE));
  return usable.filter((_, i) => i % step === 0).slice(0, SAMPLE);
}

async function expectComparisons(engine: Engine): Promise<void> {
  const rows = await comparableRows(engine);
  expect(rows.length).toBe(SAMPLE);
  for (const { row, cells } of rows) {
    const { newer, older } = cells!;
    const response = await ask(engine, { question: `Hoeveel was ${row.label.toLowerCase()} in ${newer.year} vergeleken met ${older.year}?` });
    expect(response.status).toBe('answered');
    // A label may head rows of two tables (a balance sheet and its movements table): the one computed from this row.
    const labelled = response.tables?.flatMap((t) => t.rows).filter((r) => r.label === row.label) ?? [];
    const shown = labelled.find((r) => r.cells.some((c) => c.computed && c.text === difference(newer, older))) ?? labelled[0];
    expect(shown, `the row "${row.label}" in the answer's tables`).toBeDefined();
    const computed = shown!.cells.find((c) => c.computed);
    expect(computed?.text).toBe(difference(newer, older));
    // The row's printed cells are shown as printed, each cited.
    for (const cell of row.cells) expect(shown!.cells.some((c) => c.text === cell.text && c.n !== null)).toBe(true);
  }
}

describe('comparison questions about table rows', () => {
  it('are answered from the row with the difference computed, in the shipped annual report', async () => {
    await expectComparisons(await engineOver(CORPUS_DIR));
  }, 180_000);

  it('are answered the same way in a PDF of annual accounts with year columns', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'grip-tables-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    await copyFile(PDF, join(folder, 'jaarstukken.pdf'));
    await expectComparisons(await engineOver(folder));
  }, 300_000);
});
