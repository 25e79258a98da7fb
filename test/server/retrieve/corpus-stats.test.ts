import { describe, expect, it } from 'vitest';
import { buildCorpusStats } from '../../../server/retrieve/corpus-stats.js';
import { passage } from '../../support/answer-parts.js';

const passages = [
  passage('In 2022 ontving de ombudsman 82 klachten over de wijkteams.', { year: 2022 }),
  passage('De wijkteams voerden 1.250 huisbezoeken uit; de wachttijd daalde naar drie weken.'),
  passage('Het budget voor jeugdhulp bedroeg € 4,2 miljoen in 2021.', { year: 2021 }),
];

describe('buildCorpusStats', () => {
  it('counts document frequencies, words and years over every passage in one pass', () => {
    const stats = buildCorpusStats(passages);
    expect(stats.documentFrequency.get('wijkteam')).toBe(2);
    expect(stats.words.get('wijkteams')).toBe(2);
    expect([...stats.years].sort()).toEqual([2021, 2022, 2023]);
    expect(stats.idf('wijkteam')).toBeLessThan(stats.idf('ombudsman'));
  });

  it('analyses a passage when asked, and again alike once the bounded cache has let it go', () => {
    const stats = buildCorpusStats(passages, 1);
    const first = stats.byId.get(passages[0]!.id);
    expect(first?.termSet.has('klacht')).toBe(true);
    expect(first?.numbers.has('82')).toBe(true);
    expect(stats.byId.get(passages[0]!.id)).toBe(first);
    stats.byId.get(passages[1]!.id);
    const again = stats.byId.get(passages[0]!.id);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // A re-analysis does not count its words a second time.
    expect(stats.words.get('wijkteams')).toBe(2);
    expect(stats.byId.get('onbekend')).toBeUndefined();
  });
});

describe('buildCorpusStats: separable verbs', () => {
  it('holds a verb split by its particle under the whole verb, at the verb', () => {
    const split = passage('Het waterschap draagt ieder jaar aan het fonds bij.');
    const stats = buildCorpusStats([split], 10, new Set(['bij']));
    const item = stats.byId.get(split.id);
    // "bijdragen" and "bijdrage" both analyse to this term.
    expect(item?.termSet.has('bijdrag')).toBe(true);
    expect(item?.positions.get('bijdrag')).toEqual(item?.positions.get('draagt'));
    expect(buildCorpusStats([split]).byId.get(split.id)?.termSet.has('bijdrag')).toBe(false);
  });
});
