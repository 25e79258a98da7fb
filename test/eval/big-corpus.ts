/**
 * The "big" evaluation index: the default corpus plus unrelated real documents (../shared/pdfs/nl and two large
 * English PDFs), as any council's index holds many documents that have nothing to do with a question. Built once
 * into its own folder and reused while the inputs are unchanged (ingest is idempotent by content hash).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIngestDeps, readCatalogs } from '../../ingest/create-ingest-deps.js';
import { fileInputs } from '../../ingest/pipeline/file-inputs.js';
import { ingestInputs } from '../../ingest/pipeline/ingest-inputs.js';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import { loadEngine, readGlossary } from '../../server/bootstrap.js';
import type { Engine } from '../../server/engine.js';

const SHARED_PDFS = fileURLToPath(new URL('../../../shared/pdfs/', import.meta.url));
const LARGE_ENGLISH = ['hostile/manypages_352.pdf', 'hostile/twocolumn_paper.pdf'];
/** Where the big index lives (ignored by git). */
export const BIG_INDEX_DIR = fileURLToPath(new URL('../../data/index-big/', import.meta.url));

/** The unrelated documents added to the corpus, or an error saying where they are expected. */
export function unrelatedDocuments(root: string = SHARED_PDFS): string[] {
  const nl = join(root, 'nl');
  if (!existsSync(nl)) {
    throw new Error(`--corpus big needs the shared test PDFs beside the repository, in ${root} (nl/ and hostile/); a fresh clone does not have them. Without them, run \`npm run eval\` on the default corpus.`);
  }
  return [...readdirSync(nl).filter((name) => name.endsWith('.pdf')).sort().map((name) => join(nl, name)), ...LARGE_ENGLISH.map((name) => join(root, name))];
}

/** Opens (building when needed) the big index and its engine. */
export async function bigCorpusEngine(env: Record<string, string | undefined>, print: (line: string) => void): Promise<Engine> {
  // First, so a checkout without ../shared fails with the message before an empty index folder is made.
  const unrelated = unrelatedDocuments();
  const settings = parseSettings({ ...env, INDEX_DIR: env.BIG_INDEX_DIR ?? BIG_INDEX_DIR });
  const store = await LanceStore.open(settings.INDEX_DIR);
  const { inputs, folders } = await fileInputs([settings.CORPUS_DIR, ...unrelated]);
  const deps = createIngestDeps(settings, store, readCatalogs(folders), () => {});
  const summary = await ingestInputs(inputs, deps, { syncOrigins: folders });
  if (summary.changed) print(`Grote index gebouwd: ${summary.documents} documenten, ${summary.passages} passages.`);
  const engine = await loadEngine(settings, store, readGlossary());
  if (!engine) throw new Error('The big index could not be built.');
  return engine;
}
