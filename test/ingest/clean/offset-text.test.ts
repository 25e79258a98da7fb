import { describe, expect, it } from 'vitest';
import { applyEdits, cleanOffset, fromOriginal, originalOffset, originalSpan, replaceMatches } from '../../../ingest/clean/offset-text.js';

function mapOf(text: { toOriginal: Int32Array }): number[] {
  return [...text.toOriginal];
}

describe('fromOriginal', () => {
  it('maps every offset, and the end, onto itself', () => {
    expect(mapOf(fromOriginal('abc'))).toEqual([0, 1, 2, 3]);
  });
});

describe('applyEdits', () => {
  it('keeps the offsets of unchanged characters around a deletion', () => {
    const clean = applyEdits(fromOriginal('a**b**c'), [
      { start: 1, end: 3, text: '' },
      { start: 4, end: 6, text: '' },
    ]);
    expect(clean.text).toBe('abc');
    expect(mapOf(clean)).toEqual([0, 3, 6, 7]);
  });

  it('maps a same-length replacement character by character ("bi]" → "bij")', () => {
    const clean = applyEdits(fromOriginal('x bi] y'), [{ start: 2, end: 5, text: 'bij' }]);
    expect(clean.text).toBe('x bij y');
    expect(mapOf(clean)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('moves only the inserted space when "vastte" becomes "vast te"', () => {
    const clean = applyEdits(fromOriginal('vastte'), [{ start: 0, end: 6, text: 'vast te' }]);
    expect(clean.text).toBe('vast te');
    expect(mapOf(clean)).toEqual([0, 1, 2, 3, 4, 4, 5, 6]);
  });

  it('maps an insertion onto the character it precedes', () => {
    const clean = applyEdits(fromOriginal('in2018'), [{ start: 2, end: 2, text: ' ' }]);
    expect(clean.text).toBe('in 2018');
    expect(originalSpan(clean, 3, 7)).toEqual({ start: 2, end: 6 });
  });

  it('composes: a second step still maps into the first original', () => {
    const first = applyEdits(fromOriginal('<b>Titel</b> tekst'), [
      { start: 0, end: 3, text: '' },
      { start: 8, end: 12, text: '' },
    ]);
    const second = applyEdits(first, [{ start: 0, end: 1, text: 't' }]);
    expect(second.text).toBe('titel tekst');
    expect(originalSpan(second, 0, 5)).toEqual({ start: 3, end: 12 });
    expect(originalOffset(second, 6)).toBe(13);
  });

  it('accepts edits in any order and never lets the map decrease', () => {
    const source = fromOriginal('een twee drie vier vijf');
    const clean = applyEdits(source, [
      { start: 19, end: 23, text: 'VIJF!' },
      { start: 0, end: 4, text: '' },
      { start: 9, end: 9, text: '+' },
    ]);
    expect(clean.text).toBe('twee +drie vier VIJF!');
    const map = mapOf(clean);
    expect(map.every((offset, i) => i === 0 || offset >= (map[i - 1] as number))).toBe(true);
    expect(map.at(-1)).toBe(23);
  });

  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits(fromOriginal('abcdef'), [
        { start: 0, end: 3, text: '' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toThrow(RangeError);
  });
});

describe('replaceMatches', () => {
  it('replaces matches a function accepts and leaves the rest', () => {
    const clean = replaceMatches(fromOriginal('zaI en weIke'), /\p{L}+/gu, (match) => (match[0].includes('I') ? match[0].replace('I', 'l') : null));
    expect(clean.text).toBe('zal en welke');
  });

  it('needs a global pattern', () => {
    expect(() => replaceMatches(fromOriginal('a'), /a/, '')).toThrow(TypeError);
  });
});

describe('cleanOffset', () => {
  it('lands removed original text on the next character that survived', () => {
    const clean = applyEdits(fromOriginal('voor PAGINA 3 na'), [{ start: 5, end: 14, text: '' }]);
    expect(clean.text).toBe('voor na');
    expect(cleanOffset(clean, 7)).toBe(5);
    expect(cleanOffset(clean, 0)).toBe(0);
    expect(cleanOffset(clean, 16)).toBe(7);
  });
});
