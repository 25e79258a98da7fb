import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadFile } from '../../../ingest/load/load-file.js';
import { inferDate } from '../../../ingest/metadata/infer-dates.js';
import { inferDocType, inferMetadata, inferTitle, type InferredMetadata } from '../../../ingest/metadata/infer-metadata.js';
import { corpusDocument } from '../corpus-passages.js';
import { fixturePdfDir, pdfBytes } from '../../support/fixtures.js';

/** A test PDF loaded and cleaned as ingest does it. */
async function cleanPdf(name: string): Promise<{ text: string; titleHint?: string }> {
  const loaded = await loadFile(pdfBytes(name), path.basename(name));
  return { text: cleanDocument(loaded).text, ...(loaded.titleHint ? { titleHint: loaded.titleHint } : {}) };
}

/** A corpus file's metadata as if the catalog did not list it. */
function inferredFromCorpus(number: '000' | '001' | '002' | '003'): InferredMetadata {
  const { clean, loaded } = corpusDocument(number);
  return inferMetadata(clean.text, loaded.titleHint);
}

let denHelder: { text: string; titleHint?: string };
let vng: { text: string; titleHint?: string };
let emmen: { text: string; titleHint?: string };

beforeAll(async () => {
  [denHelder, vng, emmen] = await Promise.all([
    cleanPdf('nl/denhelder_besluitenlijst_2015.pdf'),
    cleanPdf('nl/vng_burgerpeiling_mantelzorg.pdf'),
    cleanPdf('nl/emmen_toezeggingen_ocr.pdf'),
  ]);
});

describe('inferMetadata', () => {
  it('takes the Den Helder besluitenlijst title and date from its page-1 text, not the stale 2008 info title', () => {
    // The PDF's info Title is "Aandachtspuntenlijst raadsvergadering 3 november 2008" (test/fixtures/pdfs/MANIFEST.md).
    expect(readFileSync(path.join(fixturePdfDir, 'MANIFEST.md'), 'utf8')).toContain('Aandachtspuntenlijst raadsvergadering 3 november 2008');
    const meta = inferMetadata(denHelder.text, denHelder.titleHint);
    expect(meta.title).toMatch(/^Besluitenlijst raadsvergadering 29 juni 2015/);
    expect(meta.title).not.toMatch(/Aandachtspuntenlijst|2008/);
    expect(meta).toMatchObject({ docType: 'besluitenlijst', date: '2015-06-29', year: 2015 });
    // The text alone, without the loader's hint, gives the same title.
    expect(inferTitle(denHelder.text)).toBe(meta.title);
  });

  it('takes the VNG report title from its text, not the stale Coronapandemie info title', () => {
    const meta = inferMetadata(vng.text, vng.titleHint);
    expect(meta.title).toBe('Verborgen zorg, zichtbare uitdagingen: de realiteit van naastenzorg');
    expect(inferTitle(vng.text)).toBe(meta.title);
    expect(meta.docType).toBe('onderzoeksrapport');
  });

  it('reads the 2019 raadsvoorstel as a raadsvoorstel of 2019-05-28 from "B&W-besluit d.d.: 28-05-2019"', () => {
    expect(corpusDocument('003').clean.text).toContain('B&W-besluit d.d.: 28-05-2019');
    expect(inferredFromCorpus('003')).toMatchObject({ title: 'Invulling taakstelling WIJ Groningen', docType: 'raadsvoorstel', date: '2019-05-28', year: 2019 });
  });

  it('reads the 2016 raadsvoorstel, which opens with "Voorgesteld raadsbesluit", as a raadsvoorstel', () => {
    const meta = inferredFromCorpus('002');
    expect(meta.docType).toBe('raadsvoorstel');
    expect(meta.title).toBe('Voorgesteld raadsbesluit');
    expect(meta.date).toBe('2016-05-31');
  });

  it('does not join the title of corpus/000 with the heading after the blank line under it', () => {
    const meta = inferredFromCorpus('000');
    expect(meta.title).toBe('Uitvraag onderzoek: Grip gemeenteraad op WIJ Groningen');
    expect(meta.docType).toBe('onderzoeksuitvraag');
    // "gemeente\nGroningen" in the text is one name on one line.
    expect(meta.organisation).toBe('gemeente Groningen');
  });

  it('reads the Emmen letter as a letter titled by its "onderwerp", dated by its "datum"', () => {
    const meta = inferMetadata(emmen.text, emmen.titleHint);
    expect(meta).toMatchObject({ title: 'Toezeggingen Commissie BME 04-12-2024', docType: 'brief', date: '2024-12-10', year: 2024, organisation: 'Gemeente Emmen' });
  });

  it('gives corpus/001 no date rather than the start date "per 1 januari 2023" of a new task', () => {
    expect(corpusDocument('001').clean.text.slice(0, 4000)).toContain('per 1 januari 2023');
    expect(inferredFromCorpus('001').date).toBeNull();
  });
});

describe('inferDate', () => {
  it('prefers a labelled date to an earlier unlabelled one', () => {
    expect(inferDate('Groningen, 3 april 2019\n\nB&W-besluit d.d.: 28-05-2019')).toBe('2019-05-28');
    expect(inferDate('Rapport\nVastgesteld 16 januari 2024\nzie de brief van 30 september 2023')).toBe('2024-01-16');
  });

  it('takes the first written or numeric date when none is labelled, and skips start and end dates', () => {
    expect(inferDate('Rapport\n\n15 december 2023\n\nHans Oosterkamp')).toBe('2023-12-15');
    expect(inferDate('Toezeggingen 04-12-2024')).toBe('2024-12-04');
    expect(inferDate('Vanaf 1 juli 2023 geldt de nieuwe regeling, die tot 31 december 2024 loopt. Groningen, 5 juli 2023')).toBe('2023-07-05');
  });

  it('ignores impossible dates and dates beyond the window', () => {
    expect(inferDate('op 31-13-2019 en 45 mei 2020')).toBeNull();
    expect(inferDate(`${'tekst '.repeat(1000)} 1 mei 2020`)).toBeNull();
  });
});

describe('inferDocType and inferTitle', () => {
  it('lets the earliest cue decide the type', () => {
    expect(inferDocType('Geachte raadsleden,\n\nIn de begroting 2024 …')).toBe('brief');
    expect(inferDocType('Raadsvoorstel\nOnderwerp: vaststelling jaarverslag 2022')).toBe('raadsvoorstel');
    expect(inferDocType('Een tekst zonder aanwijzing.')).toBe('document');
  });

  it('takes the subject line, joins a title wrapped onto the next line, and drops leading numbers', () => {
    expect(inferTitle('Gemeente Emmen\nonderwerp\n\n‘Toezeggingen Commissie BME\n\nGeachte')).toBe('Toezeggingen Commissie BME');
    expect(inferTitle('Jaarverslag 2022\nStichting WIJ Groningen\n\nWoord vooraf')).toBe('Jaarverslag 2022 Stichting WIJ Groningen');
    expect(inferTitle('29 338 Wetenschapsbudget\n\nNr. 289 Verslag van een schriftelijk overleg')).toBe('Wetenschapsbudget');
    expect(inferTitle('   \n\n')).toBe('Naamloos document');
  });
});
