import * as lancedb from '@lancedb/lancedb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowIds } from '../../../ingest/store/row-ids.js';

/** Row ids as a search returns them, with the ids the table holds for them at its version. */
async function rowsOf(table: lancedb.Table): Promise<{ rows: bigint[]; ids: string[] }> {
  const read = await table.query().withRowId().select(['id']).toArrow();
  const rows = Array.from(read.getChild('_rowid')?.toArray() as ArrayLike<bigint>, (row) => BigInt(row));
  const ids = Array.from(read.getChild('id')?.toArray() as ArrayLike<string>, String);
  return { rows, ids };
}

describe('passage ids by row id', () => {
  let dir: string;
  let db: lancedb.Connection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grip-row-ids-'));
    db = await lancedb.connect(dir);
    // Two fragments, so that a compaction after a delete moves rows.
    const table = await db.createTable('rows', Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, n: i })));
    await table.add(Array.from({ length: 6 }, (_, i) => ({ id: `q${i}`, n: 6 + i })));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the id of each row, in the order asked, the same when asked again', async () => {
    const table = await db.openTable('rows');
    const { rows, ids } = await rowsOf(table);
    const lookup = rowIds(table);
    const asked = [rows[7], rows[2], rows[7], rows[11]] as bigint[];
    const expected = [ids[7], ids[2], ids[7], ids[11]];
    expect(await lookup.idsOf(asked)).toEqual(expected);
    expect(await lookup.idsOf(asked)).toEqual(expected);
    expect(await lookup.idsOf([])).toEqual([]);
  });

  it('reads the ids again of rows it had to forget', async () => {
    const table = await db.openTable('rows');
    const { rows, ids } = await rowsOf(table);
    const lookup = rowIds(table, 2);
    for (const order of [[0, 1, 2, 3], [3, 0, 5], [1, 4, 0, 2]]) {
      expect(await lookup.idsOf(order.map((i) => rows[i] as bigint))).toEqual(order.map((i) => ids[i]));
    }
  });

  it('keeps each table version its own rows when a later version moves them', async () => {
    const before = await db.openTable('rows');
    const version = await before.version();
    const old = await rowsOf(before);
    const oldLookup = rowIds(before);
    expect(await oldLookup.idsOf(old.rows)).toEqual(old.ids);

    const writer = await db.openTable('rows');
    await writer.delete(`id IN ('p0', 'p1', 'q0')`);
    await writer.optimize();
    const after = await db.openTable('rows');
    const now = await rowsOf(after);
    // The compaction moved rows: a row id read at the old version no longer names the same row at the new one.
    const moved = now.ids.filter((id, i) => old.rows[old.ids.indexOf(id)] !== now.rows[i]);
    expect(moved.length).toBeGreaterThan(0);
    expect(await rowIds(after).idsOf(now.rows)).toEqual(now.ids);

    const pinned = await db.openTable('rows');
    await pinned.checkout(version);
    expect(await oldLookup.idsOf(old.rows)).toEqual(old.ids);
    expect(await rowIds(pinned).idsOf(old.rows)).toEqual(old.ids);
  });
});
