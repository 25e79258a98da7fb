import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../../ingest/types.js';
import { candidateSentences } from '../../../server/answer/candidate-sentences.js';
import { rankedSentences, sentencesOfPassage } from '../../../server/answer/passage-sentences.js';
import type { Engine } from '../../../server/engine.js';
import { allPassages, corpusEngine } from '../../support/corpus-engine.js';

function passage(text: string, section: string[] = ['Klachten']): Passage {
  return {
    id: 'doc_1:abc', documentId: 'doc_1', source: 'doc.txt', title: 'Jaarverslag', docType: 'jaarverslag', date: null, year: 2022,
    organisation: null, page: 1, pageLabel: null, section, ordinal: 0, kind: 'text', start: 0, end: text.length,
    cleanStart: 0, cleanEnd: text.length, text,
  };
}

describe('rankedSentences', () => {
  let engine: Engine;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, dispose } = await corpusEngine());
  });
  afterAll(() => dispose());

  it('gives exactly what candidateSentences gives, asked once or many times, for every ranking window of the corpus', async () => {
    const passages = await allPassages(engine);
    for (let round = 0; round < 2; round++) {
      for (let at = 0; at < passages.length; at += 7) {
        const ranking = passages.slice(at, at + 10).reverse();
        expect(rankedSentences(ranking)).toEqual(candidateSentences(ranking));
      }
    }
  });

  it('splits a passage of a new index generation afresh, even under an id it had before', () => {
    const before = passage('Er kwamen 120 klachten binnen. Alle klachten zijn behandeld.');
    const after = passage('Er kwamen 95 klachten binnen. De meeste gingen over wachttijden.');
    expect(sentencesOfPassage(before).map((s) => s.text)).toEqual(['Er kwamen 120 klachten binnen.', 'Alle klachten zijn behandeld.']);
    expect(sentencesOfPassage(after).map((s) => s.text)).toEqual(['Er kwamen 95 klachten binnen.', 'De meeste gingen over wachttijden.']);
    expect(rankedSentences([after, before]).map((s) => [s.rank, s.text])).toEqual([
      [0, 'Er kwamen 95 klachten binnen.'], [0, 'De meeste gingen over wachttijden.'],
      [1, 'Er kwamen 120 klachten binnen.'], [1, 'Alle klachten zijn behandeld.'],
    ]);
  });

  it('keeps the remembered split unchangeable: callers get their own copies', () => {
    const item = passage('Er kwamen 120 klachten binnen.');
    const [copy] = rankedSentences([item]);
    (copy as { text: string }).text = 'iets anders';
    expect(sentencesOfPassage(item)[0]?.text).toBe('Er kwamen 120 klachten binnen.');
    expect(() => ((sentencesOfPassage(item)[0] as { rank: number }).rank = 3)).toThrow(TypeError);
  });
});
