import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { detectMediaType } from '../../../ingest/load/detect.js';
import { corpusBytes, pdfBytes } from '../../support/fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function rejection(bytes: Uint8Array, fileName: string) {
  try {
    detectMediaType(bytes, fileName);
  } catch (error) {
    return error;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('detectMediaType', () => {
  it('recognises a real PDF by its header', () => {
    expect(detectMediaType(pdfBytes('hostile/twocolumn_paper.pdf'), 'paper.pdf')).toBe('application/pdf');
  });

  it('finds the PDF header after leading junk within the first 1024 bytes, not beyond', () => {
    const header = utf8('%PDF-1.4\n');
    const junk = (length: number) => new Uint8Array(length).fill(0x20);
    expect(detectMediaType(new Uint8Array([...junk(1000), ...header]), 'late.pdf')).toBe('application/pdf');
    expect(isAppError(rejection(new Uint8Array([...junk(1100), ...header]), 'too-late.pdf'), 'unsupported_file')).toBe(true);
  });

  it('types .txt as plain text and .md/.markdown as Markdown, whatever the case of the extension', () => {
    const text = corpusBytes('000_c2dbb4c22b6881a5.txt');
    expect(detectMediaType(text, '000.txt')).toBe('text/plain');
    expect(detectMediaType(text, 'NOTES.TXT')).toBe('text/plain');
    expect(detectMediaType(utf8('# Titel\n'), 'readme.md')).toBe('text/markdown');
    expect(detectMediaType(utf8('# Titel\n'), 'readme.markdown')).toBe('text/markdown');
  });

  it('rejects a .pdf whose bytes are not a PDF, in Dutch', () => {
    const error = rejection(utf8('<html><body>geen pdf</body></html>'), 'verslag.pdf');
    expect(isAppError(error, 'unsupported_file')).toBe(true);
    expect((error as Error).message).toMatch(/verslag\.pdf.*geen PDF/);
  });

  it('rejects a .txt that holds binary bytes: a PDF, NUL bytes or invalid UTF-8', () => {
    expect(isAppError(rejection(pdfBytes('hostile/xref_keyword_missing.pdf'), 'renamed.txt'), 'unsupported_file')).toBe(true);
    expect(isAppError(rejection(new Uint8Array([0x61, 0x00, 0x62]), 'nul.txt'), 'unsupported_file')).toBe(true);
    expect(isAppError(rejection(new Uint8Array([0x61, 0xc3, 0x28]), 'latin.md'), 'unsupported_file')).toBe(true);
  });

  it('rejects unknown or missing extensions even for clean text', () => {
    for (const name of ['notulen.docx', 'data.csv', 'README']) {
      const error = rejection(utf8('gewone tekst'), name);
      expect(isAppError(error, 'unsupported_file')).toBe(true);
      expect((error as Error).message).toMatch(/wordt niet ondersteund/);
    }
  });
});
