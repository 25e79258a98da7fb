import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadFile } from '../../../ingest/load/load-file.js';
import { createLoaderPool } from '../../../ingest/load/loader-pool.js';
import { loadAndCleanInWorker, loadFileInWorker } from '../../../ingest/load/parse-in-worker.js';
import { casesForAvailable, corpusBytes, pdfBytes, repoRoot } from '../../support/fixtures.js';
import { generatedPdf } from '../../support/generated-pdf.js';
import { failure } from '../../support/app-error.js';

// The file's own pool, so no warm worker of another file's tests comes or goes while threads are counted.
const pool = createLoaderPool();
const budget = { maxPages: 500, timeoutMs: 30_000, pool };
afterAll(() => pool.close());

/** A 352-page book: long enough to be read in two threads and to outlast a short time budget. */
const book = (): Uint8Array => generatedPdf({ pages: 352 });

/** OS threads of this process: a live worker thread is one of them. */
function threadCount(): number {
  return readdirSync('/proc/self/task').length;
}

describe('loadFileInWorker', () => {
  it('loads a PDF in a worker exactly as loadFile does in-process', async () => {
    const bytes = pdfBytes('hostile/twocolumn_paper.pdf');
    const [isolated, inProcess] = await Promise.all([loadFileInWorker(bytes, 'paper.pdf', budget), loadFile(bytes, 'paper.pdf')]);
    expect(isolated).toEqual(inProcess);
  });

  it('reads a long PDF in two threads, with the same document as one in-process reader', async () => {
    const bytes = book();
    const before = threadCount();
    let most = before;
    const sampler = setInterval(() => (most = Math.max(most, threadCount())), 10);
    const isolated = await loadFileInWorker(bytes, 'boek.pdf', { ...budget, parallelOnlyWhenIdle: false }).finally(() => clearInterval(sampler));
    expect(most).toBeGreaterThanOrEqual(before + 2);
    expect(isolated).toEqual(await loadFile(bytes, 'boek.pdf'));
  });

  it.each(casesForAvailable([{ file: 'hostile/twocolumn_paper.pdf' }, { file: 'nl/jeugd_hervormingsagenda.pdf' }]))(
    'cleans $file read in two threads in the worker, as cleanDocument does in-process (plus ../shared when present)',
    async ({ file }) => {
      const bytes = pdfBytes(file);
      const isolated = await loadAndCleanInWorker(bytes, 'document.pdf', { ...budget, parallelFromPages: 2, parallelOnlyWhenIdle: false });
      const document = await loadFile(bytes, 'document.pdf');
      expect(isolated).toEqual({ document, clean: cleanDocument(document) });
    },
  );

  it('loads text files too', async () => {
    const document = await loadFileInWorker(corpusBytes('004_27f37c8f34aada63.txt'), '004.txt', budget);
    expect(document.mediaType).toBe('text/plain');
    expect(document.titleHint).toBe('Samenwerking tussen WIJ Groningen en gemeente Groningen is adequaat ingericht');
  });

  it('returns loader errors with the same code and message as in-process', async () => {
    const cases: [Uint8Array, string, { password?: string; maxPages?: number }][] = [
      [pdfBytes('hostile/enc_aes256_userpw.pdf'), 'secret.pdf', {}],
      [pdfBytes('hostile/enc_aes256_userpw.pdf'), 'secret.pdf', { password: 'fout' }],
      [new TextEncoder().encode('geen pdf'), 'nep.pdf', {}],
      [pdfBytes('hostile/corrupt_invalid_structure.pdf'), 'kapot.pdf', {}],
      [book(), 'boek.pdf', { maxPages: 10 }],
    ];
    for (const [bytes, name, options] of cases) {
      const isolated = await failure(loadFileInWorker(bytes, name, { ...budget, ...options }));
      const inProcess = await failure(loadFile(bytes, name, options));
      expect([isolated.code, isolated.message]).toEqual([inProcess.code, inProcess.message]);
    }
  });

  it('opens an encrypted PDF with its password', async () => {
    const document = await loadFileInWorker(pdfBytes('hostile/enc_aes256_userpw.pdf'), 'secret.pdf', { ...budget, password: 'abc' });
    expect(document.text).toBe('Issue 6010');
  });

  it('terminates a worker that exceeds its time budget, and the thread is really gone', async () => {
    const own = createLoaderPool();
    const before = threadCount();
    const pending = failure(loadFileInWorker(book(), 'boek.pdf', { maxPages: 500, timeoutMs: 400, pool: own }));
    await sleep(150);
    expect(threadCount()).toBeGreaterThan(before);
    const error = await pending;
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('Het laden van "boek.pdf" duurde langer dan 0,4 seconden en is afgebroken.');
    for (let waited = 0; threadCount() > before && waited < 2_000; waited += 50) await sleep(50);
    expect(threadCount()).toBe(before);
  });

  it('terminates both threads of a long PDF read in two when the budget runs out', async () => {
    const own = createLoaderPool();
    const before = threadCount();
    // Parsing in two threads and then cleaning the book takes well over the budget even on an idle machine.
    const error = await failure(loadAndCleanInWorker(book(), 'boek.pdf', { ...budget, pool: own, timeoutMs: 1_200, parallelOnlyWhenIdle: false }));
    expect(error.code).toBe('timeout');
    for (let waited = 0; threadCount() > before && waited < 2_000; waited += 50) await sleep(50);
    expect(threadCount()).toBe(before);
  });

  it('works when the app runs under the tsx CLI, as `npm start` does', () => {
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
    const script = path.join(repoRoot, 'test/ingest/load/fixtures/load-in-worker-cli.ts');
    const run = spawnSync(process.execPath, [tsxCli, script, 'hostile/xref_keyword_missing.pdf'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ pages: 1, text: 'Reduced test-case' });
  });
});
