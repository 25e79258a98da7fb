/**
 * For the command-line tools: settings from the environment, the index (built on first use), and an engine.
 */
import { AppError, ensureIndex, LanceStore, parseSettings, type Settings } from '../../ingest/index.js';
import { loadEngine, readGlossary } from '../bootstrap.js';
import type { Engine } from '../engine.js';

/** Opens the engine of INDEX_DIR, building the index from CORPUS_DIR first when there is none. */
export async function openEngine(env: Record<string, string | undefined> = process.env, print: (line: string) => void = (line) => console.error(line)): Promise<{ engine: Engine; settings: Settings; store: LanceStore }> {
  const settings = parseSettings(env);
  const store = await LanceStore.open(settings.INDEX_DIR);
  await ensureIndex(settings, store, print);
  const engine = await loadEngine(settings, store, readGlossary());
  if (!engine) throw new AppError('index_missing', `Er is geen index in ${settings.INDEX_DIR}.`);
  return { engine, settings, store };
}

/** Command-line arguments without npm's "--" separator, and the flags among them. */
export function cliArguments(argv: string[] = process.argv.slice(2)): { words: string[]; flags: Set<string>; options: Map<string, string> } {
  const words: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    const option = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (option) options.set(option[1] as string, option[2] as string);
    else if (arg.startsWith('--') && argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('--') && VALUED.has(arg.slice(2))) options.set(arg.slice(2), argv[++i] as string);
    else if (arg.startsWith('--')) flags.add(arg.slice(2));
    else words.push(arg);
  }
  return { words, flags, options };
}

const VALUED = new Set(['questions', 'corpus', 'folds', 'k', 'doc-type', 'year-from', 'year-to', 'document']);
