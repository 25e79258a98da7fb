/**
 * The registers: GET /api/registers/deelopdrachten, /budgets and /mandates, merged across documents when read,
 * as JSON or as CSV (`?format=csv` or `Accept: text/csv`). Read access like the other reading routes.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../ingest/index.js';
import type { RegisterKind } from '../../ingest/index.js';
import type { Engine } from '../engine.js';
import { budgetsCsv, deelopdrachtenCsv, mandatesCsv, type TitleOf } from '../registers/registers-csv.js';
import { REGISTER_KINDS, registersOf, type Registers } from '../registers/read-registers.js';
import type { AppEnv } from './app-env.js';

const query = z.object({ format: z.enum(['json', 'csv']).optional(), documentId: z.string().min(1).max(200).optional() }).strict();

function queryOf(c: Context<AppEnv>) {
  const parsed = query.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `Ongeldige zoekparameters — ${issue?.path.join('.') || 'onbekend veld'}: ${issue?.message ?? 'onbekende fout'}.`);
  }
  return parsed.data;
}

function kindOf(name: string): RegisterKind {
  const kind = REGISTER_KINDS.find((k) => k === name);
  if (!kind) throw new AppError('not_found', `Er is geen register "${name.slice(0, 100)}"; er zijn ${REGISTER_KINDS.join(', ')}.`);
  return kind;
}

function wantsCsv(c: Context<AppEnv>, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = c.req.header('accept') ?? '';
  return /\btext\/csv\b/iu.test(accept) && !/\bapplication\/json\b/iu.test(accept);
}

/** Titles and metadata of the documents a register cites, so a client can name each source. */
function documentsOf(engine: Engine) {
  return Object.fromEntries([...engine.documents.values()].map((record) => [record.documentId, { title: record.title, docType: record.docType, date: record.date, year: record.year }]));
}

function csvOf(kind: RegisterKind, registers: Registers, titleOf: TitleOf): string {
  if (kind === 'deelopdrachten') return deelopdrachtenCsv(registers.deelopdrachten, titleOf);
  if (kind === 'budgets') return budgetsCsv(registers.budgets, titleOf);
  return mandatesCsv(registers.mandates, titleOf);
}

/** The register routes. */
export function registerRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/registers/:kind', (c) => {
    const kind = kindOf(c.req.param('kind'));
    const { format, documentId } = queryOf(c);
    const engine = c.get('deps').engines.current();
    if (documentId !== undefined && !engine.documents.has(documentId)) throw new AppError('not_found', `Er is geen document met id "${documentId}".`);
    const registers = registersOf(engine.snapshot, documentId);
    c.header('Vary', 'Accept');
    if (wantsCsv(c, format)) {
      const titleOf: TitleOf = (id) => engine.documents.get(id)?.title ?? id;
      c.header('Content-Disposition', `attachment; filename="${kind}.csv"`);
      return c.body(`\uFEFF${csvOf(kind, registers, titleOf)}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const lines = registers[kind];
    return c.json({ kind, total: lines.length, lines, documents: documentsOf(engine) });
  });
  return routes;
}
