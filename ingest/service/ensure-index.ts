/**
 * The first start of a server (or a CLI tool) on an empty INDEX_DIR: index the default corpus, with the same
 * steps and progress lines as `npm run ingest`.
 */
import { createIngestDeps, readCatalogs } from '../create-ingest-deps.js';
import { fileInputs } from '../pipeline/file-inputs.js';
import { ingestInputs } from '../pipeline/ingest-inputs.js';
import { progressLines, summaryLines } from '../report.js';
import type { Settings } from '../settings.js';
import type { LanceStore } from '../store/lance-store.js';

/** Builds the index from CORPUS_DIR when INDEX_DIR holds none; returns false when one already existed. */
export async function ensureIndex(settings: Settings, store: LanceStore, print: (line: string) => void): Promise<boolean> {
  if ((await store.head()) !== null) return false;
  print(`Geen index in ${settings.INDEX_DIR}: de documenten in ${settings.CORPUS_DIR} worden geïndexeerd.`);
  const { inputs, folders } = await fileInputs([settings.CORPUS_DIR]);
  const total = { files: 0 };
  const deps = createIngestDeps(settings, store, readCatalogs(folders), (event) => progressLines(event, total).forEach(print));
  const started = performance.now();
  const summary = await ingestInputs(inputs, deps, { syncOrigins: folders });
  summaryLines(summary, performance.now() - started).forEach(print);
  return true;
}
