import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../ingest/index.js';
import { boundedMap, createPassageCache } from '../../../server/retrieve/passage-cache.js';

function passage(documentId: string, ordinal: number): Passage {
  return {
    id: `${documentId}#${ordinal}`, documentId, source: `${documentId}.txt`, title: documentId, docType: 'brief', date: null, year: null,
    organisation: null, page: null, pageLabel: null, section: [], ordinal, kind: 'text', start: 0, end: 4, cleanStart: 0, cleanEnd: 4, text: 'tekst',
  };
}

/** A store of three documents of four passages that records every read and can be made to fail or wait. */
function store() {
  const all = ['a', 'b', 'c'].flatMap((doc) => [0, 1, 2, 3].map((i) => passage(doc, i)));
  const reads: string[][] = [];
  let failNext = false;
  let gate: Promise<void> = Promise.resolve();
  return {
    reads,
    failNext: () => (failNext = true),
    hold(): () => void {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => open();
    },
    async passagesById(ids: readonly string[]) {
      reads.push([...ids]);
      await gate;
      if (failNext) {
        failNext = false;
        throw new Error('store down');
      }
      return all.filter((p) => ids.includes(p.id));
    },
    async passagesOfDocuments(documentIds: readonly string[]) {
      reads.push(documentIds.map((id) => `doc:${id}`));
      return all.filter((p) => documentIds.includes(p.documentId));
    },
  };
}

describe('boundedMap', () => {
  it('forgets the least recently used entries beyond its limit, counting weights', () => {
    const map = boundedMap<number>(3, (value) => value);
    map.set('a', 1);
    map.set('b', 1);
    map.get('a');
    map.set('c', 2);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 2]);
    map.set('d', 5);
    expect(map.get('d')).toBe(5);
    expect(map.size).toBe(1);
  });
});

describe('createPassageCache', () => {
  it('reads only what it does not keep, and keeps no more than its limit', async () => {
    const reads = store();
    const cache = createPassageCache(reads, { passages: 3, documentPassages: 4 });
    expect((await cache.load(['a#0', 'a#1', 'x#9'])).map((p) => p.id)).toEqual(['a#0', 'a#1']);
    await cache.load(['a#1', 'a#2']);
    expect(reads.reads).toEqual([['a#0', 'a#1', 'x#9'], ['a#2']]);
    await cache.load(['b#0']);
    expect(cache.get('a#0')).toBeUndefined();
    expect(cache.get('b#0')?.id).toBe('b#0');
  });

  it('reads an id once when two loads ask for it at the same time', async () => {
    const reads = store();
    const cache = createPassageCache(reads);
    const open = reads.hold();
    const first = cache.load(['a#0', 'a#1']);
    const second = cache.load(['a#1', 'b#2']);
    open();
    expect((await first).map((p) => p.id)).toEqual(['a#0', 'a#1']);
    expect((await second).map((p) => p.id)).toEqual(['a#1', 'b#2']);
    expect(reads.reads).toEqual([['a#0', 'a#1'], ['b#2']]);
  });

  it('passes a failed read to every load waiting for it, and reads again the next time', async () => {
    const reads = store();
    const cache = createPassageCache(reads);
    const open = reads.hold();
    reads.failNext();
    const first = cache.load(['a#0']);
    const second = cache.load(['a#0']);
    open();
    await expect(first).rejects.toThrow('store down');
    await expect(second).rejects.toThrow('store down');
    expect((await cache.load(['a#0'])).map((p) => p.id)).toEqual(['a#0']);
    expect(reads.reads).toEqual([['a#0'], ['a#0']]);
  });

  it('keeps documents whole, in order, and reads a document once', async () => {
    const reads = store();
    const cache = createPassageCache(reads, { passages: 10, documentPassages: 8 });
    const found = await cache.loadDocuments(['b', 'a', 'b']);
    expect(found.get('a')?.map((p) => p.ordinal)).toEqual([0, 1, 2, 3]);
    await cache.loadDocuments(['a']);
    expect(reads.reads).toEqual([['doc:b', 'doc:a']]);
    expect(cache.document('a')?.length).toBe(4);
    await cache.loadDocuments(['c']);
    expect(cache.document('b')).toBeUndefined();
  });
});
