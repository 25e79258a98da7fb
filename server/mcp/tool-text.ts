/**
 * The text content of the MCP tools' results: what a host's model reads. Markdown, sources named the way the
 * answers name them, passage ids given so the model can ask for a passage's context. The same data goes in the
 * results' structured content. Pure functions.
 */
import type { Passage } from '../../ingest/index.js';
import type { PassageHit } from '../answer/types.js';
import { formatDate } from '../answer/messages.js';
import { escapeMarkdown, sourceMarkdown, type MarkdownOptions } from '../markdown/answer-markdown.js';
import type { Language } from '../retrieve/language.js';
import type { documentList, passageWithNeighbours } from '../routes/document-routes.js';
import type { locateResponse } from '../routes/locate-routes.js';
import type { searchResponse } from '../routes/ask-routes.js';

type SearchResult = Awaited<ReturnType<typeof searchResponse>>;
type LocateResult = Awaited<ReturnType<typeof locateResponse>>;
type PassageContext = Awaited<ReturnType<typeof passageWithNeighbours>>;

/** A passage's text as a Markdown block quote. */
function quoted(text: string): string {
  return text.trim().split('\n').map((line) => `> ${line}`).join('\n');
}

function hitBlock(hit: Pick<PassageHit, 'passageId' | 'title' | 'docType' | 'date' | 'page' | 'pageLabel' | 'section' | 'text'>, heading: string, language: Language, options: MarkdownOptions): string {
  return `${heading} ${sourceMarkdown(hit, language, options)}\npassageId: \`${hit.passageId}\`\n\n${quoted(hit.text)}`;
}

/** The ranking of the `search` tool, best first, each passage with its score and text. */
export function searchText(result: SearchResult, options: MarkdownOptions = {}): string {
  const language = result.query.language;
  if (result.passages.length === 0) return language === 'en' ? 'No passages found.' : 'Geen passages gevonden.';
  return result.passages.map((hit, index) => hitBlock(hit, `${index + 1}. (score ${hit.score})`, language, options)).join('\n\n');
}

function asHit(passage: Passage) {
  return { passageId: passage.id, title: passage.title, docType: passage.docType, date: passage.date, page: passage.page, pageLabel: passage.pageLabel, section: passage.section.join(' › '), text: passage.text };
}

/** A passage with the passages around it, in reading order; the requested one marked. */
export function passageText(context: PassageContext, options: MarkdownOptions = {}): string {
  const blocks = [
    ...context.before.map((p) => hitBlock(asHit(p), '(ervoor)', 'nl', options)),
    hitBlock(asHit(context.passage), '**Passage**', 'nl', options),
    ...context.after.map((p) => hitBlock(asHit(p), '(erna)', 'nl', options)),
  ];
  return blocks.join('\n\n');
}

/** The document list: one line per document with its id and resource URI. */
export function documentsText(documents: ReturnType<typeof documentList>, resourceUri: (documentId: string) => string): string {
  if (documents.length === 0) return 'Er zijn nog geen documenten geïndexeerd.';
  return documents
    .map((d) => {
      const facts = [d.docType, formatDate(d.date, 'nl') ?? (d.year ? String(d.year) : ''), d.organisation ?? '', `${d.passageCount} passages`, d.status === 'needs_ocr' ? 'niet doorzoekbaar (scan zonder tekstlaag)' : ''].filter(Boolean);
      return `- *${escapeMarkdown(d.title)}* — ${facts.map(escapeMarkdown).join(', ')}\n  documentId: \`${d.documentId}\`, ${resourceUri(d.documentId)}`;
    })
    .join('\n');
}

/** Where a quote stands: the passages holding it word for word, or else the nearest passages with their word coverage. */
export function locateText(result: LocateResult, options: MarkdownOptions = {}): string {
  if (result.exact.length > 0) {
    const blocks = result.exact.map((match) => {
      const spans = match.spans.map((span) => `“${match.text.slice(span.start, span.end)}”`).join(' … ');
      const note = match.complete ? '' : ' (loopt door in de volgende of vorige passage)';
      return `- ${sourceMarkdown(match, 'nl', options)}${note}\n  passageId: \`${match.passageId}\`\n  ${spans}`;
    });
    return `Staat letterlijk in:\n\n${blocks.join('\n')}`;
  }
  if (result.related.length === 0) return 'Niet letterlijk gevonden, en geen verwante passages.';
  const related = result.related.map((hit, index) => hitBlock(hit, `${index + 1}. (${Math.round(hit.coverage * 100)}% van de woorden)`, 'nl', options));
  return `Niet letterlijk gevonden. De passages die er het meest op lijken:\n\n${related.join('\n\n')}`;
}
