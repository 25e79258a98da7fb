/**
 * The LanceDB adapter. An index is a series of generations: every ingest that changes something writes a
 * complete new set of tables (`documents_gN`, `passages_gN`, `meta_gN`) and only then flips the one-row `head`
 * table to N. LanceDB commits each table write atomically, so a crash at any moment leaves `head` pointing at
 * the previous, complete generation; half-written generations are dropped at the next commit.
 */
import * as lancedb from '@lancedb/lancedb';
import { AppError, errorMessage } from '../errors.js';
import type { DocumentRecord, Passage, RegisterRow } from '../types.js';
import { escapeSql, filterClause, type PassageFilter } from './filter-clause.js';
import { buildIndexes } from './indexes.js';
import type { IndexManifest } from './manifest.js';
import { fromRegisterRecord, registerSchema, toRegisterRecord } from './register-rows.js';
import {
  blobSchema, documentSchema, fromDocumentRow, fromPassageRow, metaSchema, passageSchema, passageTable, toDocumentRow, type PassageRow, type StoredDocument,
} from './rows.js';

/** What an ingest hands the store to commit as the next generation. */
export interface NewGeneration {
  manifest: Omit<IndexManifest, 'generation' | 'createdAt'>;
  documents: StoredDocument[];
  passages: PassageRow[];
  /** Bytes of the fitted local embedding model, when the embedder has one. */
  model: Uint8Array | null;
  /** The register rows of all documents of the generation (see ingest/registers/). */
  registers?: RegisterRow[];
}

/** What {@link LanceStore.listing} reads of the committed generation. */
export interface IndexListing {
  manifest: IndexManifest;
  records: DocumentRecord[];
}

/** A passage found by a search, with the engine's score (higher is better). */
export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** A search hit by passage id, for callers that hold the passages already. */
export interface RankedId {
  id: string;
  score: number;
}

/** One committed generation, loaded for reading and searching. */
export interface IndexSnapshot {
  generation: number;
  manifest: IndexManifest;
  documents: StoredDocument[];
  /** All passages, ordered by document and position. */
  passages: Passage[];
  model: Uint8Array | null;
  /** The register rows of every document, or null for an index written before registers existed. */
  registers: RegisterRow[] | null;
  /** Full-text search over passage text, title and section (Dutch analyzer), best first. */
  fullText(query: string, limit: number, filter?: PassageFilter): Promise<ScoredPassage[]>;
  /** Nearest passages to a query vector, best first; score is 1 − cosine distance. */
  nearest(vector: number[], limit: number, filter?: PassageFilter): Promise<ScoredPassage[]>;
  /**
   * {@link fullText} as ids and scores only, in the same order: it reads two columns instead of every passage
   * field, for a caller such as the server that has all passages in memory already.
   */
  fullTextIds(query: string, limit: number, filter?: PassageFilter): Promise<RankedId[]>;
  /** {@link nearest} as ids and scores only, in the same order. */
  nearestIds(vector: number[], limit: number, filter?: PassageFilter): Promise<RankedId[]>;
  /** The stored vectors of the given passages (to reuse them when only some documents change). */
  vectors(ids: string[]): Promise<Map<string, Float32Array>>;
}

const HEAD = 'head';
const BLOBS = 'blobs';
const tableName = (kind: 'documents' | 'passages' | 'meta' | 'registers', generation: number) => `${kind}_g${generation}`;

async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('store_failed', `De index kon niet worden ${what}: ${errorMessage(error)}`, { cause: error });
  }
}

/** A LanceDB-backed index at `uri` (a local folder or an object-store URI such as s3://…). */
export class LanceStore {
  private constructor(private readonly db: lancedb.Connection, readonly uri: string) {}

  /** Connects to (and if local, creates) the index location. */
  static async open(uri: string): Promise<LanceStore> {
    return guard('geopend', async () => new LanceStore(await lancedb.connect(uri), uri));
  }

  /** The committed generation number, or null when no index has been built here. */
  async head(): Promise<number | null> {
    return guard('gelezen', async () => {
      if (!(await this.db.tableNames()).includes(HEAD)) return null;
      const rows = await (await this.db.openTable(HEAD)).query().toArray();
      const generation = Number(rows[0]?.generation);
      return Number.isInteger(generation) ? generation : null;
    });
  }

  /** Loads the committed generation, or null when there is none. */
  async snapshot(): Promise<IndexSnapshot | null> {
    const generation = await this.head();
    if (generation === null) return null;
    return guard('gelezen', async () => {
      const meta = await (await this.db.openTable(tableName('meta', generation))).query().toArray();
      const manifestRow = meta.find((row) => row.key === 'manifest');
      const modelRow = meta.find((row) => row.key === 'model');
      const documentRows = await (await this.db.openTable(tableName('documents', generation))).query().toArray();
      const passagesTable = await this.db.openTable(tableName('passages', generation));
      const passageRows = await passagesTable.query().select(PASSAGE_COLUMNS).toArray();
      const passages = passageRows.map(fromPassageRow).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.ordinal - b.ordinal);
      return {
        generation,
        manifest: JSON.parse(String(manifestRow?.json)) as IndexManifest,
        documents: documentRows.map(fromDocumentRow),
        passages,
        model: modelRow?.bytes ? new Uint8Array(modelRow.bytes as Uint8Array) : null,
        registers: await this.registers(generation),
        ...searchers(passagesTable),
      };
    });
  }

  /**
   * The committed generation's manifest and document records only (no texts, passages or model), or null when
   * there is no index: enough to tell whether an ingest changes anything, at a fraction of a {@link snapshot}.
   */
  async listing(): Promise<IndexListing | null> {
    const generation = await this.head();
    if (generation === null) return null;
    return guard('gelezen', async () => {
      const meta = await (await this.db.openTable(tableName('meta', generation))).query().select(['key', 'json']).toArray();
      const manifestRow = meta.find((row) => row.key === 'manifest');
      const rows = await (await this.db.openTable(tableName('documents', generation))).query().select(['record']).toArray();
      return { manifest: JSON.parse(String(manifestRow?.json)) as IndexManifest, records: rows.map((row) => JSON.parse(String(row.record)) as DocumentRecord) };
    });
  }

  /** Writes a new generation and makes it current; returns its number. Older generations but one are dropped. */
  async commit(next: NewGeneration): Promise<number> {
    return guard('bijgewerkt', async () => {
      const names = await this.db.tableNames();
      const current = await this.head();
      const generation = Math.max(current ?? 0, ...names.map(generationOf).filter((n) => n > 0)) + 1;
      const dimensions = next.manifest.embedder.dimensions;
      assertVectors(next.passages, dimensions);
      const manifest: IndexManifest = { ...next.manifest, generation, createdAt: new Date().toISOString() };
      const name = tableName('passages', generation);
      // Arrow cannot build a table of no rows from columns; an empty one is made from the schema alone.
      const passages = next.passages.length > 0
        ? await this.db.createTable(name, passageTable(next.passages, dimensions))
        : await this.db.createTable(name, [], { schema: passageSchema(dimensions) });
      await buildIndexes(passages, next.passages.length, dimensions);
      await this.db.createTable(tableName('documents', generation), next.documents.map(toDocumentRow), { schema: documentSchema });
      const meta = [{ key: 'manifest', json: JSON.stringify(manifest), bytes: null }, { key: 'model', json: null, bytes: next.model }];
      await this.db.createTable(tableName('meta', generation), meta, { schema: metaSchema });
      await this.db.createTable(tableName('registers', generation), (next.registers ?? []).map(toRegisterRecord), { schema: registerSchema });
      await this.db.createTable(HEAD, [{ generation }], { mode: names.includes(HEAD) ? 'overwrite' : 'create' });
      await this.dropGenerationsExcept([generation, current ?? -1]);
      return generation;
    });
  }

  /** Stores original file bytes under their content hash (once). */
  async putBlob(hash: string, bytes: Uint8Array): Promise<void> {
    await guard('bijgewerkt', async () => {
      const names = await this.db.tableNames();
      if (!names.includes(BLOBS)) {
        await this.db.createTable(BLOBS, [{ hash, bytes }], { schema: blobSchema });
        return;
      }
      const table = await this.db.openTable(BLOBS);
      if ((await table.countRows(`hash = '${escapeSql(hash)}'`)) === 0) await table.add([{ hash, bytes }]);
    });
  }

  /** The original bytes stored under a content hash, or null. */
  async getBlob(hash: string): Promise<Uint8Array | null> {
    return guard('gelezen', async () => {
      if (!(await this.db.tableNames()).includes(BLOBS)) return null;
      const rows = await (await this.db.openTable(BLOBS)).query().where(`hash = '${escapeSql(hash)}'`).limit(1).toArray();
      return rows[0] ? new Uint8Array(rows[0].bytes as Uint8Array) : null;
    });
  }

  /** Deletes blobs no document of the current generation refers to. */
  async pruneBlobs(keep: Set<string>): Promise<void> {
    await guard('bijgewerkt', async () => {
      if (!(await this.db.tableNames()).includes(BLOBS)) return;
      const table = await this.db.openTable(BLOBS);
      const stored = (await table.query().select(['hash']).toArray()).map((row) => String(row.hash));
      const orphans = stored.filter((hash) => !keep.has(hash));
      if (orphans.length > 0) await table.delete(`hash IN (${orphans.map((h) => `'${escapeSql(h)}'`).join(', ')})`);
    });
  }

  /** A generation's register rows, or null when it has no registers table (written by an older Grip). */
  private async registers(generation: number): Promise<RegisterRow[] | null> {
    const name = tableName('registers', generation);
    if (!(await this.db.tableNames()).includes(name)) return null;
    return (await (await this.db.openTable(name)).query().toArray()).map(fromRegisterRecord);
  }

  private async dropGenerationsExcept(keep: number[]): Promise<void> {
    for (const name of await this.db.tableNames()) {
      const generation = generationOf(name);
      if (generation > 0 && !keep.includes(generation)) await this.db.dropTable(name);
    }
  }
}

const PASSAGE_COLUMNS = [
  'id', 'documentId', 'source', 'title', 'docType', 'date', 'year', 'organisation', 'page', 'pageLabel', 'section', 'ordinal',
  'kind', 'start', 'end', 'cleanStart', 'cleanEnd', 'text',
];

/** LanceDB pads a short vector with nulls instead of refusing it, so a wrong length is caught before any write. */
function assertVectors(passages: PassageRow[], dimensions: number): void {
  for (const row of passages) {
    if (row.vector.length !== dimensions || !Array.prototype.every.call(row.vector, Number.isFinite)) {
      throw new AppError('store_failed', `De index is niet bijgewerkt: passage ${row.id} heeft geen geldige vector van ${dimensions} getallen.`);
    }
  }
}

function generationOf(name: string): number {
  const match = /^(?:documents|passages|meta|registers)_g(\d+)$/.exec(name);
  return match ? Number(match[1]) : 0;
}

type Search = lancedb.Query | lancedb.VectorQuery;

function fullTextSearch(table: lancedb.Table, query: string, limit: number, filter: PassageFilter | undefined, columns: string[]): Search {
  const search = table.query().fullTextSearch(new lancedb.MatchQuery(query, 'search')).select([...columns, '_score']).limit(limit);
  const where = filterClause(filter);
  return where ? search.where(where) : search;
}

function vectorSearch(table: lancedb.Table, vector: number[], limit: number, filter: PassageFilter | undefined, columns: string[]): Search {
  const search = table.vectorSearch(vector).distanceType('cosine').select([...columns, '_distance']).limit(limit);
  const where = filterClause(filter);
  return where ? search.where(where) : search;
}

/** Ids and scores from the columns of the result, without building a row object per hit. */
async function rankedIds(search: Search, scoreColumn: '_score' | '_distance'): Promise<RankedId[]> {
  const result = await search.toArrow();
  const ids = result.getChild('id')?.toArray() ?? [];
  const scores = result.getChild(scoreColumn)?.toArray() ?? [];
  return Array.from(ids as ArrayLike<string>, (id, i) => {
    const value = Number(scores[i]);
    return { id: String(id), score: scoreColumn === '_distance' ? 1 - value : value };
  });
}

function searchers(table: lancedb.Table): Pick<IndexSnapshot, 'fullText' | 'nearest' | 'fullTextIds' | 'nearestIds' | 'vectors'> {
  return {
    async fullText(query, limit, filter) {
      if (query.trim() === '') return [];
      return guard('doorzocht', async () => {
        const rows = await fullTextSearch(table, query, limit, filter, PASSAGE_COLUMNS).toArray();
        return rows.map((row) => ({ passage: fromPassageRow(row), score: Number(row._score) }));
      });
    },
    async nearest(vector, limit, filter) {
      return guard('doorzocht', async () => {
        const rows = await vectorSearch(table, vector, limit, filter, PASSAGE_COLUMNS).toArray();
        return rows.map((row) => ({ passage: fromPassageRow(row), score: 1 - Number(row._distance) }));
      });
    },
    async fullTextIds(query, limit, filter) {
      if (query.trim() === '') return [];
      return guard('doorzocht', () => rankedIds(fullTextSearch(table, query, limit, filter, ['id']), '_score'));
    },
    async nearestIds(vector, limit, filter) {
      return guard('doorzocht', () => rankedIds(vectorSearch(table, vector, limit, filter, ['id']), '_distance'));
    },
    async vectors(ids) {
      const result = new Map<string, Float32Array>();
      if (ids.length === 0) return result;
      return guard('gelezen', async () => {
        const rows = await table.query().select(['id', 'vector']).toArray();
        const wanted = new Set(ids);
        for (const row of rows) if (wanted.has(String(row.id))) result.set(String(row.id), Float32Array.from(row.vector as ArrayLike<number>));
        return result;
      });
    },
  };
}
