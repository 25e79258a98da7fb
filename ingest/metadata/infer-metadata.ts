/**
 * Inferring metadata for files the catalog does not list, from their text only — never from PDF info
 * fields, which are often stale (a 2015 besluitenlijst titled "Aandachtspuntenlijst … 2008").
 */
import type { DocType } from '../types.js';
import { inferDate } from './infer-dates.js';

/** Metadata inferred from text. */
export interface InferredMetadata {
  title: string;
  docType: DocType;
  date: string | null;
  year: number | null;
  organisation: string | null;
}

const TYPE_CUES: [RegExp, DocType][] = [
  [/\braadsvoorstel\b|\bvoorgesteld raadsbesluit\b/i, 'raadsvoorstel'],
  [/\bbesluitenlijst\b/i, 'besluitenlijst'],
  [/\b(?:jaarverslag|bestuursverslag)\b/i, 'jaarverslag'],
  [/\bjaarstukken\b|\bjaarrekening\b/i, 'jaarstukken'],
  [/\b(?:begroting|kadernota|voorjaarsnota)\b/i, 'begroting'],
  [/\buitvraag\b/i, 'onderzoeksuitvraag'],
  [/\bverslag van een schriftelijk overleg\b|\bkamerstuk\b/i, 'kamerstuk'],
  [/\bstaatscourant\b|\bregeling van de minister/i, 'regeling'],
  [/\bwoo-besluit\b|\bwet open overheid\b|\bbesluit op uw woo\b/i, 'woo-besluit'],
  [/^\s*(?:from|to|subject|van|aan|onderwerp):/im, 'e-mail'],
  [/\bgeachte\b/i, 'brief'],
  [/\bmotie\b/i, 'motie'],
  [/\b(?:rapport|onderzoek naar|rapportage)\b/i, 'onderzoeksrapport'],
  [/\b(?:hervormingsagenda|agenda)\b/i, 'agenda'],
];

const ORGANISATION = /\b((?:Gemeente|gemeente|Provincie|Rekenkamer|Stichting|Ministerie van|Collectie)\s+(?:[A-Z][\p{L}&-]+)(?:\s+(?:[A-Z][\p{L}&-]+|en|van))*)/u;
const KNOWN_ORGANISATIONS = /\b(Berenschot|VNG(?: Realisatie)?|Tweede Kamer|Eerste Kamer|College van B&W [A-Z]\p{L}+)\b/u;

/**
 * The document type a text's opening announces first; "document" when nothing does. The earliest cue wins, so a
 * letter ("Geachte commissieleden") that later mentions the begroting stays a letter; the list order breaks ties.
 */
export function inferDocType(text: string): DocType {
  const head = text.slice(0, 3000);
  let best: { index: number; type: DocType } | undefined;
  for (const [cue, type] of TYPE_CUES) {
    const index = head.search(cue);
    if (index >= 0 && (!best || index < best.index)) best = { index, type };
  }
  return best?.type ?? 'document';
}

function isTitleCandidate(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 16 || line.length < 6) return false;
  if (/@|https?:|www\.|\b\d{4}\s?[A-Z]{2}\b|^\d+$|^(?:pagina|page)\b/i.test(line)) return false;
  const letters = line.replace(/[^\p{L}]/gu, '').length;
  return letters >= line.replace(/\s/g, '').length * 0.6;
}

/** A title from the opening lines: "Onderwerp X" wins; else the first title-like line, joined with a short follow-up. */
export function inferTitle(text: string, hint?: string): string {
  if (hint && hint.trim()) return hint.trim();
  // Blank lines are kept as "" so a title is only joined with a line right under it, not with the next heading.
  const lines = text.slice(0, 4000).split(/\n/).map((line) => line.replace(/\s+/g, ' ').trim());
  const subject = lines.findIndex((line) => /^onderwerp\b/i.test(line));
  if (subject >= 0) {
    const rest = lines[subject]?.replace(/^onderwerp[:\s]*/i, '').trim();
    const title = rest || lines.slice(subject + 1).find(Boolean);
    if (title) return title.replace(/^[‘'“"]+/, '');
  }
  const first = lines.findIndex(isTitleCandidate);
  if (first < 0) return 'Naamloos document';
  const next = lines[first + 1];
  const title = next && isTitleCandidate(next) && next.split(' ').length <= 6 && !/[.:]$/.test(lines[first] ?? '') ? `${lines[first]} ${next}` : lines[first];
  // Leading numbers are a page or file number ("29 338 Wetenschapsbudget"), not part of the title.
  return (title ?? 'Naamloos document').replace(/^(?:\d+\s+)+/, '');
}

/** The year a document is about: a year in its title, else the year of its date. */
export function inferYear(title: string, date: string | null): number | null {
  const inTitle = /\b((?:19|20)\d\d)\b/.exec(title);
  if (inTitle) return Number(inTitle[1]);
  return date ? Number(date.slice(0, 4)) : null;
}

/** Infers title, type, date, year and organisation from a document's text. */
export function inferMetadata(text: string, titleHint?: string): InferredMetadata {
  const title = inferTitle(text, titleHint);
  const date = inferDate(text);
  const head = text.slice(0, 5000);
  const organisation = KNOWN_ORGANISATIONS.exec(head)?.[1] ?? ORGANISATION.exec(head)?.[1] ?? null;
  // A name broken over two lines ("gemeente\nGroningen") is one name.
  return { title, docType: inferDocType(`${title}\n${text}`), date, year: inferYear(title, date), organisation: organisation?.replace(/\s+/g, ' ').trim() ?? null };
}
