/**
 * Reading routes: the document list with metadata, passage counts and ingest warnings; one document; its clean
 * text with passage offsets; its original bytes; and a passage with its neighbours.
 */
import { Hono } from 'hono';
import { AppError, type DocumentRecord } from '../../ingest/index.js';
import type { Engine } from '../engine.js';
import type { AppEnv } from './app-env.js';

function documentOf(engine: Engine, id: string): DocumentRecord {
  const document = engine.documents.get(id);
  if (!document) throw new AppError('not_found', `Er is geen document met id "${id.slice(0, 200)}".`);
  return document;
}

const CONTENT_TYPES: Record<string, string> = {
  'application/pdf': 'application/pdf',
  'text/plain': 'text/plain; charset=utf-8',
  'text/markdown': 'text/markdown; charset=utf-8',
};

/** Content-Disposition value with a safe ASCII fallback and the UTF-8 name. */
function disposition(source: string): string {
  const ascii = source.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(source)}`;
}

/** The document list as /api/documents gives it: newest first, then by title. */
export function documentList(engine: Engine) {
  const documents = [...engine.documents.values()];
  documents.sort((a, b) => (b.date ?? String(b.year ?? '')).localeCompare(a.date ?? String(a.year ?? '')) || a.title.localeCompare(b.title));
  return documents;
}

/** A passage with the two passages before and after it in its document; `not_found` for an unknown id. */
export async function passageWithNeighbours(engine: Engine, id: string) {
  const passage = await engine.passage(id);
  if (!passage) throw new AppError('not_found', `Er is geen passage met id "${id.slice(0, 200)}".`);
  const around = await engine.neighbours(id, 2, 2);
  const index = around.findIndex((p) => p.id === id);
  return { passage, before: around.slice(0, index), after: around.slice(index + 1) };
}

/** The document and passage reading routes. */
export function documentRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/documents', (c) => c.json({ documents: documentList(c.get('deps').engines.current()) }));
  routes.get('/documents/:id', (c) => c.json(documentOf(c.get('deps').engines.current(), c.req.param('id'))));
  routes.get('/documents/:id/text', async (c) => {
    const engine = c.get('deps').engines.current();
    const record = documentOf(engine, c.req.param('id'));
    const text = await engine.snapshot.documentText(record.documentId);
    if (!text) throw new AppError('not_found', `Er is geen document met id "${record.documentId}".`);
    const passages = (await engine.passagesOf(record.documentId)).map((p) => ({
      passageId: p.id, ordinal: p.ordinal, section: p.section, page: p.page, pageLabel: p.pageLabel,
      cleanStart: p.cleanStart, cleanEnd: p.cleanEnd, start: p.start, end: p.end,
    }));
    return c.json({ documentId: record.documentId, title: record.title, text: text.cleanText, passages });
  });
  routes.get('/documents/:id/file', async (c) => {
    const record = documentOf(c.get('deps').engines.current(), c.req.param('id'));
    const bytes = await c.get('deps').store.getBlob(record.contentHash);
    if (!bytes) throw new AppError('not_found', 'Het originele bestand van dit document is niet bewaard.');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': CONTENT_TYPES[record.mediaType] ?? 'application/octet-stream',
      'Content-Disposition': disposition(record.source),
      'Cache-Control': 'private, max-age=300',
    });
  });
  routes.get('/passages/:id', async (c) => c.json(await passageWithNeighbours(c.get('deps').engines.current(), c.req.param('id'))));
  return routes;
}
