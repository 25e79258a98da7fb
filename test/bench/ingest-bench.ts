/**
 * Ingest against raw extraction, per PDF: plain pdf.js text extraction (warm in this process, and cold in a fresh
 * thread with the loader's start-up) next to a full ingest through the real pipeline into a fresh temp index.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createIngestDeps, readCatalogs } from '../../ingest/create-ingest-deps.js';
import { extractRawPdfText } from '../../ingest/load/load-pdf.js';
import { fileInputs } from '../../ingest/pipeline/file-inputs.js';
import { ingestInputs } from '../../ingest/pipeline/ingest-inputs.js';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import type { IngestSummary } from '../../ingest/types.js';
import { median, repeat, timed } from './measure.js';
import type { RawReply } from './raw-worker.js';

/** The medians for one PDF (ms), what it holds, and the samples behind the medians. */
export interface FileBench {
  file: string;
  pages: number;
  chars: number;
  passages: number;
  rawWarmMs: number;
  /** Fresh thread, start-up included (as the ingest's loader pays it). */
  rawColdMs: number;
  /** Of which the extraction itself. */
  rawColdExtractMs: number;
  ingestMs: number;
  /** `npm run ingest` of this file in a fresh process into a fresh index, when measured. */
  cliMs?: number;
  samples: { rawWarm: number[]; rawCold: number[]; ingest: number[]; cli?: number[] };
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function rawInFreshThread(bytes: Uint8Array): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./raw-worker.mjs', import.meta.url), { workerData: bytes, execArgv: [] });
    worker.once('message', (reply: RawReply) => void worker.terminate().then(() => resolve(reply)));
    worker.once('error', reject);
  });
}

/** One ingest of `file` into a fresh temp index; only the ingest itself is timed. */
async function ingestFresh(file: string): Promise<{ ms: number; summary: IngestSummary }> {
  const root = await mkdtemp(join(tmpdir(), 'grip-bench-'));
  try {
    // OCR off: the baseline is pdf.js text extraction, and OCR of the book's image-only cover would add seconds.
    const settings = parseSettings({ INDEX_DIR: join(root, 'index'), LOG_LEVEL: 'silent', OCR: 'off' });
    const store = await LanceStore.open(settings.INDEX_DIR);
    const { inputs, folders } = await fileInputs([file]);
    const deps = createIngestDeps(settings, store, readCatalogs(folders));
    const { ms, result } = await timed(() => ingestInputs(inputs, deps, { syncOrigins: folders }));
    const failed = result.files.find((outcome) => outcome.status === 'failed');
    if (failed?.status === 'failed') throw new Error(`${basename(file)}: ${failed.error.message}`);
    return { ms, summary: result };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The CLI in a fresh process: everything cold, the lexicon load and module imports included. */
async function ingestWithCli(file: string): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'grip-bench-cli-'));
  try {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const env = { ...process.env, INDEX_DIR: join(root, 'index'), LOG_LEVEL: 'silent' };
    const start = performance.now();
    const run = spawnSync(process.execPath, [tsx, 'ingest/main.ts', file], { cwd: REPO, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run ingest failed: ${run.stderr}`);
    return performance.now() - start;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Measures one PDF `runs` times each way (medians); `cli` adds cold command-line ingests. */
export async function benchFile(file: string, runs: number, cli: boolean): Promise<FileBench> {
  const bytes = new Uint8Array(await readFile(file));
  await extractRawPdfText(bytes); // warms pdf.js in this process: "warm" means warm
  const rawWarm = await repeat(runs, () => extractRawPdfText(bytes));
  const cold: RawReply[] = [];
  const rawCold = await repeat(runs, async () => cold.push(await rawInFreshThread(bytes)));
  const ingest: number[] = [];
  let summary: IngestSummary | undefined;
  for (let run = 0; run < runs; run++) {
    const one = await ingestFresh(file);
    ingest.push(one.ms);
    summary = one.summary;
  }
  const cliSamples: number[] = [];
  for (let run = 0; cli && run < runs; run++) cliSamples.push(await ingestWithCli(file));
  return {
    file: basename(file),
    pages: rawWarm.result.pages,
    chars: rawWarm.result.chars,
    passages: summary?.passages ?? 0,
    rawWarmMs: median(rawWarm.samples),
    rawColdMs: median(rawCold.samples),
    rawColdExtractMs: median(cold.map((reply) => reply.extractMs)),
    ingestMs: median(ingest),
    ...(cli ? { cliMs: median(cliSamples) } : {}),
    samples: { rawWarm: rawWarm.samples, rawCold: rawCold.samples, ingest, ...(cli ? { cli: cliSamples } : {}) },
  };
}
