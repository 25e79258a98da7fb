/**
 * Warm loader workers (issue 11 W3): a file's time budget counts its own parse, not the worker's start-up, a
 * batch of files reuses one worker, and a worker killed at a timeout is replaced for the next file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLoaderPool, type LoaderPool } from '../../../ingest/load/loader-pool.js';
import { loadAndCleanInWorker, loadFileInWorker } from '../../../ingest/load/parse-in-worker.js';
import { failure } from '../../support/app-error.js';
import { pdfBytes } from '../../support/fixtures.js';
import { generatedPdf } from '../../support/generated-pdf.js';

const note = new TextEncoder().encode('Een korte notitie\n\nDe raad besluit over de subsidie aan WIJ Groningen.\n');
const pools: LoaderPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function newPool(): LoaderPool {
  const pool = createLoaderPool();
  pools.push(pool);
  return pool;
}

/** Pids of this process's child processes with the given program name (as /proc shows it). */
function childProcesses(names: readonly string[]): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [, name, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      const parent = Number(rest?.split(' ')[1]);
      return parent === process.pid && names.includes(name ?? '') ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

describe('loader workers', () => {
  it('parses a small file under a budget shorter than a worker start-up: the clock starts at the parse', async () => {
    // A cold worker takes most of a second to start (pdf.js and the TypeScript loader); the parse takes milliseconds.
    const pool = newPool();
    const document = await loadFileInWorker(note, 'notitie.txt', { maxPages: 10, timeoutMs: 400, pool });
    expect(document.text).toContain('De raad besluit');
    const cleaned = await loadAndCleanInWorker(pdfBytes('hostile/xref_keyword_missing.pdf'), 'klein.pdf', { maxPages: 10, timeoutMs: 400, pool });
    expect(cleaned.clean.text).toContain('Reduced test-case');
  });

  it('reuses one warm worker for a batch of files', async () => {
    const pool = newPool();
    const budget = { maxPages: 500, timeoutMs: 30_000, pool };
    await loadFileInWorker(note, 'notitie.txt', budget);
    await loadFileInWorker(pdfBytes('hostile/rotated_page90.pdf'), 'gedraaid.pdf', budget);
    await loadAndCleanInWorker(pdfBytes('nl/denhelder_besluitenlijst_2015.pdf'), 'besluitenlijst.pdf', budget);
    // A file the loader refuses leaves its worker fit for the next one.
    expect((await failure(loadFileInWorker(pdfBytes('hostile/enc_aes256_userpw.pdf'), 'geheim.pdf', budget))).code).toBe('encrypted_pdf');
    await loadFileInWorker(note, 'notitie-2.txt', budget);
    expect(pool.started).toBe(1);
  });

  it('kills a parse that runs past its budget and parses the next file in a fresh worker', async () => {
    const pool = newPool();
    await loadFileInWorker(note, 'warm.txt', { maxPages: 10, timeoutMs: 30_000, pool });
    const error = await failure(loadFileInWorker(generatedPdf({ pages: 352 }), 'boek.pdf', { maxPages: 500, timeoutMs: 300, pool }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('Het laden van "boek.pdf" duurde langer dan 0,3 seconden en is afgebroken.');
    const next = await loadFileInWorker(note, 'volgende.txt', { maxPages: 10, timeoutMs: 30_000, pool });
    expect(next.text).toContain('De raad besluit');
    expect(pool.started).toBe(2);
  });

  it('gives files loaded at the same time a worker each, and keeps one warm afterwards', async () => {
    const pool = newPool();
    const budget = { maxPages: 500, timeoutMs: 30_000, pool };
    const texts = await Promise.all([1, 2, 3].map(async (n) => (await loadFileInWorker(note, `notitie-${n}.txt`, budget)).text));
    expect(new Set(texts).size).toBe(1);
    expect(pool.started).toBe(3);
    await loadFileInWorker(note, 'daarna.txt', budget);
    expect(pool.started).toBe(3);
  });

  it('kills the OCR processes of a file whose budget runs out', async () => {
    const pool = newPool();
    const ocr = { enabled: true, command: 'tesseract', renderCommand: 'pdftoppm', language: 'nld' };
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, childProcesses(['tesseract', 'pdftoppm']).length)), 20);
    // Ten scanned pages take well over ten seconds of OCR, one page at a time; the budget ends it halfway or sooner.
    const error = await failure(loadFileInWorker(pdfBytes('nl/vws_woo_besluit_scan.pdf'), 'scan.pdf', { maxPages: 50, timeoutMs: 6_000, pool, ocr })).finally(() => clearInterval(sampler));
    expect(error.code).toBe('timeout');
    expect(most).toBeGreaterThan(0);
    for (let waited = 0; childProcesses(['tesseract', 'pdftoppm']).length > 0 && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(childProcesses(['tesseract', 'pdftoppm'])).toEqual([]);
  });
});
