/**
 * The LanceDB adapter. A one-row `head` table names the committed revision: which table at which LanceDB version
 * holds the documents, the passages, the manifest and model, and any further per-document table. Readers open
 * exactly those versions. A change appends and deletes rows ({@link LanceStore.apply}); a rebuild writes a whole
 * new generation of tables ({@link LanceStore.commit}); either becomes visible only when `head` is overwritten,
 * one atomic LanceDB write, so a crash at any moment leaves the previous index whole. What a killed writer left
 * is rolled back or dropped by the next one.
 */
import * as lancedb from '@lancedb/lancedb';
import { applyChange, type IndexChange } from './apply-change.js';
import { escapeSql } from './filter-clause.js';
import { generationOf, HEAD, openRef, readHead, writeHead, type Head, type TableRef } from './head.js';
import type { IndexManifest } from './manifest.js';
import { guard, searchers, type PassageSearch } from './passage-search.js';
import { modelOf, readListing, readMeta, readReader, readSnapshot, type IndexListing, type IndexReader, type IndexSnapshot } from './read-generation.js';
import { blobSchema } from './rows.js';
import { assertVectors, GenerationWriter, type GenerationRest, type NewGeneration, type PassageSink } from './write-generation.js';

export type { IndexChange } from './apply-change.js';
export type { PassageSearch, RankedId, ScoredPassage } from './passage-search.js';
export type { IndexListing, IndexReader, IndexSnapshot } from './read-generation.js';
export type { DocumentRows, GenerationRest, NewGeneration, PassageSink } from './write-generation.js';

const BLOBS = 'blobs';
/** Fragments of the blobs table before it is compacted. */
const MAX_BLOB_FRAGMENTS = 32;
/** Old versions of the blobs table kept for a reader that is still reading one (blobs are not versioned by head). */
const BLOB_VERSIONS_KEPT_MS = 5_000;

/** A LanceDB-backed index at `uri` (a local folder or an object-store URI such as s3://…). */
export class LanceStore {
  private constructor(private readonly db: lancedb.Connection, readonly uri: string) {}

  /** Connects to (and if local, creates) the index location. */
  static async open(uri: string): Promise<LanceStore> {
    return guard('geopend', async () => new LanceStore(await lancedb.connect(uri), uri));
  }

  /** The committed revision number, or null when no index has been built here. It grows with every commit. */
  async head(): Promise<number | null> {
    return guard('gelezen', async () => (await readHead(this.db))?.generation ?? null);
  }

  /** Loads the committed generation, or null when there is none. */
  async snapshot(): Promise<IndexSnapshot | null> {
    return guard('gelezen', async () => {
      const head = await readHead(this.db);
      return head ? readSnapshot(this.db, head) : null;
    });
  }

  /** Opens the committed generation for serving, or null when there is none. */
  async reader(): Promise<IndexReader | null> {
    return guard('gelezen', async () => {
      const head = await readHead(this.db);
      return head ? readReader(this.db, head) : null;
    });
  }

  /**
   * The committed generation's manifest and document records only (no texts, passages or model), or null when
   * there is no index: enough to tell whether an ingest changes anything, at a fraction of a {@link snapshot}.
   */
  async listing(): Promise<IndexListing | null> {
    return guard('gelezen', async () => {
      const head = await readHead(this.db);
      return head ? readListing(this.db, head) : null;
    });
  }

  /** The searches over the committed passages alone, without loading any of them, or null when there is no index. */
  async search(): Promise<PassageSearch | null> {
    return guard('gelezen', async () => {
      const head = await readHead(this.db);
      return head ? searchers(await openRef(this.db, head.tables.passages as TableRef)) : null;
    });
  }

  /** The committed local embedding model's bytes, or null (a remote embedder, or no index). */
  async model(): Promise<Uint8Array | null> {
    return guard('gelezen', async () => {
      const head = await readHead(this.db);
      return head ? modelOf(await readMeta(this.db, head, ['key', 'bytes'])) : null;
    });
  }

  /** Writes a whole new generation and makes it current; returns its number. Older generations but one are dropped. */
  async commit(next: NewGeneration): Promise<number> {
    assertVectors(next.passages, next.manifest.embedder.dimensions);
    return this.writeGeneration(async (sink) => {
      await sink.addPassages(next.passages);
      return next;
    });
  }

  /**
   * Writes a whole new generation with the passages `write` streams into it (in batches, so a large index is never
   * in memory at once), then the documents, tables, manifest and model it returns, and makes it current. Nothing
   * of it is visible before it is complete; a failure leaves tables the next commit drops.
   */
  async writeGeneration(write: (sink: PassageSink) => Promise<GenerationRest>): Promise<number> {
    return guard('bijgewerkt', async () => {
      const names = await this.db.tableNames();
      const current = await readHead(this.db);
      const writer = new GenerationWriter(this.db, Math.max(current?.generation ?? 0, ...names.map(generationOf)) + 1);
      const rest = await write(writer);
      const manifest: IndexManifest = { ...rest.manifest, generation: writer.generation, createdAt: new Date().toISOString() };
      const tables = await writer.finish(rest, manifest);
      return this.flip({ generation: writer.generation, tables }, current, names.includes(HEAD));
    });
  }

  /**
   * Applies a change to the committed generation's tables (rows of removed and replaced documents deleted, new
   * rows appended) and makes it current; returns the new revision number. Without a committed generation there
   * is nothing to change: use {@link commit}.
   */
  async apply(change: IndexChange): Promise<number> {
    return guard('bijgewerkt', async () => {
      const names = await this.db.tableNames();
      const current = await readHead(this.db);
      if (!current) throw new Error('there is no committed generation to change');
      const generation = Math.max(current.generation, ...names.map(generationOf)) + 1;
      const manifest: IndexManifest = { ...change.manifest, generation, createdAt: new Date().toISOString() };
      const tables = await applyChange(this.db, current, change, manifest);
      return this.flip({ generation, tables }, current, true);
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
      if ((await table.countRows(`hash = '${escapeSql(hash)}'`)) > 0) return;
      await table.add([{ hash, bytes }]);
      // Every add is a fragment, and every lookup reads them all: merged now and then, a lookup stays cheap.
      if ((await table.stats()).fragmentStats.numFragments > MAX_BLOB_FRAGMENTS) await table.optimize({ cleanupOlderThan: new Date(Date.now() - BLOB_VERSIONS_KEPT_MS) });
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

  /** Deletes the blobs under the given hashes (those no document refers to any more), without reading the others. */
  async deleteBlobs(hashes: readonly string[]): Promise<void> {
    if (hashes.length === 0) return;
    await guard('bijgewerkt', async () => {
      if (!(await this.db.tableNames()).includes(BLOBS)) return;
      await (await this.db.openTable(BLOBS)).delete(`hash IN (${hashes.map((hash) => `'${escapeSql(hash)}'`).join(', ')})`);
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

  /** Makes `next` the committed state, then drops every generation table neither it nor `previous` names. */
  private async flip(next: Head, previous: Head | null, headExists: boolean): Promise<number> {
    await writeHead(this.db, next, headExists);
    const keep = new Set([...Object.values(next.tables), ...Object.values(previous?.tables ?? {})].map((ref) => ref.name));
    for (const name of await this.db.tableNames()) {
      if (generationOf(name) > 0 && !keep.has(name)) await this.db.dropTable(name);
    }
    return next.generation;
  }
}
