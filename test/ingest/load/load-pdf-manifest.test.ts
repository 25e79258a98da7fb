/**
 * Every test PDF gets the behaviour its MANIFEST.md row asks for: the ones in test/fixtures/pdfs, plus the
 * large ones of ../shared/pdfs when that is there. The table must name every file in the folders, so a new
 * test PDF cannot slip in without an expectation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type ErrorCode } from '../../../ingest/errors.js';
import { loadPdf } from '../../../ingest/load/load-pdf.js';
import type { LoadedDocument, WarningCode } from '../../../ingest/types.js';
import { availablePdfs, fixturePdfs, hasSharedPdfs, pdfBytes } from '../../support/fixtures.js';

interface Expectation {
  pages?: number;
  /** The exact set of warning codes. */
  warnings?: WarningCode[];
  error?: ErrorCode;
  includes?: string[];
  /** Non-whitespace characters expected: exact when 0, else a lower bound. */
  chars?: number;
}

const expectations: Record<string, Expectation> = {
  'nl/jeugd_hervormingsagenda.pdf': { pages: 80, warnings: [], chars: 200_000, includes: ['Hervormingsagenda\nJeugd 2023-2028'] },
  'nl/stcrt_istandaarden_wmo_jw.pdf': { pages: 8, warnings: [], chars: 20_000, includes: ['ARTIKEL I', 'Artikel 9.1a'] },
  'nl/vng_burgerpeiling_mantelzorg.pdf': { pages: 10, warnings: [], chars: 15_000, includes: ['ruim 40% zich frequent inzet voor naastenzorg'] },
  'nl/denhelder_besluitenlijst_2015.pdf': { pages: 4, warnings: [], chars: 9_500, includes: ['3. Vragenkwartier.', 'GGD Hollands Noorden'] },
  'nl/overijssel_jaarstukken_2023.pdf': { pages: 26, warnings: [], chars: 35_000, includes: ['Totaal Eigen Vermogen\t2.948\t0\t137\t0\t3.084'] },
  'nl/emmen_toezeggingen_scan.pdf': { pages: 2, warnings: ['no_text_layer'], chars: 0 },
  'nl/emmen_toezeggingen_ocr.pdf': { pages: 2, warnings: ['ocr_text'], chars: 2_500, includes: ['Toezeggingen Commissie BME 04-12-2024'] },
  'nl/vws_woo_besluit_scan.pdf': { pages: 10, warnings: ['no_text_layer'], chars: 0 },
  'nl/vws_woo_jeugd_ocr_redacted.pdf': { pages: 1, warnings: ['ocr_text'], chars: 600, includes: ['input voor jeugd escalatieladder'] },
  'nl/papendrecht_verbeelding_a0.pdf': { pages: 1, warnings: ['drawing'], chars: 6_000, includes: ['Anthony Fokkerweg'] },
  'nl/tk_verslag_undefined_glyphs.pdf': { pages: 17, warnings: [], chars: 34_000, includes: ['\nInbreng van de leden van de VVD-fractie\n'] },
  'hostile/enc_aes256_userpw.pdf': { error: 'encrypted_pdf' },
  'hostile/enc_nopw_copy_denied.pdf': { pages: 1, warnings: ['encrypted'], includes: ['Dummy PDF file'] },
  'hostile/corrupt_invalid_structure.pdf': { error: 'corrupt_pdf' },
  'hostile/corrupt_xref_bytewidths.pdf': { error: 'corrupt_pdf' },
  'hostile/xref_keyword_missing.pdf': { pages: 1, warnings: [], includes: ['Reduced test-case'] },
  'hostile/xref_huge_objnum.pdf': { pages: 1, warnings: ['no_text_layer'], chars: 0 },
  'hostile/pages_kids_broken.pdf': { error: 'corrupt_pdf' },
  'hostile/pages_tree_cycle.pdf': { pages: 2, warnings: ['page_failed'], includes: ['Testcase: ’Pages loop’'] },
  'hostile/js_form_actions.pdf': { pages: 1, warnings: ['contains_javascript'], chars: 2_000, includes: ['Certificat de salaire'] },
  'hostile/rotated_page90.pdf': { pages: 2, warnings: [], includes: ['This is my second page. It will have a landscape layout.'] },
  'hostile/font_truetype_noglyf.pdf': { pages: 1, warnings: ['ocr_text'], includes: ['A broken TrueType font, missing the "glyf" table,'] },
  'hostile/font_empty_fontfile.pdf': { pages: 1, warnings: [], includes: ['l’impayé'] },
  'hostile/twocolumn_paper.pdf': { pages: 14, warnings: [], chars: 65_000, includes: ['1. Introduction'] },
  'hostile/manypages_352.pdf': { pages: 352, warnings: [], chars: 540_000, includes: ['FREE CULTURE'] },
};

const files = [...availablePdfs];
const present = Object.entries(expectations).filter(([file]) => files.includes(file));

const outcomes = new Map<string, LoadedDocument | unknown>();

beforeAll(async () => {
  for (const file of files) outcomes.set(file, await loadPdf(pdfBytes(file)).catch((error: unknown) => error));
});

function nonWhitespace(text: string): number {
  return text.replace(/\s/g, '').length;
}

describe('loadPdf on the test PDFs (the fixtures, plus the large ones of ../shared when present)', () => {
  it('has an expectation for each file, and with ../shared a file for each expectation', () => {
    expect(fixturePdfs.length).toBeGreaterThan(0);
    for (const file of files) expect(Object.keys(expectations), file).toContain(file);
    if (hasSharedPdfs) expect([...files].sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(present)('%s behaves as its manifest row asks', (file, expected) => {
    const outcome = outcomes.get(file);
    if (expected.error) {
      expect(isAppError(outcome, expected.error), `${file} should fail with ${expected.error}`).toBe(true);
      return;
    }
    if (!outcome || outcome instanceof Error) throw outcome;
    const document = outcome as LoadedDocument;
    expect(document.pageCount).toBe(expected.pages);
    expect(document.pages).toHaveLength(expected.pages ?? -1);
    expect(document.warnings.map((warning) => warning.code).sort()).toEqual([...(expected.warnings ?? [])].sort());
    for (const snippet of expected.includes ?? []) expect(document.text).toContain(snippet);
    if (expected.chars === 0) expect(nonWhitespace(document.text)).toBe(0);
    else if (expected.chars !== undefined) expect(nonWhitespace(document.text)).toBeGreaterThan(expected.chars);
  });

  it('joins pages by "\\n\\f\\n" and records spans that cut the text exactly there', () => {
    for (const [file, outcome] of outcomes) {
      if (outcome instanceof Error) continue;
      const document = outcome as LoadedDocument;
      const pageTexts = document.text.split('\n\f\n');
      expect(pageTexts, file).toHaveLength(document.pages.length);
      document.pages.forEach((page, index) => {
        expect(page.number).toBe(index + 1);
        expect(page.label).not.toBe('');
        expect(document.text.slice(page.start, page.end)).toBe(pageTexts[index]);
      });
    }
  });

  it('emits only sanitised NFC text: no NUL, control characters (but \\t \\n \\f) or noncharacters', () => {
    for (const [file, outcome] of outcomes) {
      if (outcome instanceof Error) continue;
      const { text } = outcome as LoadedDocument;
      expect(text, file).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/);
      expect(text === text.normalize('NFC'), file).toBe(true);
    }
  });

  it('reports an image-only scan as "Geen tekstlaag — OCR nodig", however many fonts it declares (the VWS scan from ../shared when present)', () => {
    for (const file of ['nl/emmen_toezeggingen_scan.pdf', 'nl/vws_woo_besluit_scan.pdf'].filter((name) => files.includes(name))) {
      const document = outcomes.get(file) as LoadedDocument;
      expect(document.warnings).toEqual([{ code: 'no_text_layer', message: 'Geen tekstlaag — OCR nodig' }]);
    }
  });
});
