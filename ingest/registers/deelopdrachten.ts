/**
 * The deelopdrachten of one document: one row per row of a table of grants (columns that name granted, spent, to
 * receive and to settle amounts, data/register-words.json), each amount the cell as printed with its column and the
 * table's unit; and one row per numbered line that names a deelopdracht in a list introduced as such ("De vijftien
 * grootste deelopdrachten betreffen:") or in a section about them, with its name and period, and an amount when the
 * line gives one with a word that says which; and one row per sentence that names one with such an amount. A list's
 * numbers are places in that list (another document ranks them otherwise), so those rows carry no number: only a
 * number printed in a table label ("DO-12 …", "12. …") is kept. A row's area is the document's own area names
 * (area-names.ts) that its name mentions, or for a described item the first sentences of its description.
 * Pure; the registers merge rows across documents.
 */
import { amountFigure, cellFigure, documentPassages, passageSpan } from '../figures/cited-figure.js';
import { hasPhrase } from '../figures/folded-phrases.js';
import { grantAmountOf, grantColumns, type GrantColumns } from '../figures/grant-columns.js';
import { namedMention } from '../figures/named-mentions.js';
import { nameAndPeriod, numberedLines, type NumberedLine } from '../figures/numbered-items.js';
import { findAmounts } from '../figures/prose-amounts.js';
import { proseSentences } from '../figures/prose-sentences.js';
import { registerWords, type GrantAmount } from '../figures/register-words.js';
import { splitSentences } from '../chunk/sentences.js';
import { tableWords } from '../structure/table-words.js';
import { foldText } from '../text/fold-text.js';
import type { Passage, RegisterFigure, RegisterRow, TableRow } from '../types.js';
import { areaOf, learnAreaNames } from './area-names.js';

type DeelopdrachtRow = Extract<RegisterRow, { kind: 'deelopdrachten' }>;

const LABEL_NUMBER = /^(\d{1,3}[.)]|[A-Z]{1,4}-\d{1,4})\s+/;
const MAX_WORDS_BEFORE_CONTINUATION = 12;
/** How many first sentences of a description may name the deelopdracht's area when its name does not. */
const DESCRIPTION_SENTENCES = 2;

function isTotal(label: string): boolean {
  return tableWords().totals.includes(foldText(label).split(/[\s:]+/)[0] ?? '');
}

function tableRowOf(passage: Passage, row: TableRow, columns: GrantColumns, documentId: string, areas: readonly string[]): DeelopdrachtRow {
  const figure = (amount: GrantAmount): RegisterFigure | null => {
    const cell = row.cells.find((c) => c.column === columns[amount]);
    return cell ? cellFigure(passage, cell) : null;
  };
  const numbered = LABEL_NUMBER.exec(row.label);
  const dated = row.cells.find((cell) => cell.year !== null && (cell.column === columns.granted || cell.column === columns.spent));
  const name = row.label.slice(numbered?.[0].length ?? 0).replace(/[\s*]+$/, '').trim();
  return {
    kind: 'deelopdrachten', documentId,
    number: numbered ? (numbered[1] as string).replace(/[.)]$/, '') : null,
    name, period: null, year: dated?.year ?? passage.year, area: areaOf(name, areas),
    granted: figure('granted'), spent: figure('spent'), toReceive: figure('toReceive'), toSettle: figure('toSettle'),
    source: passageSpan(passage, row.start, row.end),
  };
}

/** One row per row of the document's tables of grants; totals and group labels are not deelopdrachten. */
function tableRows(passages: Passage[], documentId: string, areas: readonly string[]): DeelopdrachtRow[] {
  return passages.flatMap((passage) => {
    const columns = passage.table ? grantColumns(passage.table) : undefined;
    if (!passage.table || !columns) return [];
    return passage.table.rows
      .filter((row) => row.label !== '' && row.cells.length > 0 && !isTotal(row.label))
      .map((row) => tableRowOf(passage, row, columns, documentId, areas));
  });
}

/** The line before `offset` ends in a colon after a sentence that names deelopdrachten. */
function introducedAsList(text: string, offset: number): boolean {
  const line = text.slice(0, offset).trimEnd().split('\n').pop() ?? '';
  const sentence = line.split(/[.!?]\s+/).pop() ?? '';
  return line.endsWith(':') && hasPhrase(sentence, registerWords().deelopdrachten.mentions);
}

/** The first sentences of a description: the text after an item's line, up to the next numbered line. */
function descriptionStart(text: string): string {
  const last = splitSentences(text).slice(0, DESCRIPTION_SENTENCES).pop();
  return last ? text.slice(0, last.end) : '';
}

/** A numbered line's row; its area is the one its name gives, else the one its description (if any) starts with. */
function mentionRow(passage: Passage, line: NumberedLine, documentId: string, description: string, areas: readonly string[]): DeelopdrachtRow {
  const { name, period } = nameAndPeriod(line.rest);
  const area = areaOf(name, areas) ?? areaOf(descriptionStart(description), areas);
  const amounts = { granted: null, spent: null, toReceive: null, toSettle: null } as Record<GrantAmount, RegisterFigure | null>;
  const said = grantAmountOf(line.rest);
  const found = findAmounts(line.rest, true)[0];
  if (said && found) amounts[said] = amountFigure(passage, { ...found, start: line.restStart + found.start, end: line.restStart + found.end }, said);
  return {
    kind: 'deelopdrachten', documentId, number: null, name, period, year: found && said ? passage.year : null, area,
    ...amounts, source: passageSpan(passage, line.start, line.end),
  };
}

interface Run {
  mode: 'list' | 'section';
  expected: number;
}

/** Whether a numbered line continues the open run, or starts one. */
function follows(run: Run | undefined, passage: Passage, line: NumberedLine, previousEnd: number, inSection: boolean): Run | undefined {
  if (run && line.number === run.expected) {
    const gap = passage.text.slice(Math.max(previousEnd, 0), line.start);
    const contiguous = previousEnd < 0 ? gap.split(/\s+/).length <= MAX_WORDS_BEFORE_CONTINUATION : gap.trim() === '';
    if (run.mode === 'section' ? inSection : contiguous) return { ...run, expected: run.expected + 1 };
  }
  if (line.number !== 1 || (run?.mode === 'section' && inSection)) return undefined;
  if (introducedAsList(passage.text, line.start)) return { mode: 'list', expected: 2 };
  return inSection ? { mode: 'section', expected: 2 } : undefined;
}

/** One row per numbered line that names a deelopdracht; the numbers of a list count up from 1. */
function mentionRows(passages: Passage[], documentId: string, areas: readonly string[]): DeelopdrachtRow[] {
  const rows: DeelopdrachtRow[] = [];
  let run: Run | undefined;
  for (const passage of passages) {
    if (passage.kind === 'table') continue;
    const inSection = hasPhrase(passage.section.join(' '), registerWords().deelopdrachten.mentions);
    if (run?.mode === 'section' && !inSection) run = undefined;
    let previousEnd = -1;
    const lines = numberedLines(passage.text);
    for (const [i, line] of lines.entries()) {
      const next = follows(run, passage, line, previousEnd, inSection);
      // Only an item of a section about deelopdrachten is followed by its description; a list's last item is not.
      const description = next?.mode === 'section' ? passage.text.slice(line.end, lines[i + 1]?.start ?? passage.text.length) : '';
      if (next) rows.push(mentionRow(passage, line, documentId, description, areas));
      if (next || run?.mode === 'list') run = next;
      previousEnd = line.end;
    }
  }
  return rows;
}

/** One row per sentence that names a deelopdracht with an amount it says is granted, spent, … ("de deelopdracht X kreeg € 5.000"). */
function sentenceRows(passages: Passage[], documentId: string, numbered: DeelopdrachtRow[], areas: readonly string[]): DeelopdrachtRow[] {
  const rows: DeelopdrachtRow[] = [];
  for (const passage of passages) {
    for (const span of proseSentences(passage)) {
      const listed = numbered.some((row) => row.source.passageId === passage.id && row.source.start < span.end && span.start < row.source.end);
      if (listed) continue;
      const mention = namedMention(passage.text.slice(span.start, span.end), registerWords().deelopdrachten.mentions);
      if (!mention) continue;
      const amounts = { granted: null, spent: null, toReceive: null, toSettle: null } as Record<GrantAmount, RegisterFigure | null>;
      amounts[mention.amount] = amountFigure(passage, { ...mention.figure, start: span.start + mention.figure.start, end: span.start + mention.figure.end }, mention.amount);
      rows.push({
        kind: 'deelopdrachten', documentId, number: null, name: mention.name, period: null, year: passage.year, area: areaOf(mention.name, areas),
        ...amounts, source: passageSpan(passage, span.start, span.end),
      });
    }
  }
  return rows;
}

/** The deelopdrachten a document names: its tables of grants row by row, its numbered lists of them, and sentences with an amount. */
export function extractDeelopdrachten(passages: Passage[], documentId: string): RegisterRow[] {
  const own = documentPassages(passages, documentId);
  // The document's own area names: a row's area is one of those its name (or description) mentions.
  const areas = learnAreaNames(own.map((passage) => passage.text));
  const listed = mentionRows(own, documentId, areas);
  // A numbered line that names a deelopdracht is read as an item, not again as a sentence.
  return [...tableRows(own, documentId, areas), ...listed, ...sentenceRows(own, documentId, listed, areas)];
}
