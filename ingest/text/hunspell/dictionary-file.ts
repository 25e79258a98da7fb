/**
 * Reading a Hunspell dictionary (.dic): every stem with the flags that say which affixes and compound
 * positions it allows. Stems are kept unexpanded; expansion happens in reverse, per looked-up word.
 */
import { hasFlag } from './affix-file.js';

/** The stems of a dictionary, folded by the caller's `normalise`. */
export interface StemTable {
  /** Folded stem → its flags; homonyms ("punt" the noun and the verb) have their flags concatenated. */
  flags: Map<string, string>;
  /** Folded forms the dictionary explicitly forbids, also as compounds ("middeldeel"). */
  forbidden: Set<string>;
}

// "word/flags", where the word may contain an escaped slash ("en\/of").
const ENTRY = /^((?:[^/\\]|\\.)+)(?:\/(\S*))?$/;

/**
 * Parses the text of a .dic file. Entries of several words ("ab initio") are skipped: lookups are per word.
 * `forbiddenFlag` marks forbidden forms; `width` is the flag width of the affix file.
 */
export function parseDictionary(text: string, normalise: (text: string) => string, forbiddenFlag: string, width: 1 | 2): StemTable {
  const table: StemTable = { flags: new Map(), forbidden: new Set() };
  const lines = text.split('\n');
  // The first line is the entry count.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.indexOf('\t');
    const entry = (tab === -1 ? line : line.slice(0, tab)).trim();
    if (entry === '' || entry.includes(' ')) continue;
    const match = ENTRY.exec(entry);
    if (!match?.[1]) continue;
    const stem = normalise(match[1].replace(/\\\//g, '/'));
    const flags = match[2] ?? '';
    if (hasFlag(flags, forbiddenFlag, width)) {
      table.forbidden.add(stem);
      continue;
    }
    const known = table.flags.get(stem);
    table.flags.set(stem, known === undefined ? flags : known + flags);
  }
  return table;
}
