/**
 * Finding a document's own date in its text: labelled dates first ("B&W-besluit d.d.: 28-05-2019",
 * "Vastgesteld 16 januari 2024", "datum 10 december 2024"), otherwise the first full date near the top.
 */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTH = MONTHS.join('|');
const WRITTEN = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH})\\s+((?:19|20)\\d\\d)\\b`, 'i');
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b/;
const LABEL = /(?:d\.d\.|datum|vastgesteld|besluit|gedateerd|dated)[\s:.]*$/i;
// "per 1 januari 2023", "vanaf 1 juli": when something starts or ends, not when the document was written.
const EVENT = /\b(?:per|vanaf|sinds|tot(?: en met)?|t\/m|uiterlijk|ingaande)\s*$/i;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses one date expression ("28-05-2019", "15 december 2023") at the start of `text`, as ISO. */
function parseDateAt(text: string): { date: string; index: number } | null {
  const candidates: { date: string | null; index: number }[] = [];
  const written = WRITTEN.exec(text);
  if (written) candidates.push({ date: iso(Number(written[3]), MONTHS.indexOf(String(written[2]).toLowerCase()) + 1, Number(written[1])), index: written.index });
  const numeric = NUMERIC.exec(text);
  if (numeric) candidates.push({ date: iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])), index: numeric.index });
  const best = candidates.filter((c): c is { date: string; index: number } => c.date !== null).sort((a, b) => a.index - b.index)[0];
  return best ?? null;
}

/** The document's own date as ISO, or null. Only the first `window` characters are read. */
export function inferDate(text: string, window = 4000): string | null {
  const head = text.slice(0, window);
  const all: { date: string; index: number; labelled: boolean }[] = [];
  let offset = 0;
  while (offset < head.length) {
    const found = parseDateAt(head.slice(offset));
    if (!found) break;
    const index = offset + found.index;
    const before = head.slice(Math.max(0, index - 40), index);
    if (!EVENT.test(before)) all.push({ date: found.date, index, labelled: LABEL.test(before) });
    offset = index + 6;
  }
  return (all.find((d) => d.labelled) ?? all[0])?.date ?? null;
}
