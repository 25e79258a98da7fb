import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from '../../../server/upload/file-name.js';

describe('sanitizeFileName', () => {
  it('keeps only the last path segment, whatever the separator', () => {
    expect(sanitizeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(sanitizeFileName('C:\\Users\\raad\\verslag.pdf')).toBe('verslag.pdf');
    expect(sanitizeFileName('..')).toBe('document');
  });

  it('drops control, bidi and zero-width characters and reserved punctuation', () => {
    expect(sanitizeFileName('rap\u0000port\u202Efdp.txt')).toBe('rapportfdp.txt');
    expect(sanitizeFileName('a\u200Bb\r\nc.md')).toBe('ab c.md');
    expect(sanitizeFileName('wat?<is>"dit"|*.pdf')).toBe('wat__is__dit___.pdf');
  });

  it('removes leading and trailing dots and spaces, so a name cannot hide or trail', () => {
    expect(sanitizeFileName('  ...verborgen.txt. ')).toBe('verborgen.txt');
  });

  it('cuts absurdly long names on a character boundary and keeps the extension', () => {
    const name = sanitizeFileName(`${'😀'.repeat(500)}.pdf`);
    expect(name.endsWith('😀.pdf')).toBe(true);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
  });

  it('normalises to NFC, so the same name typed twice is the same label', () => {
    expect(sanitizeFileName('Ve\u0301ndel.txt')).toBe('V\u00e9ndel.txt');
  });
});
