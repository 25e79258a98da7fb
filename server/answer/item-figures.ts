/**
 * The money figures of a named item. An annual report describes each item (a deelopdracht, a pilot) in a
 * numbered section of its own ("2. Jeugdstraatwerk (2020 – 2024)") and gives its budget and spending in a table
 * elsewhere, one row per item under the same name ("Jeugdstraatwerk 427.200€ 427.200€ -€ -€"). When a question
 * asks about money and the answer is about such an item, that row belongs in the answer.
 */
import { foldText } from '../../ingest/text/analyze.js';
import type { CorpusStats } from '../retrieve/corpus-stats.js';
import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import type { Concept } from '../retrieve/concepts.js';
import type { CandidateSentence } from './candidate-sentences.js';
import { sentencesOfPassage } from './passage-sentences.js';
import { scoreSentences, type ScoredSentence } from './select-sentences.js';

/** Words that ask about money, in Dutch or English. */
const MONEY = /(?:^|[^\p{L}])(?:geld|gelden|kost|kosten|kostte|kostten|budget|budgetten|bedrag|bedragen|euro|besteed|uitgegeven|subsidie|beschikking|money|cost|costs|spent|funding|funds|budgeted)(?:$|[^\p{L}])/iu;
/** A section that is an item of a numbered list of items: "44. Pilot Buurtpreventiecoach Schildersbuurt (nieuw in 2022)". */
const ITEM_SECTION = /^\s*\d{1,3}\.\s+(.+)$/u;
const MIN_LABEL_CHARS = 8;

/** True when the question asks about money. */
export function asksAboutMoney(question: string): boolean {
  return MONEY.test(question);
}

const plain = (text: string) => foldText(text).toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The name of the item a passage's section is about, without its number and parenthetical notes. */
export function itemName(section: readonly string[]): string | undefined {
  const match = ITEM_SECTION.exec(section[section.length - 1] ?? '');
  const name = match ? plain(match[1] as string) : '';
  return name.length >= MIN_LABEL_CHARS ? name : undefined;
}

/** The label of a table row: its text before the first figure. */
function rowLabel(text: string): string {
  return plain(text.split(/\s(?=[-–€]|\d)/u)[0] ?? '');
}

/**
 * The table row of the same document whose label names the item, with an amount in it; of several, the one
 * with the longest label. Undefined when the passage is no item's section or no row names it.
 */
export function itemRow(about: CandidateSentence, stats: CorpusStats): CandidateSentence | undefined {
  const name = itemName(about.passage.section);
  if (!name) return undefined;
  let found: { row: CandidateSentence; label: string } | undefined;
  for (const { passage, hasAmount } of stats.passages) {
    if (!hasAmount || passage.documentId !== about.passage.documentId) continue;
    for (const sentence of sentencesOfPassage(passage)) {
      if (!sentence.row || !/\d/.test(sentence.text)) continue;
      const label = rowLabel(sentence.text);
      if (label.length < MIN_LABEL_CHARS || !(name.startsWith(label) || label.startsWith(name))) continue;
      if (!found || label.length > found.label.length) found = { row: sentence, label };
    }
  }
  return found?.row;
}

/** How many of the best sentences are looked at for an item to find figures for. */
const ITEM_SOURCES = 8;
/** The row ranks just below the sentence it gives the figures for. */
const ROW_SHARE = 0.95;

/**
 * For a question about money: the table row of the item one of the best sentences describes, put among the
 * scored sentences as relevant as that description (and about what it is about, through `context`), so the
 * support check and the selection treat it as the figure for the description.
 */
export function withItemRows(scored: ScoredSentence[], analysis: QueryAnalysis, concepts: Map<string, Concept>, stats: CorpusStats): ScoredSentence[] {
  if (!asksAboutMoney(analysis.question)) return scored;
  const about = scored.slice(0, ITEM_SOURCES).find((s) => !s.row && itemName(s.passage.section));
  const row = about ? itemRow(about, stats) : undefined;
  if (about && row) {
    const others = scored.filter((s) => !(s.passage.id === row.passage.id && s.index === row.index));
    const context = `${about.passage.section[about.passage.section.length - 1] ?? ''} ${about.text}`;
    const [rescored] = scoreSentences(analysis, concepts, [{ ...row, rank: about.rank, context }], (id) => stats.documentTerms(id));
    if (!rescored) return scored;
    const inherited: ScoredSentence = { ...rescored, features: { ...rescored.features, coverage: Math.max(rescored.features.coverage, about.features.coverage) }, score: about.score * ROW_SHARE };
    return [...others, inherited].sort((a, b) => b.score - a.score || a.rank - b.rank || a.index - b.index);
  }
  return scored;
}

/** The answer sentences with the item row {@link withItemRows} found, which a money question must not lose. */
export function keepItemRow(chosen: ScoredSentence[], scored: ScoredSentence[]): ScoredSentence[] {
  const row = scored.find((s) => s.context !== undefined);
  return row && !chosen.includes(row) ? [...chosen, row] : chosen;
}
