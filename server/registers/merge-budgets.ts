/**
 * The budget overview as read: every cited amount grouped by subject and year across documents. Subjects are one
 * when their names are alike (token-set similarity ≥ {@link NAME_THRESHOLD}). A group is flagged when two
 * documents give different amounts (units taken into account) for the same kind of figure — the same column once
 * its years are left out ("Realisatie 2022" and "Realisatie"), or a figure without a column. One document's budget
 * beside its realisation is no difference between documents.
 */
import type { RegisterRow } from '../../ingest/index.js';
import { mergeFigures, type FigureValue, type MergedField } from './merged-field.js';
import { NAME_THRESHOLD, nameMemo, normaliseName, sameAmount } from './normalise.js';

type BudgetRow = Extract<RegisterRow, { kind: 'budgets' }>;

/** One subject in one year, with the amounts the documents give. */
export interface BudgetLine {
  subject: string;
  /** Other spellings of the subject in the group. */
  aliases: string[];
  year: number | null;
  amount: MergedField<FigureValue>;
  documentIds: string[];
  /** True when two documents give different amounts for the same kind of figure for this subject and year. */
  difference: boolean;
}

/** A column's kind: its words without years or digits ("Begroting 2022" → "begroting"); "" for no column. */
const columnKind = (column: string | null) => normaliseName(column ?? '').replace(/\b\d+\b/gu, '').replace(/\s+/gu, ' ').trim();

/** True when two documents disagree on the same kind of figure for this subject and year. */
function documentsDiffer(group: BudgetRow[]): boolean {
  return group.some((a, i) => group.slice(i + 1).some((b) => {
    if (a.documentId === b.documentId || a.figure.value === null || b.figure.value === null) return false;
    const [kindA, kindB] = [columnKind(a.figure.column), columnKind(b.figure.column)];
    const comparable = kindA === kindB || kindA === '' || kindB === '';
    return comparable && !sameAmount({ value: a.figure.value, unit: a.figure.unit }, { value: b.figure.value, unit: b.figure.unit });
  }));
}

/**
 * Groups rows by year and alike subject: each row joins the first group, in the order they were opened, whose
 * first subject is alike. Only groups whose first subject shares a key with the row's (a word, or its normalised
 * form) can be alike, so only those are compared.
 */
function groupBudgets(rows: BudgetRow[]): BudgetRow[][] {
  const names = nameMemo();
  const groups: BudgetRow[][] = [];
  const byKey = new Map<string, number[]>();
  const keysOf = (row: BudgetRow) => names.keys(row.subject).map((key) => `${row.year ?? ''}\u0000${key}`);
  for (const row of rows) {
    const keys = keysOf(row);
    let found: number | undefined;
    for (const key of keys) {
      for (const at of byKey.get(key) ?? []) {
        if (found !== undefined && at >= found) break;
        if (names.similarity((groups[at] as BudgetRow[])[0]!.subject, row.subject) >= NAME_THRESHOLD) found = at;
      }
    }
    if (found !== undefined) {
      (groups[found] as BudgetRow[]).push(row);
      continue;
    }
    groups.push([row]);
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(groups.length - 1);
      else byKey.set(key, [groups.length - 1]);
    }
  }
  return groups;
}

/** The budget overview of the given rows, by subject then year (rows of other kinds are ignored). */
export function mergeBudgets(rows: readonly RegisterRow[]): BudgetLine[] {
  const own = rows.filter((row): row is BudgetRow => row.kind === 'budgets');
  return groupBudgets(own)
    .map((group) => {
      const amount = mergeFigures(group.map((row) => row.figure));
      const subject = group[0]!.subject;
      return {
        subject,
        aliases: [...new Set(group.map((row) => row.subject))].filter((s) => s !== subject),
        year: group[0]!.year,
        amount,
        documentIds: [...new Set(group.map((row) => row.documentId))],
        difference: documentsDiffer(group),
      };
    })
    .sort((a, b) => a.subject.localeCompare(b.subject, 'nl') || (a.year ?? 0) - (b.year ?? 0));
}
