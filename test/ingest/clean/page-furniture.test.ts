import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { normaliseCharacters } from '../../../ingest/clean/normalise-characters.js';
import { fromOriginal } from '../../../ingest/clean/offset-text.js';
import { removePageFurniture } from '../../../ingest/clean/remove-page-furniture.js';
import type { LoadedDocument, PageSpan } from '../../../ingest/types.js';
import { corpusLines, loadCorpus } from './corpus.js';

const RUNNING_HEADER = 'Jaarverslag 2022 Stichting WIJ Groningen';

/**
 * A PDF as a loader delivers it, built from real paragraphs of corpus/001: each page opens with a running
 * header and ends with its printed page number; pages are joined by "\n\f\n".
 */
function pdfFromCorpus(): LoadedDocument {
  const paragraphs = loadCorpus('001')
    .text.split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 200)
    .slice(0, 8);
  const pages: PageSpan[] = [];
  let text = '';
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) text += '\n\f\n';
    const start = text.length;
    text += `${RUNNING_HEADER}\n\n${paragraph}\n\n${i + 3}`;
    pages.push({ number: i + 1, label: String(i + 3), start, end: text.length });
  });
  return { mediaType: 'application/pdf', text, pages, pageCount: pages.length, warnings: [] };
}

describe('removePageFurniture', () => {
  it('removes "Pagina 30 van 66" footers of corpus/001 and the line printed under each of them', () => {
    const original = `${corpusLines('001', 'opgenomen in bijlage 2.', 9)}\n${corpusLines('001', 'De bereikte resultaten staan in de eindrapportage.', 10)}`;
    const { text, removed } = removePageFurniture(fromOriginal(original), []);
    expect(text.text).not.toMatch(/Pagina (30|55) van 66/);
    expect(text.text).not.toContain('@Stichting WIJ Groningen dd. 05-07-2023');
    expect(text.text).toContain('opgenomen in bijlage 2.');
    expect(text.text).toContain('Bedrijfsvoering');
    expect(text.text).toContain('6. Uitvoering Wet Verplichte GGZ (WvGGZ)');
    expect(removed?.map((removal) => removal.kind)).toEqual(['page-footer', 'page-footer', 'page-footer', 'page-footer']);
  });

  it('takes a line next to a single footer for content, since it recurs at no other footer', () => {
    const original = corpusLines('001', 'De bereikte resultaten staan in de eindrapportage.', 8);
    const { text } = removePageFurniture(fromOriginal(original), []);
    expect(text.text).not.toContain('Pagina 55 van 66');
    expect(text.text).toContain('@Stichting WIJ Groningen dd. 05-07-2023');
  });

  it('removes both footers of corpus/001 when the whole document is cleaned', () => {
    const clean = cleanDocument(loadCorpus('001'));
    expect(clean.text).not.toMatch(/Pagina \d+ van 66/);
    expect(clean.removed.filter((removal) => removal.kind === 'page-footer')).toHaveLength(4);
  });

  it('removes a running header that repeats at the top of every page, and bare page numbers at page ends', () => {
    const loaded = pdfFromCorpus();
    const { text, removed } = removePageFurniture(normaliseCharacters(fromOriginal(loaded.text)).text, loaded.pages);
    expect(text.text).not.toContain(RUNNING_HEADER);
    expect(text.text).not.toMatch(/^\d+$/m);
    expect(removed?.filter((removal) => removal.kind === 'running-header')).toHaveLength(8);
    expect(removed?.filter((removal) => removal.kind === 'page-number')).toHaveLength(8);
  });

  it('keeps the body of every page, and a number that is content rather than a page number', () => {
    const loaded = pdfFromCorpus();
    const withTable = { ...loaded, text: loaded.text.replace(`${RUNNING_HEADER}\n\n`, `${RUNNING_HEADER}\n\n2022\n`) };
    const shift = '2022\n'.length;
    withTable.pages = loaded.pages.map((page, i) => (i === 0 ? { ...page, end: page.end + shift } : { ...page, start: page.start + shift, end: page.end + shift }));
    const clean = cleanDocument(withTable);
    expect(clean.text).toMatch(/^2022$/m);
    expect(clean.text).toContain('Met grote betrokkenheid ondersteunen onze medewerkers inwoners van Groningen');
  });

  it('keeps a sentence that merely mentions a page', () => {
    const line = 'De tabel op pagina 12 van het jaarverslag laat de cijfers zien en wordt hieronder toegelicht.';
    expect(removePageFurniture(fromOriginal(line), []).text.text).toBe(line);
  });
});
