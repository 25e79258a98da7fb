/**
 * `npx tsx test/bench/registers-bench.ts [--runs N]`: how much of an ingest of the default corpus the registers
 * take. Each run ingests data/corpus into a fresh temp index through the real pipeline (registers included), then
 * extracts the registers again from the same documents' passages on their own; the share is the median extraction
 * time over the median ingest time (which already includes one extraction, so the share is if anything high). The
 * first run's extraction is reported apart from the median of the others.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIngestDeps, readCatalogs } from '../../ingest/create-ingest-deps.js';
import { fileInputs } from '../../ingest/pipeline/file-inputs.js';
import { ingestInputs } from '../../ingest/pipeline/ingest-inputs.js';
import { extractRegisterRows } from '../../ingest/registers/extract-registers.js';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import type { Passage } from '../../ingest/types.js';
import { machineLoad, median, timed } from './measure.js';

const CORPUS = fileURLToPath(new URL('../../data/corpus/', import.meta.url));

async function ingestOnce(): Promise<{ ms: number; byDocument: Map<string, Passage[]> }> {
  const root = await mkdtemp(join(tmpdir(), 'grip-bench-registers-'));
  try {
    const settings = parseSettings({ INDEX_DIR: join(root, 'index'), LOG_LEVEL: 'silent' });
    const store = await LanceStore.open(settings.INDEX_DIR);
    const { inputs, folders } = await fileInputs([CORPUS]);
    const deps = createIngestDeps(settings, store, readCatalogs([CORPUS]));
    const { ms } = await timed(() => ingestInputs(inputs, deps, { syncOrigins: folders }));
    const byDocument = new Map<string, Passage[]>();
    for (const passage of (await store.snapshot())?.passages ?? []) byDocument.set(passage.documentId, [...(byDocument.get(passage.documentId) ?? []), passage]);
    return { ms, byDocument };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function extractAll(byDocument: Map<string, Passage[]>): { ms: number; rows: number } {
  const start = performance.now();
  let rows = 0;
  for (const [documentId, passages] of byDocument) rows += extractRegisterRows(passages, documentId).length;
  return { ms: performance.now() - start, rows };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--runs');
  const runs = Math.max(1, Number(at >= 0 ? process.argv[at + 1] : 5));
  const before = machineLoad();
  const ingests: number[] = [];
  const extractions: number[] = [];
  let rows = 0;
  let first: number | undefined;
  for (let i = 0; i < runs; i += 1) {
    const { ms, byDocument } = await ingestOnce();
    ingests.push(ms);
    const extraction = extractAll(byDocument);
    if (first === undefined) first = extraction.ms;
    else extractions.push(extraction.ms);
    rows = extraction.rows;
  }
  const ingestMs = median(ingests);
  const extractMs = median(extractions.length ? extractions : [first ?? 0]);
  const result = { runs, rows, ingestMs, extractMs, firstExtractMs: first, share: extractMs / ingestMs, firstShare: (first ?? 0) / ingestMs, ingests, extractions, machine: { before, after: machineLoad() } };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
