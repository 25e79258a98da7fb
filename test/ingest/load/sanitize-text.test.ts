import { describe, expect, it } from 'vitest';
import { sanitizeLabel, sanitizeText } from '../../../ingest/load/sanitize-text.js';

describe('sanitizeText', () => {
  it('removes NUL and control characters but keeps tabs and newlines', () => {
    expect(sanitizeText('a\u0000b\u0007c\td\ne\u001Bf\u0085g')).toBe('abc\td\nefg');
  });

  it('removes form feeds, which are reserved for separating PDF pages', () => {
    expect(sanitizeText('einde\fbegin')).toBe('eindebegin');
  });

  it('removes noncharacters, U+FFFD and lone surrogates, and keeps real astral characters', () => {
    expect(sanitizeText('\uFFFFInbreng\uFFFE \uFFFDvan\uFDD0 de leden\uD800')).toBe('Inbreng van de leden');
    expect(sanitizeText('€ 😀 \u{10FFFF}')).toBe('€ 😀 ');
  });

  it('normalises to NFC', () => {
    expect(sanitizeText('financie\u0308le')).toBe('financiële');
    expect(sanitizeText('financie\u0308le')).toHaveLength('financiële'.length);
  });

  it('turns carriage returns into spaces', () => {
    expect(sanitizeText('regel\reen')).toBe('regel een');
  });
});

describe('sanitizeLabel', () => {
  it('makes a one-line trimmed value of a metadata string with NULs', () => {
    expect(sanitizeLabel('  Titel\u0000 met\n regels  ')).toBe('Titel met regels');
  });
});
