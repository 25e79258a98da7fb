/**
 * `npm run ingest [-- paths…] [--refit]`: indexes data/corpus (or the given files and folders) into INDEX_DIR,
 * printing per-file progress and a summary. Folders are synced: documents whose file is gone are removed. New
 * passages are folded into the committed local model; `--refit` fits it anew on the whole corpus.
 */
import { parseSettings } from './settings.js';
import { createIngestDeps, readCatalogs } from './create-ingest-deps.js';
import { fileInputs } from './pipeline/file-inputs.js';
import { ingestInputs } from './pipeline/ingest-inputs.js';
import { progressLines, summaryLines } from './report.js';
import { LanceStore } from './store/lance-store.js';
import { errorMessage } from './errors.js';

async function main(): Promise<void> {
  const settings = parseSettings(process.env);
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const refit = args.includes('--refit');
  const paths = args.filter((arg) => arg !== '--refit');
  const { inputs, folders } = await fileInputs(paths.length > 0 ? paths : [settings.CORPUS_DIR]);
  const store = await LanceStore.open(settings.INDEX_DIR);
  const total = { files: 0 };
  const deps = createIngestDeps(settings, store, readCatalogs([settings.CORPUS_DIR, ...folders]), (event) => {
    for (const line of progressLines(event, total)) console.log(line);
  });
  const started = performance.now();
  const summary = await ingestInputs(inputs, deps, { syncOrigins: folders, refit: refit ? 'now' : 'auto' });
  for (const line of summaryLines(summary, performance.now() - started)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(`Ingest mislukt: ${errorMessage(error)}`);
  process.exitCode = 1;
});
