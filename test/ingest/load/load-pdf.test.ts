import { beforeAll, describe, expect, it } from 'vitest';
import { extractRawPdfText, loadPdf } from '../../../ingest/load/load-pdf.js';
import type { LoadedDocument } from '../../../ingest/types.js';
import { pdfBytes } from './shared-files.js';
import { failure } from '../../support/app-error.js';

function pageText(document: LoadedDocument, number: number): string {
  const page = document.pages[number - 1];
  if (!page) throw new Error(`no page ${number}`);
  return document.text.slice(page.start, page.end);
}

describe('loadPdf', () => {
  let tracemonkey: LoadedDocument;
  let agenda: LoadedDocument;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    [tracemonkey, agenda] = await Promise.all([
      loadPdf(pdfBytes('hostile/twocolumn_paper.pdf'), { onPage: (done, total) => progress.push([done, total]) }),
      loadPdf(pdfBytes('nl/jeugd_hervormingsagenda.pdf')),
    ]);
  });

  it('keeps the two columns of tracemonkey apart', () => {
    const first = pageText(tracemonkey, 1);
    expect(first).toContain('Dynamic languages such as JavaScript are more difficult to com-\npile than statically typed ones.');
    // Column 1 ends with the ACM notice; column 2 starts mid-sentence after it, never beside it.
    expect(first).toMatch(/example, is the de facto standard for client-side web programming\n[\s\S]*\$5\.00\nand is used for the application logic/);
    // Page 3 has full-width figures on top and two columns below them.
    expect(pageText(tracemonkey, 3)).toContain('The loop on\nlines 4-5 becomes hot on its second iteration, so TraceMonkey en-\nters recording mode');
    for (const line of tracemonkey.text.split('\n')) expect(line).not.toMatch(/The loop on\t|\tinterpreter PC/);
  });

  it('reads the landscape Hervormingsagenda in column order, the full-width intro first', () => {
    const page = pageText(agenda, 10);
    const order = [
      '1.3 Achtergrond en opgaven Hervormingsagenda',
      'onderliggend aan deze agenda.',
      'De oorzaken voor de knelpunten die genoemd worden',
      'de VNG en de andere partners in de Vijfhoek gemaakt om',
      'het traject van het opstellen van de Hervormingsagenda',
      'jeugdhulpstelsel en de uitvoering daarvan in de praktijk.',
      'De jeugdzorg moet en kan beter:',
      '1. We hebben met elkaar een fundamenteel gesprek te',
    ];
    const positions = order.map((snippet) => page.indexOf(snippet));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
  });

  it('keeps list numbers that hang into the gutter with their own column', () => {
    const page = pageText(agenda, 8);
    expect(page).toContain('1. We gaan uit van een inclusieve samenleving waarin\niedereen, ongeacht kwetsbaarheid of beperking, kan');
    expect(page).toContain('3. Sommige jeugdigen of hun ouders/opvoeders krijgen te\nmaken met problemen');
    expect(page.indexOf('5. Jeugdhulp, zowel voor lichte als voor zware')).toBeGreaterThan(page.indexOf('4. De geboden jeugdhulp'));
  });

  it('extracts text from all 80 pages of the Hervormingsagenda', () => {
    expect(agenda.pages).toHaveLength(80);
    for (const page of agenda.pages) expect(page.end).toBeGreaterThan(page.start);
  });

  it('inserts an empty line at paragraph gaps and around headings in a larger font', () => {
    const page = pageText(agenda, 10);
    expect(page).toMatch(/^1\.3 Achtergrond en opgaven Hervormingsagenda\n\nIn de aanloop/);
    expect(page).toContain('vraagstukken.\n\nIn mei 2021 heeft de Commissie van Wijzen');
    expect(pageText(tracemonkey, 1)).toContain('\n\n1. Introduction\n\nDynamic languages such as JavaScript, Python');
  });

  it('takes the title hint from the first page text', () => {
    expect(tracemonkey.titleHint).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    expect(agenda.titleHint).toBe('Hervormingsagenda Jeugd 2023-2028');
  });

  it('never takes the title from stale PDF metadata', async () => {
    const vng = await loadPdf(pdfBytes('nl/vng_burgerpeiling_mantelzorg.pdf'));
    expect(vng.titleHint).toBe('Verborgen zorg, zichtbare uitdagingen: de realiteit van naastenzorg');
    const denHelder = await loadPdf(pdfBytes('nl/denhelder_besluitenlijst_2015.pdf'));
    expect(denHelder.titleHint).toMatch(/^Besluitenlijst raadsvergadering 29 juni 2015/);
  });

  it('keeps table rows on one line with Dutch numbers intact', async () => {
    const jaarstukken = await loadPdf(pdfBytes('nl/overijssel_jaarstukken_2023.pdf'));
    const lines = jaarstukken.text.split('\n');
    expect(lines).toContain('Voorziening organisatie\t370\t38\t-157\t225');
    expect(lines).toContain('Subtotaal Bestemmingsreserves\t2.496\t287\t0\t0\t2.783');
    expect(lines).toContain('Kosten per inwoner (€)\tApparaatkosten\t12,35 Naar rato inwoners Zwolle + Deventer');
  });

  it('reads rotated pages in order and records their rotation', async () => {
    const rotated = await loadPdf(pdfBytes('hostile/rotated_page90.pdf'));
    expect(rotated.pages.map((page) => page.rotation)).toEqual([0, 90]);
    expect(pageText(rotated, 1)).toBe('This is my first page with normal layout.\nThis is the second line on the page.');
    expect(pageText(rotated, 2)).toBe('This is my second page. It will have a landscape layout.\nSecond line here.');
  });

  it('opens the rotated A0 map, flags it as a drawing and keeps its printed page label', async () => {
    const map = await loadPdf(pdfBytes('nl/papendrecht_verbeelding_a0.pdf'));
    expect(map.pages).toEqual([expect.objectContaining({ number: 1, label: '[1] Blad2', rotation: 270 })]);
    expect(map.warnings).toEqual([expect.objectContaining({ code: 'drawing', page: 1 })]);
    expect(map.titleHint).toBeUndefined();
  });

  it('reports progress after every page', () => {
    expect(progress).toEqual(Array.from({ length: 14 }, (_, index) => [index + 1, 14]));
  });

  it('labels pages with their physical number when the file has no page labels', () => {
    expect(tracemonkey.pages.map((page) => page.label)).toEqual(tracemonkey.pages.map((page) => String(page.number)));
  });

  it('refuses a password-protected file without a password, at once and in Dutch', async () => {
    const error = await failure(loadPdf(pdfBytes('hostile/enc_aes256_userpw.pdf')));
    expect(error.code).toBe('encrypted_pdf');
    expect(error.message).toMatch(/met een wachtwoord beveiligd/);
  });

  it('says so when the supplied password is wrong', async () => {
    const error = await failure(loadPdf(pdfBytes('hostile/enc_aes256_userpw.pdf'), { password: 'abd' }));
    expect(error.code).toBe('encrypted_pdf');
    expect(error.message).toMatch(/wachtwoord .* onjuist/);
  });

  it('opens the AES-256 file with the password "abc" and notes that it is encrypted', async () => {
    const document = await loadPdf(pdfBytes('hostile/enc_aes256_userpw.pdf'), { password: 'abc' });
    expect(document.text).toBe('Issue 6010');
    expect(document.warnings.map((warning) => warning.code)).toEqual(['encrypted']);
  });

  it('opens a file encrypted with an empty user password and says copying is denied', async () => {
    const document = await loadPdf(pdfBytes('hostile/enc_nopw_copy_denied.pdf'));
    expect(document.text).toContain('Dummy PDF file');
    expect(document.warnings).toEqual([expect.objectContaining({ code: 'encrypted', message: expect.stringMatching(/kopiëren/) })]);
  });

  it('refuses more pages than the limit instead of truncating', async () => {
    const error = await failure(loadPdf(pdfBytes('hostile/manypages_352.pdf'), { maxPages: 100 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain("352 pagina's; de limiet is 100.");
  });

  it('keeps the readable page when another page fails, and names the failed page', async () => {
    const document = await loadPdf(pdfBytes('hostile/pages_tree_cycle.pdf'));
    expect(pageText(document, 1)).toBe('Testcase: ’Pages loop’');
    expect(pageText(document, 2)).toBe('');
    expect(document.warnings).toEqual([{ code: 'page_failed', message: 'Pagina 2 is onleesbaar en overgeslagen.', page: 2 }]);
  });

  it('fails a file without a single readable page as corrupt rather than returning an empty document', async () => {
    const error = await failure(loadPdf(pdfBytes('hostile/pages_kids_broken.pdf')));
    expect(error.code).toBe('corrupt_pdf');
  });

  it('reports corrupt structures as corrupt_pdf with a Dutch message', async () => {
    for (const file of ['hostile/corrupt_invalid_structure.pdf', 'hostile/corrupt_xref_bytewidths.pdf']) {
      const error = await failure(loadPdf(pdfBytes(file)));
      expect(error.code).toBe('corrupt_pdf');
      expect(error.message).toMatch(/beschadigd/);
    }
  });

  it('flags document JavaScript without running it', async () => {
    const form = await loadPdf(pdfBytes('hostile/js_form_actions.pdf'));
    expect(form.warnings.map((warning) => warning.code)).toEqual(['contains_javascript']);
  });

  it('leaves the caller’s bytes untouched', async () => {
    const bytes = pdfBytes('hostile/xref_keyword_missing.pdf');
    const copy = bytes.slice();
    await loadPdf(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('extractRawPdfText', () => {
  it('counts the pages and text-item characters of the plain pdf.js pass', async () => {
    expect(await extractRawPdfText(pdfBytes('hostile/twocolumn_paper.pdf'))).toEqual({ pages: 14, chars: 81_315 });
  });
});
