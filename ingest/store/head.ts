/**
 * The one-row `head` table: which revision of the index is committed, and which table at which LanceDB version
 * holds each part of it. Readers open exactly those versions, so rows a writer appends or deletes are invisible
 * until the writer rewrites `head` — one atomic LanceDB overwrite — and a writer killed before that leaves
 * nothing a reader can see.
 */
import type * as lancedb from '@lancedb/lancedb';

/** Where one part of the index lives: a table name and, when known, the version to read. */
export interface TableRef {
  name: string;
  /** Undefined for an index written before versions were recorded: read the table's latest version. */
  version?: number;
}

/** The committed state: a revision number that grows with every commit, and the table of every kind. */
export interface Head {
  generation: number;
  /** By kind: `meta`, `documents`, `passages` and any further per-document tables ("registers"). */
  tables: Record<string, TableRef>;
}

/** The name of the head table. */
export const HEAD = 'head';

/** The table name for `kind` written by the commit of `generation`. */
export const tableName = (kind: string, generation: number): string => `${kind}_g${generation}`;

/** The generation in a generation table's name, or 0 for other tables (head, blobs). */
export function generationOf(name: string): number {
  const match = /^[a-z][a-z0-9-]*_g(\d+)$/.exec(name);
  return match ? Number(match[1]) : 0;
}

/** Reads the head; an index from before versions were recorded names the tables of its generation. */
export async function readHead(db: lancedb.Connection): Promise<Head | null> {
  if (!(await db.tableNames()).includes(HEAD)) return null;
  const row = (await (await db.openTable(HEAD)).query().toArray())[0] as { generation?: unknown; tables?: unknown } | undefined;
  const generation = Number(row?.generation);
  if (!Number.isInteger(generation)) return null;
  if (typeof row?.tables === 'string') return { generation, tables: JSON.parse(row.tables) as Head['tables'] };
  const kinds = ['meta', 'documents', 'passages'];
  return { generation, tables: Object.fromEntries(kinds.map((kind) => [kind, { name: tableName(kind, generation) }])) };
}

/** Makes `head` the committed state (an overwrite: atomic in LanceDB). */
export async function writeHead(db: lancedb.Connection, head: Head, exists: boolean): Promise<void> {
  await db.createTable(HEAD, [{ generation: head.generation, tables: JSON.stringify(head.tables) }], { mode: exists ? 'overwrite' : 'create' });
}

/** Opens the table a ref names, at its recorded version. */
export async function openRef(db: lancedb.Connection, ref: TableRef): Promise<lancedb.Table> {
  const table = await db.openTable(ref.name);
  if (ref.version !== undefined) await table.checkout(ref.version);
  return table;
}
