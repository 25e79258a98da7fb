/**
 * `npm run bench -- --scale [--sizes 1000,10000,100000]`: for corpora of each size generated from the real
 * documents, the full ingest (time, passages/s, peak RSS), adding and deleting one small document, the index
 * size, the server's start time and RSS, and /api/ask against raw LanceDB full-text search on the same table.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LanceStore } from '../../../ingest/index.js';
import { median, percentile, timed } from '../measure.js';
import { rawQuery } from '../search-bench.js';
import { REPO_ROOT, startServerProcess } from '../../support/server-process.js';
import { generateCorpus, SMALL_DOCUMENT } from './generate-corpus.js';
import { scaleQuestions } from './scale-questions.js';
import { sourceTexts } from './sources.js';

/** Figures for one corpus size. */
export interface ScaleRow {
  target: number;
  documents: number;
  passages: number;
  ingestMs: number;
  passagesPerSecond: number;
  ingestPeakRssMb: number;
  addMs: number;
  deleteMs: number;
  indexMb: number;
  serverStartMs: number;
  serverRssMb: number;
  askP50: number;
  askP95: number;
  /** /api/ask p50 in the first round, for questions whose passages the server has not read yet (no target). */
  askColdP50: number;
  rawFullTextP50: number;
}

async function runChild(request: object): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/scale/scale-child.ts', JSON.stringify(request)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the scale ingest exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1) as string) as Record<string, unknown>;
}

async function folderBytes(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    total += entry.isDirectory() ? await folderBytes(child) : (await stat(child)).size;
  }
  return total;
}

/**
 * /api/ask and raw full text over the same questions, interleaved. The first round reads every question's passages
 * and documents from LanceDB: it is reported on its own (cold), and the targets are on the rounds after it.
 */
async function latencies(url: string, indexDir: string, questions: string[], rounds: number) {
  const search = await (await LanceStore.open(indexDir)).search();
  if (!search) throw new Error('no index to search');
  const ask: number[] = [];
  const raw: number[] = [];
  const cold: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const question of questions) {
      const asked = await timed(() => fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) }).then((r) => r.json()));
      const searched = await timed(() => search.fullText(rawQuery(question), 10));
      if (round > 0) {
        ask.push(asked.ms);
        raw.push(searched.ms);
      } else cold.push(asked.ms);
    }
  }
  return { askP50: median(ask), askP95: percentile(ask, 0.95), askColdP50: median(cold), rawFullTextP50: median(raw) };
}

export async function measureServer(indexDir: string, corpus: string, questions: string[], rounds: number) {
  const started = performance.now();
  const server = await startServerProcess({ INDEX_DIR: indexDir, CORPUS_DIR: corpus, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' }, 30 * 60_000);
  const serverStartMs = performance.now() - started;
  try {
    const figures = await latencies(server.url, indexDir, questions, rounds);
    return { serverStartMs, serverRssMb: server.rssKb() / 1024, ...figures };
  } finally {
    await server.stop();
  }
}

/** Measures one size in its own temp folder, removed afterwards. */
export async function benchScaleSize(target: number, rounds: number, progress: (line: string) => void): Promise<ScaleRow> {
  const root = await mkdtemp(join(tmpdir(), `grip-scale-${target}-`));
  try {
    const sources = await sourceTexts();
    const corpus = await generateCorpus(sources, target, join(root, 'corpus'));
    const indexDir = join(root, 'index');
    progress(`  ${target}: ${corpus.files} files, ingesting…`);
    const full = await runChild({ mode: 'full', indexDir, corpus: corpus.folder });
    const small = join(root, 'brief-wijkcentrum.md');
    await writeFile(small, SMALL_DOCUMENT);
    progress(`  ${target}: adding and deleting one document…`);
    const change = await runChild({ mode: 'change', indexDir, corpus: corpus.folder, addFile: small, rounds: 5 });
    const indexMb = (await folderBytes(indexDir)) / 1e6;
    progress(`  ${target}: server…`);
    const server = await measureServer(indexDir, corpus.folder, await scaleQuestions(corpus.folder, 40), rounds);
    const passages = Number(full.passages);
    return {
      target, documents: Number(full.documents), passages, ingestMs: Number(full.ms), passagesPerSecond: (passages * 1000) / Number(full.ms),
      ingestPeakRssMb: Number(full.maxRssKb) / 1024, addMs: median(change.add as number[]), deleteMs: median(change.remove as number[]), indexMb, ...server,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
