/**
 * Getting from settings to a serving engine: build the index from the default corpus when there is none,
 * check that the index fits the configured embedder and chunking, and assemble the engine with the glossary,
 * the Dutch lexicon and the query embedder. Shared by the server, the CLIs, the evaluation and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHUNKING } from '../ingest/chunk/chunk-settings.js';
import { createIngestDeps, readCatalogs, remoteEmbedder } from '../ingest/create-ingest-deps.js';
import { createEmbedder, deserializeLocalModel, type DescribedEmbeddings } from '../ingest/embed/create-embedder.js';
import { AppError } from '../ingest/errors.js';
import { fileInputs } from '../ingest/pipeline/file-inputs.js';
import { ingestInputs } from '../ingest/pipeline/ingest-inputs.js';
import { progressLines, summaryLines } from '../ingest/report.js';
import type { Settings } from '../ingest/settings.js';
import type { IndexSnapshot, LanceStore } from '../ingest/store/lance-store.js';
import { assertCompatible } from '../ingest/store/manifest.js';
import { loadDutchLexicon } from '../ingest/text/dutch-lexicon.js';
import { createEngine, type Engine } from './engine.js';
import { DEFAULT_GATE, parseGateModel, type GateModel } from './answer/gate-model.js';
import { readAnswerWords, type AnswerWords } from './retrieve/answer-words.js';
import { parseGlossary, type Glossary } from './retrieve/glossary.js';

/** The repository's data folder (glossary), independent of the working directory. */
export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
/** The web app's folder. */
export const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

/** Reads the glossary shipped in data/glossary.json. */
export function readGlossary(path = `${DATA_DIR}glossary.json`): Glossary {
  return parseGlossary(readFileSync(path, 'utf8'));
}

/** Reads the answer pipeline's word lists shipped in data/answer-words.json. */
export function readWordLists(path = `${DATA_DIR}answer-words.json`): AnswerWords {
  return readAnswerWords(path);
}

/** The support gate's model shipped in data/support-gate.json (fitted by `npm run eval -- --fit`), or the default. */
export function readGateModel(path = `${DATA_DIR}support-gate.json`): GateModel {
  return existsSync(path) ? parseGateModel(readFileSync(path, 'utf8')) : DEFAULT_GATE;
}

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

/** The query embedder for a snapshot: its persisted local model, or the configured remote model. */
export function queryEmbedder(settings: Settings, snapshot: IndexSnapshot): DescribedEmbeddings {
  if (settings.EMBEDDER === 'local') {
    if (!snapshot.model) throw new AppError('index_mismatch', 'De index heeft geen lokaal embeddingmodel. Bouw de index opnieuw met "npm run ingest".');
    return createEmbedder({ kind: 'local', model: deserializeLocalModel(snapshot.model) });
  }
  return remoteEmbedder(settings, snapshot.manifest.embedder.dimensions);
}

/** Loads the committed generation into an engine, or null when the store has none. */
export async function loadEngine(settings: Settings, store: LanceStore, glossary: Glossary, words: AnswerWords = readWordLists(), gate: GateModel = readGateModel()): Promise<Engine | null> {
  const snapshot = await store.snapshot();
  if (!snapshot) return null;
  const expectedModel = settings.EMBEDDER === 'openai' ? settings.EMBEDDINGS_MODEL : undefined;
  assertCompatible(snapshot.manifest, { embedder: { kind: settings.EMBEDDER, ...(expectedModel ? { model: expectedModel } : {}) }, chunking: CHUNKING });
  const embedder = queryEmbedder(settings, snapshot);
  const lexicon = loadDutchLexicon();
  return createEngine(snapshot, { glossary, words, gate, embedQuery: (text) => embedder.embedQuery(text), isWord: (word) => lexicon.isKnown(word) });
}
