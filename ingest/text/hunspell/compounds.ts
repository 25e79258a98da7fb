/**
 * Compound analysis with the dictionary's own compounding flags: a first part must allow COMPOUNDBEGIN, middle
 * parts COMPOUNDMIDDLE and the last part COMPOUNDEND. Affixed forms inside a compound need COMPOUNDPERMITFLAG
 * on their suffix, which is how Dutch linking forms ("gebieds-", "kinderen-") are written in OpenTaal.
 * Function words carry no compound flags, so "hetvertrekpunt" is no compound but "vertrekpunt" is.
 */
import { hasFlag } from './affix-file.js';
import { wordForms, type AffixIndex, type WordForm } from './word-forms.js';

/** One part of a compound as a span of the folded word, and the linking element it ends with. */
export interface CompoundPart {
  start: number;
  end: number;
  /** Length of a trailing linking "s", "-" or "s-" that belongs to no part ("gebied|s|teams"). */
  link: number;
}

type Position = 'begin' | 'middle' | 'end';

const MIN_PART = 3;
const MAX_PARTS = 4;
const LINKS = new Set(['', 's', '-', 's-']);

function positionFlag(index: AffixIndex, position: Position): string {
  const flags = index.file.flags;
  return position === 'begin' ? flags.compoundBegin : position === 'middle' ? flags.compoundMiddle : flags.compoundEnd;
}

/** The length of the linking element of a fitting form, or -1 when no form of `part` fits `position`. */
function fittingLink(index: AffixIndex, forms: WordForm[], position: Position): number {
  const width = index.file.flagWidth;
  const flag = positionFlag(index, position);
  let best = -1;
  for (const form of forms) {
    if (form.prefixed && position !== 'begin') continue;
    // An affixed form inside a compound needs the permit flag on its affix; the last part may carry any suffix.
    if (form.suffix && position !== 'end' && !hasFlag(form.suffix.continuation, index.file.flags.compoundPermit, width)) continue;
    if (!hasFlag(form.flags, flag, width)) continue;
    const add = form.suffix?.add ?? '';
    const link = position !== 'end' && form.suffix && LINKS.has(add) ? add.length : 0;
    if (link > best) best = link;
  }
  return best;
}

/** CHECKCOMPOUNDPATTERN: whether the part before `start` may not be joined to the text from `start`. */
function joinIsForbidden(index: AffixIndex, word: string, start: number, previousSurface: string): boolean {
  if (previousSurface === '') return false;
  return index.file.forbiddenJoins.some((join) => previousSurface.endsWith(join.end) && word.startsWith(join.begin, start));
}

/**
 * Splits a folded word into compound parts, preferring the fewest parts and, among those, the longest first
 * part. `formsOf` memoises {@link wordForms}. Returns null when the word is no compound.
 */
export function findCompoundParts(index: AffixIndex, word: string, formsOf: (part: string) => WordForm[]): CompoundPart[] | null {
  if (index.stems.forbidden.has(word)) return null;
  const memo = new Map<string, CompoundPart[] | null>();
  const search = (start: number, partsSoFar: number, previous: string, previousSurface = ''): CompoundPart[] | null => {
    const key = `${start}|${partsSoFar === 0 ? 'b' : 'm'}|${previousSurface}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    let best: CompoundPart[] | null = null;
    for (let end = word.length; end >= start + MIN_PART; end--) {
      const last = end === word.length;
      if (last && partsSoFar === 0) continue;
      if (!last && (word.length - end < MIN_PART || partsSoFar + 2 > MAX_PARTS)) continue;
      const part = word.slice(start, end);
      const position: Position = last ? 'end' : partsSoFar === 0 ? 'begin' : 'middle';
      const link = fittingLink(index, formsOf(part), position);
      if (link < 0) continue;
      const core = part.slice(0, part.length - link);
      // CHECKCOMPOUNDDUP: "kaderkader" is no compound.
      if (core === previous || joinIsForbidden(index, word, start, previousSurface)) continue;
      const here: CompoundPart = { start, end, link };
      const rest = last ? [] : search(end, partsSoFar + 1, core, part);
      if (rest === null) continue;
      const candidate = [here, ...rest];
      if (best === null || candidate.length < best.length) best = candidate;
    }
    memo.set(key, best);
    return best;
  };
  return search(0, 0, '');
}
