import { describe, expect, it } from 'vitest';
import * as analyze from '../../../ingest/text/analyze.js';
import { analyzeTerms, MAX_REMEMBERED_TEXTS, numberTokens, rememberPerText, tokenize } from '../../../server/answer/cached-analysis.js';

const TEXT = 'In 2022 ontving WIJ 1.633 klachten over de WIJ-teams; € 4.470.460 ging naar jeugdhulp (0,19%).';

describe('cached analysis', () => {
  it('gives exactly what the ingest analysis gives, the first time and every time after', () => {
    for (let i = 0; i < 2; i++) {
      expect(analyzeTerms(TEXT)).toEqual(analyze.analyzeTerms(TEXT));
      expect(numberTokens(TEXT)).toEqual(analyze.numberTokens(TEXT));
      expect(tokenize(TEXT)).toEqual(analyze.tokenize(TEXT));
    }
  });

  it('hands out frozen results, so no caller can change what the next one reads', () => {
    expect(() => (analyzeTerms(TEXT) as string[]).push('x')).toThrow(TypeError);
    expect(() => {
      (tokenize(TEXT)[0] as { normal: string }).normal = 'x';
    }).toThrow(TypeError);
    expect(analyzeTerms(TEXT)).toEqual(analyze.analyzeTerms(TEXT));
  });

  it('analyses a text once while remembered, and again after forgetting everything when full', () => {
    const seen: string[] = [];
    const remembered = rememberPerText((text) => {
      seen.push(text);
      return text.length;
    });
    remembered('a');
    remembered('a');
    expect(seen).toEqual(['a']);
    for (let i = 0; i < MAX_REMEMBERED_TEXTS; i++) remembered(`t${i}`);
    remembered('a');
    expect(seen.filter((text) => text === 'a')).toHaveLength(2);
  });
});
