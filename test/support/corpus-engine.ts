/**
 * The default corpus indexed once into a temp folder with the real pipeline, and an engine over it, for tests
 * that exercise retrieval and answers without HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSettings } from '../../ingest/settings.js';
import { LanceStore } from '../../ingest/store/lance-store.js';
import { ensureIndex } from '../../ingest/index.js';
import { loadEngine, readGlossary } from '../../server/bootstrap.js';
import type { Passage } from '../../ingest/index.js';
import type { Engine } from '../../server/engine.js';

/** The repository's default corpus folder. */
export const CORPUS_DIR = fileURLToPath(new URL('../../data/corpus/', import.meta.url));

/** Builds the index of a corpus folder (default: the repository's) in a temp folder and loads an engine; `dispose` removes the folder. */
export async function corpusEngine(corpusDir: string = CORPUS_DIR): Promise<{ engine: Engine; dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'grip-engine-'));
  const settings = parseSettings({ INDEX_DIR: join(root, 'index'), CORPUS_DIR: corpusDir, LOG_LEVEL: 'silent' });
  const store = await LanceStore.open(settings.INDEX_DIR);
  await ensureIndex(settings, store, () => {});
  const engine = await loadEngine(settings, store, readGlossary());
  if (!engine) throw new Error('The corpus index was not built.');
  return { engine, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** Every passage of an engine's index, read from the store (an engine holds none of them), by document and position. */
export async function allPassages(engine: Engine): Promise<Passage[]> {
  const passages: Passage[] = [];
  for await (const batch of engine.snapshot.scanPassages()) passages.push(...batch);
  return passages.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.ordinal - b.ordinal);
}
