/**
 * The budget overview as read: every cited amount grouped by subject and year across documents. Subjects are one
 * when their names are alike (token-set similarity ≥ {@link NAME_THRESHOLD}); within a group, amounts that differ
 * (units taken into account) are flagged as a difference between documents.
 */
import type { RegisterRow } from '../../ingest/index.js';
import { mergeFigures, type FigureValue, type MergedField } from './merged-field.js';
import { NAME_THRESHOLD, nameSimilarity } from './normalise.js';

type BudgetRow = Extract<RegisterRow, { kind: 'budgets' }>;

/** One subject in one year, with the amounts the documents give. */
export interface BudgetLine {
  subject: string;
  /** Other spellings of the subject in the group. */
  aliases: string[];
  year: number | null;
  amount: MergedField<FigureValue>;
  documentIds: string[];
  /** True when documents give different amounts for this subject and year. */
  difference: boolean;
}

function groupBudgets(rows: BudgetRow[]): BudgetRow[][] {
  const groups: BudgetRow[][] = [];
  for (const row of rows) {
    const group = groups.find((g) => g[0]!.year === row.year && nameSimilarity(g[0]!.subject, row.subject) >= NAME_THRESHOLD);
    if (group) group.push(row);
    else groups.push([row]);
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
        difference: amount.conflict,
      };
    })
    .sort((a, b) => a.subject.localeCompare(b.subject, 'nl') || (a.year ?? 0) - (b.year ?? 0));
}
