/**
 * Stage 3 of the answer pipeline: evidence expansion. A chosen sentence often needs others to be complete — the
 * sentence its "Dit bedrag" refers to, the items its colon announces, the other rows of its table, the rows with
 * the same label elsewhere in the document, the budget row of an item it describes. Each expansion is a named rule
 * (rules.ts). Pure apart from the injected evidence source.
 */
import { foldText, type Passage } from '../../ingest/index.js';
import type { Concept } from '../retrieve/concepts.js';
import { conceptMatch } from '../retrieve/concepts.js';
import { analyzeTerms } from './cached-analysis.js';
import { leadsIn, type CandidateSentence } from './candidate-sentences.js';
import type { ScoredSentence } from './features.js';
import { sentencesOfPassage } from './passage-sentences.js';
import type { RuleTrace } from './rules.js';

/** A table row of a document with its label, for lookups by name. */
export interface LabelledRow {
  label: string;
  row: CandidateSentence;
}

/** What expansion reads besides the scored candidates. */
export interface EvidenceSource {
  /** The passage after `passage` in its document, if any. */
  next(passage: Passage): Passage | undefined;
  /** The table rows of a document with their labels. */
  rows(documentId: string): readonly LabelledRow[];
}

/** Limits of expansion. */
export const EXPANSION = { maxListItems: 8, maxRows: 4, maxContinuations: 2, minLabelChars: 6 };

const plain = (text: string) => foldText(text).toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The label of a table row: its words before the first figure. */
export function rowLabel(text: string): string {
  return plain(text.split(/\s(?=[-–€]|\d)/u)[0] ?? '');
}

function firstWord(text: string): string {
  return foldText(text.match(/^[\s“"'(]*([\p{L}]+)/u)?.[1] ?? '').toLowerCase();
}

function sibling(sentence: ScoredSentence, all: ScoredSentence[], offset: number): ScoredSentence | undefined {
  return all.find((s) => s.passage.id === sentence.passage.id && s.index === sentence.index + offset);
}

/** The sentence before one that opens with a referring word ("Dit bedrag…", "Hiervan…"). */
export function antecedent(sentence: ScoredSentence, all: ScoredSentence[], anaphora: Set<string>): ScoredSentence | undefined {
  if (sentence.row || sentence.item || !anaphora.has(firstWord(sentence.text))) return undefined;
  const previous = sibling(sentence, all, -1);
  return previous && !previous.heading && !previous.row ? previous : undefined;
}

/** The following sentences that lean on this one ("Hieraan deden 1.633 medewerkers mee"). */
export function continuations(sentence: ScoredSentence, all: ScoredSentence[], anaphora: Set<string>): ScoredSentence[] {
  const found: ScoredSentence[] = [];
  let current = sentence;
  for (let hop = 0; hop < EXPANSION.maxContinuations; hop++) {
    const next = sibling(current, all, 1);
    if (!next || next.row || next.heading || !anaphora.has(firstWord(next.text))) break;
    found.push(next);
    current = next;
  }
  return found;
}

/**
 * The items a lead-in ("…tot het volgende:") announces: the rest of its passage up to the first sentence that is no
 * item, and, when the list runs to the passage's end, the items that open the next passage.
 */
export function listItems(lead: CandidateSentence, next: (passage: Passage) => CandidateSentence[]): CandidateSentence[] {
  if (!leadsIn(lead.text)) return [];
  const own: CandidateSentence[] = [...sentencesOfPassage(lead.passage)];
  const after = own.filter((s) => s.index > lead.index);
  const end = after.findIndex((s, i) => i > 0 && !s.item && (after[i - 1] as CandidateSentence).item && /^\p{Lu}/u.test(s.text));
  const items: CandidateSentence[] = (end < 0 ? after : after.slice(0, end)).slice(0, EXPANSION.maxListItems);
  const last = own[own.length - 1];
  if (end >= 0 || items.length >= EXPANSION.maxListItems || !last || !(last.index === lead.index || last.item)) return items;
  const following = next(lead.passage);
  const opening = following.findIndex((s) => !s.heading);
  const rest = opening < 0 ? [] : following.slice(opening);
  const run = rest.findIndex((s) => !s.item && !s.row);
  return [...items, ...rest.slice(0, run < 0 ? rest.length : run)].slice(0, EXPANSION.maxListItems);
}

function names(row: CandidateSentence, subject: [string, Concept][]): boolean {
  const terms = new Set(analyzeTerms(rowLabel(row.text)));
  return subject.some(([, concept]) => conceptMatch(concept, (t) => terms.has(t)) > 0);
}

/** Other rows of the chosen row's table (its passage) whose labels name the question's subject. */
export function tableSiblings(row: ScoredSentence, all: ScoredSentence[], subject: [string, Concept][]): ScoredSentence[] {
  if (!row.row) return [];
  return all.filter((s) => s.row && s !== row && s.passage.id === row.passage.id && names(s, subject)).slice(0, EXPANSION.maxRows);
}

/** The totals rows of the chosen row's table (its passage): rows whose label opens with a totals word ("Totaal", "Totale lasten"). */
export function totalsRows(row: ScoredSentence, all: ScoredSentence[], totals: ReadonlySet<string>): ScoredSentence[] {
  if (!row.row) return [];
  const opensTotal = (s: ScoredSentence) => totals.has(rowLabel(s.text).split(' ')[0] ?? '');
  return all.filter((s) => s.row && s !== row && s.passage.id === row.passage.id && opensTotal(s)).slice(0, EXPANSION.maxRows);
}

/** Rows with the chosen row's label in the document's other tables ("Loopbaanbudget" in the balance and the provisions). */
export function sameLabelRows(row: CandidateSentence, source: EvidenceSource): CandidateSentence[] {
  const label = rowLabel(row.text);
  if (!row.row || label.length < EXPANSION.minLabelChars) return [];
  return source
    .rows(row.passage.documentId)
    .filter((entry) => entry.label === label && !(entry.row.passage.id === row.passage.id && entry.row.index === row.index))
    .map((entry) => entry.row)
    .slice(0, EXPANSION.maxRows);
}

/** A section that is an item of a numbered list of items: "44. Pilot Buurtpreventiecoach (nieuw in 2022)". */
const ITEM_SECTION = /^\s*\d{1,3}\.\s+(.+)$/u;

/** The name of the item a passage's section is about, without its number and parenthetical notes. */
export function itemName(section: readonly string[]): string | undefined {
  const match = ITEM_SECTION.exec(section[section.length - 1] ?? '');
  const name = match ? plain(match[1] as string) : '';
  return name.length >= EXPANSION.minLabelChars ? name : undefined;
}

/** The row of the document whose label names the item a sentence's section describes (the longest such label). */
export function itemRow(about: CandidateSentence, source: EvidenceSource): CandidateSentence | undefined {
  const name = itemName(about.passage.section);
  if (!name || about.row) return undefined;
  let found: LabelledRow | undefined;
  for (const entry of source.rows(about.passage.documentId)) {
    if (entry.label.length < EXPANSION.minLabelChars || !(name.startsWith(entry.label) || entry.label.startsWith(name))) continue;
    if (!/€|\d{1,3}\.\d{3}/.test(entry.row.text)) continue;
    if (!found || entry.label.length > found.label.length) found = entry;
  }
  return found?.row;
}

/** Expansion of the chosen sentences, in the order the rules add them; records the rules that fired. */
export interface Expansion {
  before: Map<ScoredSentence, CandidateSentence[]>;
  after: Map<ScoredSentence, CandidateSentence[]>;
}

/** Adds `extra` after `sentence` unless already present; returns whether anything was added. */
export function attach(target: Map<ScoredSentence, CandidateSentence[]>, sentence: ScoredSentence, extra: CandidateSentence[], trace: RuleTrace, rule: Parameters<RuleTrace['note']>[0]): boolean {
  if (extra.length === 0) return false;
  target.set(sentence, [...(target.get(sentence) ?? []), ...extra]);
  trace.note(rule);
  return true;
}
