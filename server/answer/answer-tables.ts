/**
 * Figures from tables, shown as tables: the quoted rows with their column headers and the table's unit, each row
 * cited; for a comparison, the difference between the two most recent years of a row, marked as computed. Pure: it
 * reads the table structure ingest keeps with each table passage (`Passage.table`).
 */
import type { PassageTable, TableCell, TableRow } from '../../ingest/index.js';
import type { Language } from '../retrieve/language.js';
import type { CandidateSentence } from './candidate-sentences.js';

/** A cell of an answer table; `n` is the citation of its row's passage, `computed` marks Grip's own arithmetic. */
export interface AnswerCell {
  text: string;
  n: number | null;
  computed?: boolean;
}

/** A table in an answer. */
export interface AnswerTable {
  caption: string;
  unit: string | null;
  columns: string[];
  rows: { label: string; cells: AnswerCell[] }[];
}

/** The table and row a quoted row sentence comes from, when its passage has a table structure. */
export function tableRowOf(sentence: CandidateSentence): { table: PassageTable; row: TableRow } | undefined {
  const table = sentence.passage.table;
  const row = table?.rows.find((r) => sentence.start < r.end && r.start < sentence.end);
  return table && row ? { table, row } : undefined;
}

const COMPUTED = { nl: 'Verschil (berekend)', en: 'Difference (computed)' };

function decimals(text: string): number {
  const match = /,(\d+)\s*[%€]?\s*$/.exec(text.replace(/\s/g, ''));
  return match ? (match[1] as string).length : 0;
}

/** A number written the Dutch way with `places` decimals: 168000 → "168.000", -4.5 → "-4,50" (places 2). */
export function formatDutch(value: number, places: number): string {
  const fixed = Math.abs(value).toFixed(places);
  const [integer, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * The two cells a comparison computes with: the latest and earliest of the asked years when the row has figures for
 * two of them, else the row's most recent year and the one before it.
 */
export function comparedCells(row: TableRow, asked: readonly number[] = []): { newer: TableCell; older: TableCell } | undefined {
  const dated = row.cells.filter((c) => c.value !== null && c.year !== null);
  const all = [...new Set(dated.map((c) => c.year as number))].sort((a, b) => b - a);
  const wanted = all.filter((year) => asked.includes(year));
  const years = wanted.length >= 2 ? [wanted[0], wanted.at(-1)] : all;
  if (years.length < 2) return undefined;
  const newer = dated.find((c) => c.year === years[0]);
  const older = dated.find((c) => c.year === years[1]);
  return newer && older ? { newer, older } : undefined;
}

/** "1.912.000 − 1.744.000 = 168.000 (+9,6%)": the difference of two cells, with its percentage of the older. */
export function difference(newer: TableCell, older: TableCell): string {
  const places = Math.max(decimals(newer.text), decimals(older.text));
  const delta = (newer.value as number) - (older.value as number);
  const percent = older.value ? ` (${delta >= 0 ? '+' : ''}${formatDutch((delta / Math.abs(older.value)) * 100, 1)}%)` : '';
  return `${formatDutch(newer.value as number, places)} − ${formatDutch(older.value as number, places)} = ${formatDutch(delta, places)}${percent}`;
}

/**
 * The tables of the quoted rows, one per source table, rows in the order quoted; `numberOf` gives a row's
 * citation number. A comparison (of the asked years, when the row has them) adds a computed column.
 */
export function answerTables(rows: CandidateSentence[], numberOf: (sentence: CandidateSentence) => number | undefined, comparison: { asked: boolean; years: readonly number[] }, language: Language): AnswerTable[] {
  const tables = new Map<string, AnswerTable>();
  for (const sentence of rows) {
    const found = tableRowOf(sentence);
    if (!found) continue;
    const { table, row } = found;
    const n = numberOf(sentence) ?? null;
    let answer = tables.get(sentence.passage.id);
    if (!answer) {
      answer = { caption: table.caption, unit: table.unit, columns: [...table.columns], rows: [] };
      tables.set(sentence.passage.id, answer);
    }
    if (answer.rows.some((r) => r.label === row.label)) continue;
    const cells: AnswerCell[] = table.columns.map((column) => ({ text: row.cells.find((c) => c.column === column)?.text ?? '', n }));
    const compared = comparison.asked ? comparedCells(row, comparison.years) : undefined;
    if (compared) cells.push({ text: difference(compared.newer, compared.older), n: null, computed: true });
    answer.rows.push({ label: row.label, cells });
  }
  for (const table of tables.values()) {
    if (table.rows.some((r) => r.cells.some((c) => c.computed))) table.columns.push(COMPUTED[language]);
    for (const row of table.rows) while (row.cells.length < table.columns.length) row.cells.push({ text: '', n: null });
  }
  return [...tables.values()].filter((t) => t.rows.length > 0 && t.columns.length > 0);
}

const cellText = (text: string) => text.replace(/\|/g, '/').replace(/\s+/g, ' ').trim();

/** A table as a GitHub pipe table; each row ends with its citation marker. */
export function tableMarkdown(table: AnswerTable): string {
  const head = `| ${cellText(table.unit ? `${table.caption} (${table.unit})` : table.caption) || ' '} | ${table.columns.map(cellText).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(table.columns.length + 1)}`;
  const body = table.rows.map((row) => {
    const n = row.cells.find((c) => c.n !== null)?.n;
    return `| ${cellText(row.label)}${n ? ` [${n}]` : ''} | ${row.cells.map((c) => cellText(c.text)).join(' | ')} |`;
  });
  return [head, rule, ...body].join('\n');
}
