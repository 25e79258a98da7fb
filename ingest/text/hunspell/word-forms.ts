/**
 * Reverse affix lookup, the way Hunspell checks a word: instead of expanding every stem with every affix
 * (millions of forms for Dutch), strip each suffix or prefix the word could end or start with and look the
 * remaining stem up with the flag that allows that affix.
 */
import { hasFlag, type AffixFile, type AffixRule } from './affix-file.js';
import type { StemTable } from './dictionary-file.js';

/** One analysis of a word: its dictionary stem and the flags the form carries. */
export interface WordForm {
  stem: string;
  /** The stem's own flags plus the continuation flags of the affix, if any. */
  flags: string;
  /** The suffix that was stripped, or null for a bare stem or a prefixed form without suffix. */
  suffix: AffixRule | null;
  prefixed: boolean;
}

/** Affix rules indexed by the text they add, so a word only meets the rules that could have produced it. */
export interface AffixIndex {
  file: AffixFile;
  stems: StemTable;
  suffixesByAdd: Map<string, AffixRule[]>;
  prefixesByAdd: Map<string, AffixRule[]>;
  longestSuffix: number;
  longestPrefix: number;
}

function indexRules(rules: AffixRule[]): { byAdd: Map<string, AffixRule[]>; longest: number } {
  const byAdd = new Map<string, AffixRule[]>();
  let longest = 0;
  for (const rule of rules) {
    const list = byAdd.get(rule.add);
    if (list) list.push(rule);
    else byAdd.set(rule.add, [rule]);
    longest = Math.max(longest, rule.add.length);
  }
  return { byAdd, longest };
}

/** Builds the lookup index over a parsed affix file and stem table. */
export function createAffixIndex(file: AffixFile, stems: StemTable): AffixIndex {
  const suffixes = indexRules(file.suffixes);
  const prefixes = indexRules(file.prefixes);
  return {
    file,
    stems,
    suffixesByAdd: suffixes.byAdd,
    prefixesByAdd: prefixes.byAdd,
    longestSuffix: suffixes.longest,
    longestPrefix: prefixes.longest,
  };
}

/**
 * Suffixed analyses of `word`. With `prefixFlag`, only stems that also allow that prefix (directly or through
 * the suffix's continuation, as "aller" + "beste" does) count, for prefix + suffix cross products.
 */
function suffixForms(index: AffixIndex, word: string, prefixFlag: string | null, out: WordForm[]): void {
  const width = index.file.flagWidth;
  const limit = Math.min(index.longestSuffix, word.length - 1);
  for (let length = 0; length <= limit; length++) {
    const rules = index.suffixesByAdd.get(word.slice(word.length - length));
    if (!rules) continue;
    const base = word.slice(0, word.length - length);
    for (const rule of rules) {
      if (prefixFlag !== null && !rule.crossProduct) continue;
      const stem = base + rule.strip;
      if (stem === '' || (rule.condition !== null && !rule.condition.test(stem))) continue;
      const flags = index.stems.flags.get(stem);
      if (flags === undefined || !hasFlag(flags, rule.flag, width)) continue;
      if (prefixFlag !== null && !hasFlag(flags, prefixFlag, width) && !hasFlag(rule.continuation, prefixFlag, width)) continue;
      out.push({ stem, flags: flags + rule.continuation, suffix: rule, prefixed: prefixFlag !== null });
    }
  }
}

function prefixForms(index: AffixIndex, word: string, out: WordForm[]): void {
  const width = index.file.flagWidth;
  const limit = Math.min(index.longestPrefix, word.length - 1);
  for (let length = 1; length <= limit; length++) {
    const rules = index.prefixesByAdd.get(word.slice(0, length));
    if (!rules) continue;
    for (const rule of rules) {
      const rest = rule.strip + word.slice(length);
      if (rule.condition !== null && !rule.condition.test(rest)) continue;
      const flags = index.stems.flags.get(rest);
      if (flags !== undefined && hasFlag(flags, rule.flag, width)) {
        out.push({ stem: rest, flags: flags + rule.continuation, suffix: null, prefixed: true });
      }
      if (rule.crossProduct) suffixForms(index, rest, rule.flag, out);
    }
  }
}

/** Every analysis of a folded word: bare stem, stem + suffix, prefix + stem, prefix + stem + suffix. */
export function wordForms(index: AffixIndex, word: string): WordForm[] {
  const out: WordForm[] = [];
  const flags = index.stems.flags.get(word);
  if (flags !== undefined) out.push({ stem: word, flags, suffix: null, prefixed: false });
  suffixForms(index, word, null, out);
  prefixForms(index, word, out);
  return out;
}

/** Whether a form stands as a word on its own, i.e. is not marked as only valid inside a compound. */
export function isStandalone(index: AffixIndex, form: WordForm): boolean {
  const onlyInCompound = index.file.flags.onlyInCompound;
  const width = index.file.flagWidth;
  if (form.suffix === null && !form.prefixed) return !hasFlag(form.flags, onlyInCompound, width);
  return !hasFlag(form.suffix?.continuation ?? '', onlyInCompound, width);
}
