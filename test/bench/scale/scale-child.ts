/**
 * The ingest side of the scale benchmark, in a process of its own so its peak memory is its own:
 * `full` ingests a corpus folder into a fresh index; `change` adds a small document and deletes it again,
 * `rounds` times, into an existing index. Prints one JSON line with the timings and the peak RSS.
 */
import { basename, dirname } from 'node:path';
import { createIngestDeps, fileInputs, ingestInputs, LanceStore, parseSettings, removeDocuments } from '../../../ingest/index.js';

interface Request {
  mode: 'full' | 'change';
  indexDir: string;
  corpus: string;
  /** For `change`: the small document's path. */
  addFile?: string;
  rounds?: number;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as Request;
  const settings = parseSettings({ INDEX_DIR: request.indexDir, CORPUS_DIR: request.corpus, LOG_LEVEL: 'silent' });
  const store = await LanceStore.open(settings.INDEX_DIR);
  const deps = createIngestDeps(settings, store, new Map());
  if (request.mode === 'full') {
    const { inputs, folders } = await fileInputs([request.corpus]);
    const started = performance.now();
    const summary = await ingestInputs(inputs, deps, { syncOrigins: folders });
    const ms = performance.now() - started;
    console.log(JSON.stringify({ ms, documents: summary.documents, passages: summary.passages, maxRssKb: process.resourceUsage().maxRSS }));
    return;
  }
  const file = request.addFile as string;
  const add: number[] = [];
  const remove: number[] = [];
  for (let round = 0; round < (request.rounds ?? 3); round++) {
    const { inputs } = await fileInputs([file]);
    let started = performance.now();
    const added = await ingestInputs(inputs, deps);
    add.push(performance.now() - started);
    if (added.files[0]?.status !== 'added') throw new Error(`the small document was not added: ${JSON.stringify(added.files[0])}`);
    started = performance.now();
    await removeDocuments([added.files[0].documentId], deps);
    remove.push(performance.now() - started);
  }
  console.log(JSON.stringify({ add, remove, maxRssKb: process.resourceUsage().maxRSS, file: basename(file), folder: dirname(file) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
