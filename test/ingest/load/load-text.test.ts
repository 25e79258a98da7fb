import { describe, expect, it } from 'vitest';
import { loadText } from '../../../ingest/load/load-text.js';
import { corpusBytes } from '../../support/fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('loadText', () => {
  const jaarverslag = loadText(corpusBytes('001_9e23d01a41b8f33e.txt'), '001_9e23d01a41b8f33e.txt');

  it('takes the page count from the "Pagina N van M" footers of corpus/001', () => {
    expect(jaarverslag.pageCount).toBe(66);
    expect(jaarverslag.pages.map((page) => [page.number, page.label])).toEqual([
      [30, '30'],
      [55, '55'],
    ]);
  });

  it('ends each footer page at its footer and reaches back at most one estimated page', () => {
    const estimate = Math.ceil(jaarverslag.text.length / 66);
    for (const page of jaarverslag.pages) {
      const span = jaarverslag.text.slice(page.start, page.end);
      expect(span.trimEnd()).toMatch(new RegExp(`Pagina ${page.number} van 66$`));
      expect(page.end - page.start).toBeLessThanOrEqual(estimate);
      expect(page.end - page.start).toBeGreaterThan(estimate / 2);
      expect(page.start === 0 || jaarverslag.text[page.start - 1] === '\n').toBe(true);
    }
  });

  it('leaves text that no footer follows outside every page', () => {
    const firstPage = jaarverslag.pages[0];
    expect(firstPage?.start).toBeGreaterThan(0);
    const lastEnd = jaarverslag.pages.at(-1)?.end ?? 0;
    expect(lastEnd).toBeLessThan(jaarverslag.text.length);
  });

  it('starts a page right after the previous footer when that is nearer than one page length', () => {
    const body = (word: string, count: number) => `${word} `.repeat(count).trim();
    // Page 2 is much shorter than the average page, so the previous footer is the nearer bound.
    const text = [body('een', 90), 'Rapport   pagina 1/3', body('twee', 10), 'Rapport   pagina 2/3', body('drie', 90), 'Pagina 3 van 3'].join('\n');
    const document = loadText(utf8(text), 'rapport.txt');
    expect(document.pageCount).toBe(3);
    const second = document.pages[1];
    expect(second && document.text.slice(second.start, second.end)).toBe(`${body('twee', 10)}\nRapport   pagina 2/3`);
  });

  it('does not take a lone "- 3 -" or a reference to a page in running text for a footer', () => {
    const document = loadText(utf8('Inleiding\n- 3 -\nZie pagina 15 van het rapport.\n'), 'kort.txt');
    expect(document.pages).toEqual([]);
    expect(document.pageCount).toBe(0);
  });

  it('strips a BOM and turns CRLF and CR into LF: that text is the original', () => {
    const document = loadText(utf8('\uFEFFregel een\r\nregel twee\rregel drie'), 'crlf.txt');
    expect(document.text).toBe('regel een\nregel twee\nregel drie');
  });

  it('takes the title hint from the first "# " heading, also in a .txt export', () => {
    const rapport = loadText(corpusBytes('004_27f37c8f34aada63.txt'), '004_27f37c8f34aada63.txt');
    expect(rapport.mediaType).toBe('text/plain');
    expect(rapport.titleHint).toBe('Samenwerking tussen WIJ Groningen en gemeente Groningen is adequaat ingericht');
    const uitvraag = loadText(corpusBytes('000_c2dbb4c22b6881a5.txt'), '000_c2dbb4c22b6881a5.txt');
    expect(uitvraag.titleHint).toBeUndefined();
  });

  it('types Markdown files and drops emphasis from the title', () => {
    const document = loadText(utf8('Voorwoord\n\n## Sub\n# **Jaarverslag** 2022 #\n'), 'verslag.md');
    expect(document.mediaType).toBe('text/markdown');
    expect(document.titleHint).toBe('Jaarverslag 2022');
  });

  it('refuses invalid UTF-8 with unsupported_file', () => {
    expect(() => loadText(new Uint8Array([0x61, 0xc3]), 'kapot.txt')).toThrowError(
      expect.objectContaining({ code: 'unsupported_file' }),
    );
  });
});
