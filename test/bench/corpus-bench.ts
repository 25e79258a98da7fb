/**
 * Ingest of the default corpus (data/corpus) into a fresh index, index build included, and a second ingest of
 * the unchanged corpus into that index, which should find nothing to do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIngestDeps, readCatalogs } from '../../ingest/create-ingest-deps.js';
import { fileInputs } from '../../ingest/pipeline/file-inputs.js';
import { ingestInputs } from '../../ingest/pipeline/ingest-inputs.js';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import type { IngestSummary } from '../../ingest/types.js';
import { median, timed } from './measure.js';

/** The default corpus folder. */
export const CORPUS_DIR = fileURLToPath(new URL('../../data/corpus/', import.meta.url));

/** Medians in ms and the samples behind them. */
export interface CorpusBench {
  documents: number;
  passages: number;
  ingestMs: number;
  reingestMs: number;
  /** False when the re-ingest wrote a generation anyway (it should not). */
  reingestUnchanged: boolean;
  samples: { ingest: number[]; reingest: number[] };
}

async function ingestCorpus(indexDir: string): Promise<{ ms: number; result: IngestSummary }> {
  const settings = parseSettings({ INDEX_DIR: indexDir, CORPUS_DIR, LOG_LEVEL: 'silent' });
  const store = await LanceStore.open(settings.INDEX_DIR);
  const { inputs, folders } = await fileInputs([CORPUS_DIR]);
  const deps = createIngestDeps(settings, store, readCatalogs(folders));
  return timed(() => ingestInputs(inputs, deps, { syncOrigins: folders }));
}

/** Ingests the corpus `runs` times into fresh indexes, then re-ingests it `runs` times into the last one. */
export async function benchCorpus(runs: number): Promise<CorpusBench> {
  const root = await mkdtemp(join(tmpdir(), 'grip-bench-corpus-'));
  try {
    const ingest: number[] = [];
    let built: IngestSummary | undefined;
    for (let run = 0; run < runs; run++) {
      const one = await ingestCorpus(join(root, `index-${run}`));
      ingest.push(one.ms);
      built = one.result;
    }
    const reingest: number[] = [];
    let unchanged = true;
    for (let run = 0; run < runs; run++) {
      const one = await ingestCorpus(join(root, `index-${runs - 1}`));
      reingest.push(one.ms);
      unchanged &&= !one.result.changed;
    }
    return {
      documents: built?.documents ?? 0,
      passages: built?.passages ?? 0,
      ingestMs: median(ingest),
      reingestMs: median(reingest),
      reingestUnchanged: unchanged,
      samples: { ingest, reingest },
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
