/**
 * Getting from settings to a serving engine: check (through ingest) that the index fits the configured embedder
 * and chunking, and assemble the engine with the glossary, the Dutch lexicon and the query embedder. Shared by
 * the server, the CLIs, the evaluation and the benchmark. Building a missing index is ingest's `ensureIndex`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertServable, loadDutchLexicon, queryEmbedder, type LanceStore, type Settings } from '../ingest/index.js';
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

/** Loads the committed generation into an engine, or null when the store has none. */
export async function loadEngine(settings: Settings, store: LanceStore, glossary: Glossary, words: AnswerWords = readWordLists(), gate: GateModel = readGateModel()): Promise<Engine | null> {
  const snapshot = await store.reader();
  if (!snapshot) return null;
  assertServable(settings, snapshot);
  const embedder = queryEmbedder(settings, snapshot);
  const lexicon = loadDutchLexicon();
  return createEngine(snapshot, { glossary, words, gate, embedQuery: (text) => embedder.embedQuery(text), isWord: (word) => lexicon.isKnown(word) });
}
