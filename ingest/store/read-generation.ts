/**
 * Reading a committed generation, each part from the table and version `head` names: everything (for a full
 * rewrite), what a server serves (document texts left in the store), or the records alone (for an ingest that
 * only needs to know what is there).
 */
import type * as lancedb from '@lancedb/lancedb';
import type { DocumentRecord, Passage, RegisterRow } from '../types.js';
import { escapeSql } from './filter-clause.js';
import { openRef, type Head, type TableRef } from './head.js';
import type { IndexManifest } from './manifest.js';
import { nextRegisters } from '../registers/generation-registers.js';
import { byPosition, passageReads, type PassageReads } from './passage-reads.js';
import { guard, searchers, storedColumns, type PassageSearch } from './passage-search.js';
import { fromRegisterRecord, REGISTERS } from './register-rows.js';
import { fromDocumentRow, fromPassageRow, type StoredDocument } from './rows.js';
import type { DocumentRows } from './write-generation.js';

/** What `LanceStore.listing` reads of the committed generation. */
export interface IndexListing {
  manifest: IndexManifest;
  records: DocumentRecord[];
  /** The kinds of table the generation has ("documents", "passages", "registers", …). */
  kinds: string[];
}

/** One committed generation, loaded for reading and searching. */
export interface IndexSnapshot extends PassageSearch {
  generation: number;
  manifest: IndexManifest;
  documents: StoredDocument[];
  /** All passages, ordered by document and position. */
  passages: Passage[];
  model: Uint8Array | null;
  /** The rows of a further per-document table ("registers"); none when the generation has no such table. */
  rows(kind: string): Promise<Record<string, unknown>[]>;
  /** The further per-document tables of the generation, with their schemas and rows (a full rewrite carries them over). */
  documentTables(): Promise<Record<string, DocumentRows>>;
  /** The register rows of every document, or null for an index written before registers existed. */
  registers: RegisterRow[] | null;
}

/** The kinds every generation has, and registers (written by the pipeline itself); any other kind is carried over as it is. */
const CORE_KINDS = new Set(['meta', 'documents', 'passages', REGISTERS]);

/**
 * One committed generation as a server reads it: document records in memory; passages and the documents' texts
 * read when asked for, so what a server holds does not grow with every passage's text.
 */
export interface IndexReader extends PassageSearch, PassageReads {
  generation: number;
  manifest: IndexManifest;
  records: DocumentRecord[];
  model: Uint8Array | null;
  /** The original and clean text of one document, or null for an unknown id. */
  documentText(documentId: string): Promise<{ originalText: string; cleanText: string } | null>;
  /** The register rows of every document (for an index written before registers existed, extracted when it was read). */
  registers: RegisterRow[];
}

const open = (db: lancedb.Connection, head: Head, kind: string) => openRef(db, head.tables[kind] as TableRef);

/** The meta rows (manifest, model) with the given columns. */
export async function readMeta(db: lancedb.Connection, head: Head, columns: string[]): Promise<Record<string, unknown>[]> {
  return (await open(db, head, 'meta')).query().select(columns).toArray();
}

function manifestOf(meta: Record<string, unknown>[]): IndexManifest {
  return JSON.parse(String(meta.find((row) => row.key === 'manifest')?.json)) as IndexManifest;
}

/** The model bytes among the meta rows, or null. */
export function modelOf(meta: Record<string, unknown>[]): Uint8Array | null {
  const row = meta.find((entry) => entry.key === 'model');
  return row?.bytes ? new Uint8Array(row.bytes as Uint8Array) : null;
}

async function plainRows(table: lancedb.Table): Promise<Record<string, unknown>[]> {
  return (await table.query().toArray()).map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
}

async function readPassages(table: lancedb.Table, columns: string[]): Promise<Passage[]> {
  return (await table.query().select(columns).toArray()).map(fromPassageRow).sort(byPosition);
}

/** The register rows of `head`, or null when it has no registers table (written by an older Grip). */
async function readRegisters(db: lancedb.Connection, head: Head): Promise<RegisterRow[] | null> {
  return head.tables[REGISTERS] ? (await plainRows(await open(db, head, REGISTERS))).map(fromRegisterRecord) : null;
}

/** Everything of the generation `head` names. */
export async function readSnapshot(db: lancedb.Connection, head: Head): Promise<IndexSnapshot> {
  const meta = await readMeta(db, head, ['key', 'json', 'bytes']);
  const documentRows = await (await open(db, head, 'documents')).query().toArray();
  const passages = await open(db, head, 'passages');
  const columns = await storedColumns(passages);
  return {
    generation: head.generation,
    manifest: manifestOf(meta),
    documents: documentRows.map(fromDocumentRow),
    passages: await readPassages(passages, columns),
    model: modelOf(meta),
    rows: async (kind) => (head.tables[kind] ? plainRows(await open(db, head, kind)) : []),
    documentTables: async () => {
      const tables: Record<string, DocumentRows> = {};
      for (const kind of Object.keys(head.tables).filter((name) => !CORE_KINDS.has(name))) {
        const table = await open(db, head, kind);
        tables[kind] = { schema: await table.schema(), rows: await plainRows(table) };
      }
      return tables;
    },
    registers: await readRegisters(db, head),
    ...searchers(passages, columns),
  };
}

/** The generation `head` names, as a server serves it. */
export async function readReader(db: lancedb.Connection, head: Head): Promise<IndexReader> {
  const meta = await readMeta(db, head, ['key', 'json', 'bytes']);
  const documents = await open(db, head, 'documents');
  const records = (await documents.query().select(['record']).toArray()).map((row) => JSON.parse(String(row.record)) as DocumentRecord);
  const passages = await open(db, head, 'passages');
  const columns = await storedColumns(passages);
  return {
    generation: head.generation,
    manifest: manifestOf(meta),
    records,
    ...(await passageReads(passages, columns)),
    model: modelOf(meta),
    documentText: (documentId) => guard('gelezen', async () => {
      const rows = await documents.query().where(`documentId = '${escapeSql(documentId)}'`).select(['originalText', 'cleanText']).limit(1).toArray();
      return rows[0] ? { originalText: String(rows[0].originalText), cleanText: String(rows[0].cleanText) } : null;
    }),
    // An index from before registers gets its rows once here, from a full read, as its next commit would store them.
    registers: (await readRegisters(db, head)) ?? nextRegisters({ registers: null, passages: await readPassages(passages, columns) }, [], new Set()),
    ...searchers(passages, columns),
  };
}

/** The manifest and document records of the generation `head` names. */
export async function readListing(db: lancedb.Connection, head: Head): Promise<IndexListing> {
  const meta = await readMeta(db, head, ['key', 'json']);
  const rows = await (await open(db, head, 'documents')).query().select(['record']).toArray();
  return { manifest: manifestOf(meta), records: rows.map((row) => JSON.parse(String(row.record)) as DocumentRecord), kinds: Object.keys(head.tables) };
}
