/**
 * The scale benchmark's report: one row per corpus size, then the targets as ratios from the same run.
 */
import type { MachineLoad } from '../measure.js';
import type { ScaleRow } from './scale-bench.js';

/** The targets of the issue. */
export const SCALE_TARGETS = { addOverSmallest: 2, addMs: 2000, throughputOverSmallest: 0.7, askP95Ms: 100, askP95OverRaw: 5 };

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const mark = (met: boolean) => (met ? '✓ met' : '✗ NOT met');

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function targetLines(rows: readonly ScaleRow[]): string[] {
  const smallest = rows[0] as ScaleRow;
  const lines: string[] = [];
  for (const row of rows.slice(1)) {
    const addRatio = row.addMs / smallest.addMs;
    lines.push(`add one document at ${row.passages} passages: ${fixed(row.addMs)} ms = ${fixed(addRatio, 2)} × at ${smallest.passages} (target ≤ ${SCALE_TARGETS.addOverSmallest} × and ≤ ${SCALE_TARGETS.addMs} ms): ${mark(addRatio <= SCALE_TARGETS.addOverSmallest && row.addMs <= SCALE_TARGETS.addMs)}`);
    const throughput = row.passagesPerSecond / smallest.passagesPerSecond;
    lines.push(`ingest throughput at ${row.passages}: ${fixed(throughput, 2)} × at ${smallest.passages} (target ≥ ${SCALE_TARGETS.throughputOverSmallest}): ${mark(throughput >= SCALE_TARGETS.throughputOverSmallest)}`);
  }
  for (const row of rows) {
    const overRaw = row.askP95 / row.rawFullTextP50;
    lines.push(`/api/ask p95 at ${row.passages}: ${fixed(row.askP95)} ms = ${fixed(overRaw, 1)} × raw full-text p50 (target ≤ ${SCALE_TARGETS.askP95Ms} ms and ≤ ${SCALE_TARGETS.askP95OverRaw} ×): ${mark(row.askP95 <= SCALE_TARGETS.askP95Ms && overRaw <= SCALE_TARGETS.askP95OverRaw)}`);
  }
  return lines;
}

/** The report for one run. */
export function scaleReportLines(rows: readonly ScaleRow[], machine: { before: MachineLoad; after: MachineLoad }): string[] {
  const load = (m: MachineLoad) => `${m.load.map((value) => value.toFixed(2)).join(' ')} on ${m.cores} cores`;
  const cells = rows.map((row) => [
    String(row.passages), String(row.documents), fixed(row.ingestMs / 1000, 1), fixed(row.passagesPerSecond), fixed(row.ingestPeakRssMb), fixed(row.addMs), fixed(row.deleteMs),
    fixed(row.indexMb, 1), fixed(row.serverStartMs / 1000, 1), fixed(row.serverRssMb), fixed(row.askP50, 1), fixed(row.askP95, 1), fixed(row.askColdP50, 1), fixed(row.rawFullTextP50, 1),
  ]);
  return [
    `Scale — load ${load(machine.before)} before, ${load(machine.after)} after`,
    ...table(['passages', 'docs', 'ingest s', 'passages/s', 'ingest RSS MB', 'add ms', 'delete ms', 'index MB', 'server start s', 'server RSS MB', 'ask p50', 'ask p95', 'cold ask p50', 'raw FT p50'], cells),
    '',
    ...(rows.length > 0 ? targetLines(rows) : []),
  ];
}
