import { beforeAll, describe, expect, it } from 'vitest';
import { extractRawPdfText, loadPdf } from '../../../ingest/load/load-pdf.js';
import type { LoadedDocument } from '../../../ingest/types.js';
import { casesForAvailable, pdfBytes } from '../../support/fixtures.js';
import { generatedPdf } from '../../support/generated-pdf.js';
import { failure } from '../../support/app-error.js';

function pageText(document: LoadedDocument, number: number): string {
  const page = document.pages[number - 1];
  if (!page) throw new Error(`no page ${number}`);
  return document.text.slice(page.start, page.end);
}

const TRACEMONKEY = 'hostile/twocolumn_paper.pdf';
/** Landscape, three columns and sidebars: only in ../shared (1.8 MB). */
const AGENDA = 'nl/jeugd_hervormingsagenda.pdf';

/** What a multi-column page must read like: snippets it contains, and snippets that come in this order. */
const COLUMN_CASES = casesForAvailable([
  { file: TRACEMONKEY, page: 1, contains: ['Dynamic languages such as JavaScript are more difficult to com-\npile than statically typed ones.'], order: ['1. Introduction', 'example, is the de facto standard for client-side web programming', '$5.00', 'and is used for the application logic'] },
  // Page 3 has full-width figures on top and two columns below them.
  { file: TRACEMONKEY, page: 3, contains: ['The loop on\nlines 4-5 becomes hot on its second iteration, so TraceMonkey en-\nters recording mode'], order: [] },
  {
    file: AGENDA,
    page: 10,
    contains: [],
    order: [
      '1.3 Achtergrond en opgaven Hervormingsagenda',
      'onderliggend aan deze agenda.',
      'De oorzaken voor de knelpunten die genoemd worden',
      'de VNG en de andere partners in de Vijfhoek gemaakt om',
      'het traject van het opstellen van de Hervormingsagenda',
      'jeugdhulpstelsel en de uitvoering daarvan in de praktijk.',
      'De jeugdzorg moet en kan beter:',
      '1. We hebben met elkaar een fundamenteel gesprek te',
    ],
  },
  // List numbers that hang into the gutter stay with their own column.
  {
    file: AGENDA,
    page: 8,
    contains: ['1. We gaan uit van een inclusieve samenleving waarin\niedereen, ongeacht kwetsbaarheid of beperking, kan', '3. Sommige jeugdigen of hun ouders/opvoeders krijgen te\nmaken met problemen'],
    order: ['4. De geboden jeugdhulp', '5. Jeugdhulp, zowel voor lichte als voor zware'],
  },
]);

const PAGE_CASES = casesForAvailable([
  { file: TRACEMONKEY, pages: 14, titleHint: 'Trace-based Just-in-Time Type Specialization for Dynamic Languages' },
  { file: AGENDA, pages: 80, titleHint: 'Hervormingsagenda Jeugd 2023-2028' },
]);

const PARAGRAPH_CASES = casesForAvailable([
  { file: TRACEMONKEY, page: 1, pattern: /\n\n1\. Introduction\n\nDynamic languages such as JavaScript, Python/ },
  { file: AGENDA, page: 10, pattern: /^1\.3 Achtergrond en opgaven Hervormingsagenda\n\nIn de aanloop/ },
  { file: AGENDA, page: 10, pattern: /vraagstukken\.\n\nIn mei 2021 heeft de Commissie van Wijzen/ },
]);

const TABLE_CASES = casesForAvailable([
  { file: 'nl/tk_verslag_undefined_glyphs.pdf', rows: ['Financierin 2024\t2025\t2026\t2027\t2028\t2029', 'NRO\t33.667 65.347 34.985 42.775 17.423 31.000'] },
  {
    file: 'nl/overijssel_jaarstukken_2023.pdf',
    rows: ['Voorziening organisatie\t370\t38\t-157\t225', 'Subtotaal Bestemmingsreserves\t2.496\t287\t0\t0\t2.783', 'Kosten per inwoner (€)\tApparaatkosten\t12,35 Naar rato inwoners Zwolle + Deventer'],
  },
]);

describe('loadPdf', () => {
  const documents = new Map<string, LoadedDocument>();
  const progress: [number, number][] = [];
  const document = (file: string) => documents.get(file) as LoadedDocument;

  beforeAll(async () => {
    const files = [...new Set([...COLUMN_CASES, ...PAGE_CASES, ...PARAGRAPH_CASES].map((entry) => entry.file))];
    for (const file of files) {
      const onPage = file === TRACEMONKEY ? (done: number, total: number) => progress.push([done, total]) : undefined;
      documents.set(file, await loadPdf(pdfBytes(file), { onPage }));
    }
  }, 120_000);

  it.each(COLUMN_CASES)('reads $file page $page in column order (plus the landscape Hervormingsagenda from ../shared when present)', ({ file, page, contains, order }) => {
    const text = pageText(document(file), page);
    for (const snippet of contains) expect(text).toContain(snippet);
    const positions = order.map((snippet) => text.indexOf(snippet));
    expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
  });

  it('never puts a tab between the two columns of tracemonkey', () => {
    for (const line of document(TRACEMONKEY).text.split('\n')) expect(line).not.toMatch(/The loop on\t|\tinterpreter PC/);
  });

  it.each(PAGE_CASES)('extracts text from all $pages pages of $file and takes its title from page 1 (plus ../shared when present)', ({ file, pages, titleHint }) => {
    expect(document(file).pages).toHaveLength(pages);
    for (const page of document(file).pages) expect(page.end).toBeGreaterThan(page.start);
    expect(document(file).titleHint).toBe(titleHint);
  });

  it.each(PARAGRAPH_CASES)('inserts an empty line at paragraph gaps and around headings in a larger font: $file page $page (plus ../shared when present)', ({ file, page, pattern }) => {
    expect(pageText(document(file), page)).toMatch(pattern);
  });

  it('never takes the title from stale PDF metadata', async () => {
    const vng = await loadPdf(pdfBytes('nl/vng_burgerpeiling_mantelzorg.pdf'));
    expect(vng.titleHint).toBe('Verborgen zorg, zichtbare uitdagingen: de realiteit van naastenzorg');
    const denHelder = await loadPdf(pdfBytes('nl/denhelder_besluitenlijst_2015.pdf'));
    expect(denHelder.titleHint).toMatch(/^Besluitenlijst raadsvergadering 29 juni 2015/);
  });

  it.each(TABLE_CASES)('keeps table rows of $file on one line with Dutch numbers intact', async ({ file, rows }) => {
    const lines = (await loadPdf(pdfBytes(file))).text.split('\n');
    for (const row of rows) expect(lines).toContain(row);
  });

  it('reads rotated pages in order and records their rotation', async () => {
    const rotated = await loadPdf(pdfBytes('hostile/rotated_page90.pdf'));
    expect(rotated.pages.map((page) => page.rotation)).toEqual([0, 90]);
    expect(pageText(rotated, 1)).toBe('This is my first page with normal layout.\nThis is the second line on the page.');
    expect(pageText(rotated, 2)).toBe('This is my second page. It will have a landscape layout.\nSecond line here.');
  });

  const DRAWING_CASES = [
    { name: 'a generated A0 page', bytes: () => generatedPdf({ pages: 1, width: 2384, height: 3370, linesPerPage: 20 }), page: { number: 1, label: '1', rotation: 0 } },
    ...casesForAvailable([{ file: 'nl/papendrecht_verbeelding_a0.pdf' }]).map(({ file }) => ({ name: file, bytes: () => pdfBytes(file), page: { number: 1, label: '[1] Blad2', rotation: 270 } })),
  ];

  it.each(DRAWING_CASES)('flags $name as a drawing and keeps its page label and rotation (plus the rotated A0 map from ../shared when present)', async ({ bytes, page }) => {
    const map = await loadPdf(bytes());
    expect(map.pages).toEqual([expect.objectContaining(page)]);
    expect(map.warnings).toEqual([expect.objectContaining({ code: 'drawing', page: 1 })]);
    expect(map.titleHint).toBeUndefined();
  });

  it('reports progress after every page', () => {
    expect(progress).toEqual(Array.from({ length: 14 }, (_, index) => [index + 1, 14]));
  });

  it('labels pages with their physical number when the file has no page labels', () => {
    expect(document(TRACEMONKEY).pages.map((page) => page.label)).toEqual(document(TRACEMONKEY).pages.map((page) => String(page.number)));
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
    const error = await failure(loadPdf(generatedPdf({ pages: 352, linesPerPage: 2 }), { maxPages: 100 }));
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
