/**
 * Council document templates (raadsvoorstel, collegevoorstel; corpus/003) leave their machinery in the
 * extracted text: help texts for the author ("Als uw tekst niet meer in dit vak past, klik dan hier …"),
 * empty fields ("LTA ja: Maand Jaar") and option lists ("Classificatie … Vertrouwelijk") that show every
 * option, chosen or not. Those go. Filled-in fields stay and get a colon after their label, because the
 * columns that told label from value were only runs of spaces: "Onderwerp   Invulling …" becomes
 * "Onderwerp: Invulling …". Must run before whitespace normalisation.
 */
import type { Removal, StepResult } from './clean-types.js';
import { applyEdits, type Edit, type OffsetText } from './offset-text.js';
import { isBlankLine, lineEdit, originalLineSpan, splitTextLines, type TextLine } from './text-lines.js';

// Instructions to whoever fills in the template.
const HELP_TEXT = /\bklik (?:dan )?hier\b|\bhulpteksten\b|als uw tekst niet meer in dit vak past/i;
const MAX_HELP_PARAGRAPH = 5;
// Words a template prints in a field nobody filled in.
const PLACEHOLDER = /^(?:maand|jaar|dag|datum|naam|nummer|telnr\.?|bedrag|kenmerk|handtekening|plaats|\.{2,}|_{2,}|…)$/i;
const CLASSIFICATION_OPTION = /^(?:openbaar|vertrouwelijk|geheim|intern|beperkt openbaar)$/i;
const FORM_LABEL =
  /^(?:onderwerp|steller(?:\/telnr\.?)?|telnr\.?|portefeuillehouder|raadscommissie|commissie|bijlagen?|bijlage\(n\)|datum|kenmerk|registratienummer|agendapunt|programma|deelprogramma|afdeling|behandeld door|raadsvergadering|collegevergadering|verzonden)$/i;

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((word) => word !== '');
}

/** "LTA ja:  Maand      Jaar": a label followed only by placeholders. */
function isEmptyField(line: TextLine): boolean {
  const colon = line.text.indexOf(':');
  const value = words(colon === -1 ? line.text : line.text.slice(colon + 1));
  return colon !== -1 && value.length > 0 && value.every((word) => PLACEHOLDER.test(word));
}

/** "Classificatie" followed (on its line or the next) by nothing but the list of options. */
function classificationLines(lines: readonly TextLine[], i: number): TextLine[] {
  const line = lines[i] as TextLine;
  const cells = line.text.trim().split(/\s{2,}/);
  if (!/^classificatie:?$/i.test(cells[0] ?? '') || !cells.slice(1).every((cell) => CLASSIFICATION_OPTION.test(cell))) return [];
  let next = i + 1;
  while (next < lines.length && isBlankLine(lines[next] as TextLine)) next++;
  const options = lines[next];
  const optionCells = options ? options.text.trim().split(/\s{2,}/) : [];
  return optionCells.length > 0 && optionCells.every((cell) => CLASSIFICATION_OPTION.test(cell)) ? [line, options as TextLine] : [line];
}

/** The lines of the paragraph around line `i`, when it is short enough to be template help as a whole. */
function helpParagraph(lines: readonly TextLine[], i: number): TextLine[] {
  let first = i;
  let last = i;
  while (first > 0 && !isBlankLine(lines[first - 1] as TextLine)) first--;
  while (last < lines.length - 1 && !isBlankLine(lines[last + 1] as TextLine)) last++;
  return last - first + 1 <= MAX_HELP_PARAGRAPH ? lines.slice(first, last + 1) : [lines[i] as TextLine];
}

/** Edits that put ": " between a known form label and its value in a space-aligned line. */
function labelEdits(line: TextLine): Edit[] {
  const edits: Edit[] = [];
  const separator = /\S(\s{2,})(?=\S)/g;
  let cellStart = line.text.search(/\S/);
  for (let match = separator.exec(line.text); match !== null; match = separator.exec(line.text)) {
    const gapStart = match.index + 1;
    const cell = line.text.slice(cellStart, gapStart);
    const gapEnd = gapStart + (match[1] as string).length;
    const nextCell = line.text.slice(gapEnd).split(/\s{2,}/)[0] ?? '';
    if (FORM_LABEL.test(cell) && !FORM_LABEL.test(nextCell)) edits.push({ start: line.start + gapStart, end: line.start + gapEnd, text: ': ' });
    cellStart = gapEnd;
  }
  return edits;
}

/** Removes template machinery and marks form labels; see the module comment. */
export function removeFormBoilerplate(source: OffsetText): StepResult {
  const lines = splitTextLines(source.text);
  const doomed: TextLine[] = [];
  lines.forEach((line, i) => {
    if (HELP_TEXT.test(line.text)) doomed.push(...helpParagraph(lines, i));
    else if (isEmptyField(line)) doomed.push(line);
    else doomed.push(...classificationLines(lines, i));
  });
  const unique = [...new Map(doomed.map((line) => [line.start, line])).values()];
  const doomedStarts = new Set(unique.map((line) => line.start));
  const labels = lines.filter((line) => !doomedStarts.has(line.start)).flatMap(labelEdits);
  const removed: Removal[] = unique.map((line) => ({ kind: 'form-boilerplate', ...originalLineSpan(source, line) }));
  const text = applyEdits(source, [...unique.map((line) => lineEdit(source, line)), ...labels]);
  return { text, count: unique.length + labels.length, removed: removed.sort((a, b) => a.start - b.start) };
}
