/**
 * OCR for the pages of a PDF that have no text layer: each is rendered and read by an {@link OcrEngine}, within
 * the file's deadline and memory limit. Pages keep their place, so passages keep their page numbers.
 */
import { AppError } from '../../errors.js';
import type { IngestWarning } from '../../types.js';
import type { ReadPage } from '../pdf-read-page.js';
import type { OcrEngine, PageReading } from './ocr-engine.js';
import { OCR_INSTALL_HINT } from './ocr-settings.js';
import { renderDpi } from './render-page.js';

/** OCR as a PDF loader gets it. */
export interface PdfOcr {
  /** False with `OCR=off`. */
  enabled: boolean;
  engine: OcrEngine;
  /** Pages read at the same time (default 1). */
  concurrency?: number;
}

/** The pages after OCR, and what happened. */
export interface OcrOutcome {
  pages: (ReadPage | undefined)[];
  /** Physical page numbers whose text came from OCR. */
  recognised: number[];
  /** Page-level warnings (a page OCR could not read). */
  warnings: IngestWarning[];
  /** The message for a PDF left without any text: why OCR did not read it (off, missing, or nothing found). */
  noTextMessage?: string;
}

/** The message of a PDF without text when OCR is off or missing. */
function unavailableMessage(enabled: boolean, reason: string | undefined): string {
  if (!enabled) return 'Geen tekstlaag — OCR nodig. Tekstherkenning staat uit (OCR=off).';
  return `Geen tekstlaag — OCR nodig. Tekstherkenning is hier niet beschikbaar: ${reason ?? ''} Installeer Tesseract met het Nederlandse taalmodel en pdftoppm (${OCR_INSTALL_HINT}) en laad het bestand opnieuw.`;
}

const NOTHING_FOUND = 'Geen tekstlaag, en de tekstherkenning (OCR) vond op de pagina\'s geen tekst.';
const UNREADABLE = 'Geen tekstlaag, en de tekstherkenning (OCR) kon de pagina\'s van dit bestand niet lezen.';

function timeoutError(): AppError {
  return new AppError('timeout', 'De tekstherkenning (OCR) van dit bestand duurde langer dan de tijd per bestand en is afgebroken.');
}

/** Runs `work` on every item with at most `limit` at a time, results in item order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** Pages that were read but carry no text: the ones OCR is for. */
export function textlessPages(pages: readonly (ReadPage | undefined)[]): number[] {
  return pages.flatMap((page, index) => (page !== undefined && page.text.trim() === '' ? [index + 1] : []));
}

/**
 * OCRs every page without text (see {@link textlessPages}). Text pages are left as they are.
 *
 * @throws AppError `timeout` when the deadline passes during OCR.
 */
export async function ocrTextlessPages(pages: readonly (ReadPage | undefined)[], ocr: PdfOcr): Promise<OcrOutcome> {
  const candidates = textlessPages(pages);
  const outcome: OcrOutcome = { pages: [...pages], recognised: [], warnings: [] };
  if (candidates.length === 0) return outcome;
  const reason = ocr.enabled ? await ocr.engine.unavailable() : undefined;
  if (!ocr.enabled || reason !== undefined) return { ...outcome, noTextMessage: unavailableMessage(ocr.enabled, reason) };
  const readings = await mapLimited(candidates, ocr.concurrency ?? 1, (number) => ocr.engine.readPage(number, renderDpi((pages[number - 1] as ReadPage).area)));
  if (readings.some((reading) => 'timeout' in reading)) throw timeoutError();
  if (readings.some((reading) => 'missing' in reading)) return { ...outcome, noTextMessage: unavailableMessage(true, 'een OCR-programma ontbrak tijdens het lezen.') };
  const failed: number[] = [];
  candidates.forEach((number, index) => {
    const reading = readings[index] as PageReading;
    if ('failed' in reading) failed.push(number);
    else if ('text' in reading && reading.text !== '') recognised(outcome, number, reading.text);
  });
  // A file no page of which OCR could read stays flagged with one message; pages missing from a read file are named.
  if (outcome.recognised.length === 0) outcome.noTextMessage = failed.length > 0 ? UNREADABLE : NOTHING_FOUND;
  else for (const number of failed) outcome.warnings.push({ code: 'page_failed', message: pageFailedMessage(number), page: number });
  return outcome;
}

function pageFailedMessage(number: number): string {
  return `Pagina ${number} heeft geen tekstlaag en de tekstherkenning (OCR) kon haar niet lezen; de pagina is overgeslagen.`;
}

function recognised(outcome: OcrOutcome, number: number, text: string): void {
  const { title: _title, ...page } = outcome.pages[number - 1] as ReadPage;
  outcome.pages[number - 1] = { ...page, text, monospaceOnly: false };
  outcome.recognised.push(number);
}

/** The document's OCR warning, naming the pages that were read by OCR. */
export function ocrWarning(recognised: readonly number[], pageCount: number): IngestWarning {
  const where = recognised.length === pageCount ? (pageCount === 1 ? 'de pagina' : `alle ${pageCount} pagina's`) : `${recognised.length === 1 ? 'pagina' : "pagina's"} ${listPages(recognised)}`;
  return {
    code: 'ocr_text',
    message: `OCR: tekst automatisch herkend op ${where} (gescand, zonder tekstlaag); herkenningsfouten zijn mogelijk, dus controleer een citaat in het origineel.`,
  };
}

function listPages(numbers: readonly number[]): string {
  if (numbers.length === 1) return String(numbers[0]);
  return `${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}
