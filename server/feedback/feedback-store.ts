/**
 * Readers' feedback in its own LanceDB table, at FEEDBACK_DIR rather than inside the index: an ingest writes new
 * generation tables and drops old ones, and an index may be deleted and rebuilt, but feedback must outlive all
 * of that. LanceDB rather than SQLite because it is already the one store Grip runs on, needs no second native
 * module, and takes an object-store URI (s3://…) like the index does, so several stateless servers can share it.
 */
import { createRequire } from 'node:module';
import * as lancedb from '@lancedb/lancedb';
import type * as Arrow from 'apache-arrow';
import { AppError, errorMessage, escapeSql } from '../../ingest/index.js';
import type { FeedbackRating, FeedbackRecord } from './feedback-schema.js';

// The same single copy of apache-arrow that LanceDB loads (see ingest/store/rows.ts).
const { Field, Schema, Utf8 } = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

const TABLE = 'feedback';
const text = (name: string) => new Field(name, new Utf8(), false);
/** The record as JSON next to the columns worth filtering on. */
const feedbackSchema = new Schema([text('id'), text('createdAt'), text('rating'), text('record')]);

/** Which feedback to list. */
export interface FeedbackQuery {
  rating?: FeedbackRating;
  /** Most records returned, newest first (default: all). */
  limit?: number;
}

/** Where feedback is kept. */
export interface FeedbackStore {
  add(record: FeedbackRecord): Promise<void>;
  /** Records newest first, and how many match in all. */
  list(query?: FeedbackQuery): Promise<{ records: FeedbackRecord[]; total: number }>;
  /** Deletes one record; false when there was none with that id. */
  remove(id: string): Promise<boolean>;
}

async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('store_failed', `De feedback kon niet worden ${what}: ${errorMessage(error)}`, { cause: error });
  }
}

/** Opens (and if needed creates) the feedback table at `uri`, a folder or an object-store URI. */
export async function openFeedbackStore(uri: string): Promise<FeedbackStore> {
  const table = await guard('geopend', async () => {
    const db = await lancedb.connect(uri);
    // existOk: two servers starting on the same store must both end up with the one table.
    return db.createEmptyTable(TABLE, feedbackSchema, { mode: 'create', existOk: true });
  });
  return {
    add: (record) =>
      guard('bewaard', async () => {
        await table.add([{ id: record.id, createdAt: record.createdAt, rating: record.rating, record: JSON.stringify(record) }]);
      }),
    list: ({ rating, limit } = {}) =>
      guard('gelezen', async () => {
        const query = table.query().select(['record']);
        const rows = await (rating ? query.where(`rating = '${escapeSql(rating)}'`) : query).toArray();
        const records = rows.map((row) => JSON.parse(String(row.record)) as FeedbackRecord);
        records.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
        return { records: limit === undefined ? records : records.slice(0, limit), total: records.length };
      }),
    remove: (id) =>
      guard('verwijderd', async () => {
        const where = `id = '${escapeSql(id)}'`;
        if ((await table.countRows(where)) === 0) return false;
        await table.delete(where);
        return true;
      }),
  };
}
