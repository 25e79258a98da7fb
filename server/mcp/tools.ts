/**
 * The MCP tools: `ask`, `search`, `get_passage`, `list_documents` and `locate_quote`. Each takes its input through
 * the zod schema of the HTTP route it mirrors, with field descriptions added (the SDK validates before the handler
 * runs), and returns what that route returns, as structured content, with a Markdown rendering as text for the
 * host's model. Failures are tool results with `isError`, as the protocol wants, carrying Grip's message and never
 * an internal cause.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ask } from '../answer/ask.js';
import { toAppError } from '../errors.js';
import { answerMarkdown } from '../markdown/answer-markdown.js';
import { searchResponse, toQuestion } from '../routes/ask-routes.js';
import { documentList, passageWithNeighbours } from '../routes/document-routes.js';
import { locateResponse, locateSchema } from '../routes/locate-routes.js';
import { askSchema, searchSchema } from '../routes/schemas.js';
import { documentUri } from './document-resources.js';
import type { McpDeps } from './mcp-deps.js';
import { documentsText, locateText, passageText, searchText } from './tool-text.js';

/** Input of `get_passage`: a passage id as search hits and citations give it. */
export const passageRequestSchema = z.object({ passageId: z.string().trim().min(1, 'de passage-id is leeg').max(500).describe('De passageId uit ask, search of locate_quote.') }).strict();

// The HTTP API's schemas with a description per field for the host's model; the constraints are the same objects.
const questionFields = {
  question: askSchema.shape.question.describe('De vraag, in het Nederlands of het Engels.'),
  history: askSchema.shape.history.describe('Eerdere beurten van het gesprek, oudste eerst, voor vervolgvragen als "En in 2021?".'),
  filters: askSchema.shape.filters.describe('Alleen passages van deze documenttypen (docType), jaren (yearFrom, yearTo) of documenten (documentId uit list_documents).'),
  k: askSchema.shape.k.describe('Hoeveel passages de ranglijst geeft (1–50).'),
  detectFilters: askSchema.shape.detectFilters.describe('false: leid geen filters af uit de vraag zelf (standaard wel).'),
};
const askInput = askSchema.extend(questionFields);
const searchInput = searchSchema.extend(questionFields);
const locateInput = locateSchema.extend({
  text: locateSchema.shape.text.describe('Het citaat of de bewering, zoals geplakt.'),
  k: locateSchema.shape.k.describe('Hoeveel verwante passages er hoogstens komen als de tekst niet letterlijk voorkomt (1–50).'),
});

/** Input of `list_documents`: nothing. */
const noInput = z.object({}).strict();

/** A result with Markdown for the model and the route's JSON as structured content. */
function result(text: string, data: object): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data as Record<string, unknown> };
}

/** Runs a tool body; any failure becomes an `isError` result with Grip's message (causes go to the log). */
function guarded<A>(deps: McpDeps, tool: string, run: (args: A) => Promise<CallToolResult> | CallToolResult): (args: A) => Promise<CallToolResult> {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal' || appError.code === 'store_failed') deps.log.error('mcp tool failed', { tool, error });
      return { content: [{ type: 'text', text: appError.message }], isError: true };
    }
  };
}

/** The tools that take a question or a text: `ask`, `search`, `locate_quote`. */
function registerQuestionTools(server: McpServer, deps: McpDeps): void {
  const links = { webUrl: deps.webUrl };
  server.registerTool('ask', {
    title: 'Vraag stellen',
    description: 'Beantwoordt een vraag over WIJ Groningen uit de raadsdocumenten, met letterlijke, genummerde citaten [n] en hun bronnen. Geeft "Dit staat niet in de documenten" als de documenten het niet zeggen. Geef de citaten ongewijzigd door.',
    inputSchema: askInput,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, guarded(deps, 'ask', async (args) => {
    const response = await ask(deps.engines.current(), toQuestion(args), deps.answerer);
    return result(answerMarkdown(response, links), response);
  }));
  server.registerTool('search', {
    title: 'Passages zoeken',
    description: 'Zoekt de passages van de raadsdocumenten die het best bij een vraag of zoekterm passen, beste eerst, met hun tekst, bron en passageId.',
    inputSchema: searchInput,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, guarded(deps, 'search', async (args) => {
    const found = await searchResponse(deps.engines.current(), args);
    return result(searchText(found, links), found);
  }));
  server.registerTool('locate_quote', {
    title: 'Waar staat dit?',
    description: 'Zoekt waar een citaat of bewering letterlijk in de documenten staat (hoofdletters, accenten, witruimte en leestekens tellen niet), of anders welke passages er het meest op lijken.',
    inputSchema: locateInput,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, guarded(deps, 'locate_quote', async (args) => {
    const located = await locateResponse(deps.engines.current(), args);
    return result(locateText(located, links), located);
  }));
}

/** The tools that read what is stored: `get_passage`, `list_documents`. */
function registerReadingTools(server: McpServer, deps: McpDeps): void {
  const links = { webUrl: deps.webUrl };
  server.registerTool('get_passage', {
    title: 'Passage lezen',
    description: 'Geeft een passage (passageId uit search, ask of locate_quote) met de twee passages ervoor en erna in hetzelfde document.',
    inputSchema: passageRequestSchema,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, guarded(deps, 'get_passage', async (args) => {
    const context = await passageWithNeighbours(deps.engines.current(), args.passageId);
    return result(passageText(context, links), context);
  }));
  server.registerTool('list_documents', {
    title: 'Documenten',
    description: 'Somt de geïndexeerde documenten op, nieuwste eerst: titel, type, datum, organisatie, aantal passages en documentId. De tekst van elk document is een resource.',
    inputSchema: noInput,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, guarded(deps, 'list_documents', () => {
    const documents = documentList(deps.engines.current());
    return result(documentsText(documents, documentUri), { documents });
  }));
}

/** Registers the tools on `server`. */
export function registerTools(server: McpServer, deps: McpDeps): void {
  registerQuestionTools(server, deps);
  registerReadingTools(server, deps);
}
