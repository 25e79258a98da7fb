/**
 * Human-readable progress lines for an ingest run (CLI and server start-up), in Dutch.
 */
import type { FileOutcome, IngestSummary } from './types.js';
import type { IngestProgress } from './pipeline/ingest-inputs.js';

const STATUS: Record<FileOutcome['status'], string> = {
  added: 'toegevoegd',
  replaced: 'vervangen',
  unchanged: 'ongewijzigd',
  flagged: 'gemarkeerd',
  failed: 'mislukt',
};

/** One line (plus warning lines) for a file's outcome. */
export function outcomeLines(outcome: FileOutcome, index: number, total: number): string[] {
  const counter = `[${index + 1}/${total}]`;
  if (outcome.status === 'failed') return [`${counter} ✗ ${outcome.source}: ${STATUS.failed} — ${outcome.error.message} (${outcome.error.code})`];
  const mark = outcome.status === 'flagged' ? '⚠' : '✓';
  const pages = outcome.pages ? `${outcome.pages} pagina's, ` : '';
  const head = `${counter} ${mark} ${outcome.source}: ${STATUS[outcome.status]} — ${pages}${outcome.passages} passages`;
  return [head, ...outcome.warnings.map((w) => `      waarschuwing${w.page ? ` (p. ${w.page})` : ''}: ${w.message}`)];
}

/** Lines for a progress event. */
export function progressLines(event: IngestProgress, total: { files: number }): string[] {
  if (event.type === 'start') {
    total.files = event.files;
    return [`${event.files} bestand(en) verwerken…`];
  }
  if (event.type === 'file') return outcomeLines(event.outcome, event.index, total.files);
  return [`Index schrijven: ${event.documents} documenten, ${event.passages} passages…`];
}

/** Closing summary lines. */
export function summaryLines(summary: IngestSummary, elapsedMs: number): string[] {
  const count = (status: FileOutcome['status']) => summary.files.filter((f) => f.status === status).length;
  const parts = (['added', 'replaced', 'unchanged', 'flagged', 'failed'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${STATUS[s]}`);
  const removed = summary.removed.length ? `, ${summary.removed.length} verwijderd` : '';
  return [
    `Klaar in ${(elapsedMs / 1000).toFixed(1)} s: ${parts.join(', ') || 'geen bestanden'}${removed}.`,
    `Index: ${summary.documents} documenten, ${summary.passages} passages${summary.changed ? '' : ' (niets gewijzigd)'}.`,
  ];
}
