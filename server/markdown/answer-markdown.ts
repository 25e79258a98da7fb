/**
 * An answer as one Markdown text, for clients that show only text (chat clients over /v1/chat/completions, MCP
 * hosts): the answer with its `[n]` markers as the composer wrote it, then a footnote list of its sources — title,
 * document type, date, section, page and a link to the passage in the web chat. A "not found" answer lists the
 * passages it calls possibly relevant instead. Pure functions of the response.
 */
import { formatDate } from '../answer/messages.js';
import type { AskResponse, PassageHit } from '../answer/types.js';
import type { Language } from '../retrieve/language.js';

/** Where a passage stands, as citations and hits both carry it. */
export type PassageSource = Pick<PassageHit, 'passageId' | 'title' | 'docType' | 'date' | 'page' | 'pageLabel' | 'section'>;

/** Options of the Markdown renderers. */
export interface MarkdownOptions {
  /** The web chat's address (https://grip.example.nl); without it the footnotes carry no links. */
  webUrl?: string | undefined;
}

/** How many passages a "not found" answer lists as possibly relevant. */
export const RELATED_SHOWN = 5;

const WORDS = {
  nl: { sources: 'Bronnen', related: 'Mogelijk relevant', open: 'bekijk in Grip' },
  en: { sources: 'Sources', related: 'Possibly relevant', open: 'view in Grip' },
} as const;

/** Escapes the characters that would turn document text into Markdown markup or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`);
}

/** The web chat's address of a passage: it opens the chat with the passage in the source panel. */
export function passageUrl(webUrl: string, passageId: string): string {
  return `${webUrl.replace(/\/+$/, '')}/#/passage/${encodeURIComponent(passageId)}`;
}

/** One source as a footnote: "*Title* — jaarverslag, 5 juli 2023, § 5.2.1 Hoofdlijn, p. 30 — [bekijk in Grip](…)". */
export function sourceMarkdown(source: PassageSource, language: Language, options: MarkdownOptions = {}): string {
  const section = source.section ? `§ ${source.section.split(' › ').at(-1)}` : '';
  const page = source.page !== null ? `p. ${source.pageLabel ?? source.page}` : '';
  const facts = [source.docType, formatDate(source.date, language) ?? '', section, page].filter(Boolean).map(escapeMarkdown).join(', ');
  const link = options.webUrl ? ` — [${WORDS[language].open}](${passageUrl(options.webUrl, source.passageId)})` : '';
  return `*${escapeMarkdown(source.title)}*${facts ? ` — ${facts}` : ''}${link}`;
}

/** The footnote list of an answered response: "- [1] …" per citation, under a heading. */
export function footnotesMarkdown(response: Pick<AskResponse, 'citations' | 'query'>, options: MarkdownOptions = {}): string {
  const language = response.query.language;
  if (response.citations.length === 0) return '';
  const lines = response.citations.map((citation) => `- [${citation.n}] ${sourceMarkdown(citation, language, options)}`);
  return `**${WORDS[language].sources}**\n\n${lines.join('\n')}`;
}

/** The passages a "not found" answer offers as possibly relevant, as a list under a heading. */
function relatedMarkdown(response: Pick<AskResponse, 'passages' | 'query'>, options: MarkdownOptions): string {
  const language = response.query.language;
  const shown = response.passages.slice(0, RELATED_SHOWN);
  if (shown.length === 0) return '';
  return `**${WORDS[language].related}**\n\n${shown.map((passage) => `- ${sourceMarkdown(passage, language, options)}`).join('\n')}`;
}

/** The whole response as Markdown: the answer, then its sources (or, when not found, the related passages). */
export function answerMarkdown(response: AskResponse, options: MarkdownOptions = {}): string {
  const after = response.status === 'answered' ? footnotesMarkdown(response, options) : relatedMarkdown(response, options);
  return [response.answer.trim(), after].filter(Boolean).join('\n\n');
}
