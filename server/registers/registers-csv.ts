/**
 * The registers as CSV for a spreadsheet: Dutch column names, one line per deelopdracht, per cited amount and per
 * mandate; conflicting values side by side in one cell, separated by " | ", each source as "title p. N".
 */
import type { RegisterSource } from '../../ingest/index.js';
import type { ActorMandates } from './group-mandates.js';
import type { BudgetLine } from './merge-budgets.js';
import type { MergedDeelopdracht } from './merge-deelopdrachten.js';
import type { FigureValue, MergedField } from './merged-field.js';

/** Document titles by id, for the source column. */
export type TitleOf = (documentId: string) => string;

/**
 * One CSV cell. Quoted when it holds a separator, quote or line break; a cell a spreadsheet would run as a formula
 * ("=…", "+…", "@…", "-" before a letter) is prefixed with an apostrophe, negative figures ("-3.076") are left alone.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+@\t\r]|^-(?![\d.,])/u.test(text)) text = `'${text}`;
  return /[",;\n\r]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], lines: (string | number | null)[][]): string {
  return [header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function sourceText(source: RegisterSource, titleOf: TitleOf): string {
  return source.page === null ? titleOf(source.documentId) : `${titleOf(source.documentId)} p. ${source.page}`;
}

const texts = (field: MergedField<string | number>) => field.values.map((v) => String(v.value)).join(' | ');
const figures = (field: MergedField<FigureValue>) => field.values.map((v) => v.value.text).join(' | ');

function units(line: MergedDeelopdracht): string {
  const all = [line.granted, line.spent, line.toReceive, line.toSettle].flatMap((field) => field.values.map((v) => v.value.unit ?? ''));
  return [...new Set(all.filter(Boolean))].join(' | ');
}

function allSources(line: MergedDeelopdracht): RegisterSource[] {
  const fields = [line.number, line.name, line.granted, line.spent, line.toReceive, line.toSettle] as MergedField<unknown>[];
  const seen = new Map<string, RegisterSource>();
  for (const source of fields.flatMap((field) => field.values.flatMap((v) => v.sources))) seen.set(`${source.documentId}|${source.page}`, source);
  return [...seen.values()];
}

/** The deelopdrachten register as CSV. */
export function deelopdrachtenCsv(lines: MergedDeelopdracht[], titleOf: TitleOf): string {
  const header = ['nummer', 'naam', 'periode', 'jaar', 'gebied', 'toegekend', 'besteed', 'te ontvangen', 'te verrekenen', 'eenheid', 'conflict', 'bronnen'];
  return csv(header, lines.map((line) => [
    texts(line.number), texts(line.name), texts(line.period), texts(line.year), texts(line.area),
    figures(line.granted), figures(line.spent), figures(line.toReceive), figures(line.toSettle), units(line),
    line.conflict ? 'ja' : 'nee', allSources(line).map((s) => sourceText(s, titleOf)).join('; '),
  ]));
}

/** The budget overview as CSV: one line per cited amount, with its group's difference flag. */
export function budgetsCsv(lines: BudgetLine[], titleOf: TitleOf): string {
  const header = ['onderwerp', 'jaar', 'bedrag', 'eenheid', 'kolom', 'verschil tussen documenten', 'bron', 'passage'];
  return csv(header, lines.flatMap((line) => line.amount.values.flatMap((value) => value.sources.map((source) => [
    line.subject, line.year, value.value.text, value.value.unit, value.value.column, line.difference ? 'ja' : 'nee', sourceText(source, titleOf), source.passageId,
  ]))));
}

/** The mandates map as CSV: one line per mandate. */
export function mandatesCsv(groups: ActorMandates[], titleOf: TitleOf): string {
  const header = ['actor', 'bevoegdheid', 'waarover', 'zin', 'bron', 'passage'];
  return csv(header, groups.flatMap((group) => group.mandates.map((m) => [
    group.actor, m.power, m.object, m.source.text.replace(/\s+/gu, ' '), sourceText(m.source, titleOf), m.source.passageId,
  ])));
}
