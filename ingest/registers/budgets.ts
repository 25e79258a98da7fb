/**
 * The budget figures of one document: amounts per year and subject, from table rows (a row label over cells
 * whose column names a year, in a table or row that says its figures are money) and from sentences that name what
 * an amount is for (the subject words of data/register-words.json) with the year it is about. A table of grants
 * (the deelopdrachten register's) gives only its totals. Pure; the registers group and compare across documents.
 */
import { amountFigure, cellFigure, documentPassages } from '../figures/cited-figure.js';
import { figureYear } from '../figures/figure-year.js';
import { findPhrases, hasPhrase, type PhraseMatch } from '../figures/folded-phrases.js';
import { grantColumns } from '../figures/grant-columns.js';
import { findAmounts } from '../figures/prose-amounts.js';
import { proseSentences } from '../figures/prose-sentences.js';
import { registerWords } from '../figures/register-words.js';
import { statedUnit } from '../structure/table-unit.js';
import { tableWords } from '../structure/table-words.js';
import { foldText } from '../text/fold-text.js';
import type { Passage, PassageTable, RegisterRow, TableRow } from '../types.js';

type BudgetRow = Extract<RegisterRow, { kind: 'budgets' }>;

const MONEY_UNIT = /€|euro|miljoen|mln|duizend/i;
const MAX_SUBJECT_TAIL = 3;

function isTotal(label: string): boolean {
  return tableWords().totals.includes(foldText(label).split(/[\s:]+/)[0] ?? '');
}

/** A table of money: its unit, caption or columns say so. */
function isMoneyTable(table: PassageTable): boolean {
  const money = registerWords().budgets.money;
  return MONEY_UNIT.test(table.unit ?? '') || hasPhrase(table.caption, money) || table.columns.some((column) => hasPhrase(column, money));
}

/**
 * The rows that count something other than money: each group of rows up to and including its totals row, when a
 * label in it says so ("Medewerkers", "Totaal fte") — two tables under one header line share a layout.
 */
function countingRows(rows: TableRow[]): Set<TableRow> {
  const notMoney = registerWords().budgets.notMoney;
  const counting = new Set<TableRow>();
  let group: TableRow[] = [];
  const close = () => {
    if (group.some((row) => hasPhrase(row.label, notMoney))) for (const row of group) counting.add(row);
    group = [];
  };
  for (const row of rows) {
    group.push(row);
    if (isTotal(row.label)) close();
  }
  close();
  return counting;
}

/** The row label, with the caption before a bare "Totaal" so the subject says what it totals. */
function subjectOf(table: PassageTable, row: TableRow): string {
  return isTotal(row.label) && row.label.split(/\s+/).length === 1 && table.caption ? `${table.caption}: ${row.label}` : row.label;
}

function rowFigures(passage: Passage, table: PassageTable, row: TableRow, documentId: string): BudgetRow[] {
  const unit = statedUnit(row.label);
  return row.cells
    .filter((cell) => cell.value !== null && cell.year !== null && !cell.text.includes('%'))
    .map((cell) => {
      const figure = cellFigure(passage, cell);
      return { kind: 'budgets' as const, documentId, subject: subjectOf(table, row), year: cell.year, figure: unit ? { ...figure, unit } : figure };
    });
}

function tableBudgets(passages: Passage[], documentId: string): BudgetRow[] {
  const money = registerWords().budgets.money;
  return passages.flatMap((passage) => {
    const table = passage.table;
    if (!table) return [];
    const grants = grantColumns(table) !== undefined;
    const moneyTable = isMoneyTable(table);
    const counting = countingRows(table.rows);
    return table.rows
      .filter((row) => row.label !== '' && !counting.has(row) && (grants ? isTotal(row.label) : moneyTable || hasPhrase(row.label, money)))
      .flatMap((row) => rowFigures(passage, table, row, documentId));
  });
}

/** The subject phrase nearest the amount, with the capitalised words that name it further ("voorinvestering Basis Jeugdhulp"). */
function subjectNear(sentence: string, subjects: PhraseMatch[], start: number): string {
  const distance = (match: PhraseMatch) => Math.min(Math.abs(match.start - start), Math.abs(match.end - start));
  const nearest = [...subjects].sort((a, b) => distance(a) - distance(b))[0] as PhraseMatch;
  const tail = /^(?:[ \t-]+\p{Lu}[\p{L}-]*){0,3}/u.exec(sentence.slice(nearest.end))?.[0] ?? '';
  return (sentence.slice(nearest.start, nearest.end) + tail.split(/\s+/).slice(0, MAX_SUBJECT_TAIL + 1).join(' ')).replace(/\s+/g, ' ').trim();
}

function sentenceBudgets(passages: Passage[], documentId: string): BudgetRow[] {
  const words = registerWords().budgets.subjects;
  const rows: BudgetRow[] = [];
  for (const passage of passages) {
    for (const span of proseSentences(passage)) {
      const sentence = passage.text.slice(span.start, span.end);
      const subjects = findPhrases(sentence, words);
      if (subjects.length === 0) continue;
      const amounts = findAmounts(sentence, true);
      for (const amount of amounts) {
        const figure = amountFigure(passage, { ...amount, start: span.start + amount.start, end: span.start + amount.end }, null);
        const year = figureYear(sentence, amount, amounts.filter((other) => other !== amount)) ?? passage.year;
        rows.push({ kind: 'budgets', documentId, subject: subjectNear(sentence, subjects, amount.start), year, figure });
      }
    }
  }
  return rows;
}

/** The amounts per year and subject a document gives, each cited. */
export function extractBudgets(passages: Passage[], documentId: string): RegisterRow[] {
  const own = documentPassages(passages, documentId);
  return [...tableBudgets(own, documentId), ...sentenceBudgets(own, documentId)];
}
