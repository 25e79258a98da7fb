/**
 * The one register line a money question names in part ("Hoeveel kreeg de huiskamer in Noordhoek?" for
 * "Samen Opgroeien Noordhoek Huiskamer"). Each name word weighs by how rare it is among the register's names
 * (an IDF: ln(1 + lines / lines with the word)), so a word many names share ("inzet", "extra") says little and a
 * word of one name says much. A line is picked when the question's words cover most of the weight of one of its
 * names and match clearly more weight than any other line's; otherwise none is, and the question goes the usual way.
 */
import type { MergedDeelopdracht } from '../registers/merge-deelopdrachten.js';
import { analyzeTerms } from './cached-analysis.js';

/** Share of a name's weight the question's words must hold ("Noordhoek Huiskamer" of "Samen Opgroeien Noordhoek Huiskamer"). */
export const MIN_COVERAGE = 0.6;
/** How many times the second-best line's matched weight the best line's must be. */
export const MIN_MARGIN = 1.5;

const nameTerms = (name: string) => new Set(analyzeTerms(name).filter((term) => !/^\d+$/.test(term)));

/** How rare each name word is among the lines' names. */
function weights(lines: readonly MergedDeelopdracht[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const term of new Set(line.name.values.flatMap((v) => [...nameTerms(v.value)]))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return new Map([...counts].map(([term, count]) => [term, Math.log(1 + lines.length / count)]));
}

interface Score {
  line: MergedDeelopdracht;
  /** Weight of the line's name words the question holds. */
  matched: number;
  /** The best share of one of its names' weight the question holds. */
  coverage: number;
}

function scoreOf(line: MergedDeelopdracht, question: ReadonlySet<string>, weight: Map<string, number>): Score {
  const of = (terms: Iterable<string>) => [...terms].reduce((sum, term) => sum + (weight.get(term) ?? 0), 0);
  const all = new Set(line.name.values.flatMap((v) => [...nameTerms(v.value)]));
  const coverage = Math.max(0, ...line.name.values.map((v) => {
    const terms = [...nameTerms(v.value)];
    const total = of(terms);
    return total > 0 ? of(terms.filter((term) => question.has(term))) / total : 0;
  }));
  return { line, matched: of([...all].filter((term) => question.has(term))), coverage };
}

/**
 * The line the question's own terms pick out clearly among `candidates`, weighed over all `lines`; undefined when
 * none or several fit.
 */
export function pickNamedLine(lines: readonly MergedDeelopdracht[], candidates: readonly MergedDeelopdracht[], question: ReadonlySet<string>): MergedDeelopdracht | undefined {
  const weight = weights(lines);
  const scores = candidates.map((line) => scoreOf(line, question, weight)).sort((a, b) => b.matched - a.matched);
  const [best, second] = scores;
  if (!best || best.matched === 0 || best.coverage < MIN_COVERAGE) return undefined;
  return !second || best.matched >= MIN_MARGIN * second.matched ? best.line : undefined;
}
