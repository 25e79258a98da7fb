import { describe, expect, it } from 'vitest';
import { buildPassages, pageAt } from '../../../ingest/chunk/build-passages.js';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { loadText } from '../../../ingest/load/load-text.js';
import type { Passage } from '../../../ingest/types.js';
import { catalogMeta, corpusDocument, corpusDocuments, foldedWords, passagesWith, type CorpusDocument } from '../corpus-passages.js';

const documents = corpusDocuments();
const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The passage text without the column headers a table passage repeats from outside its span. */
function ownText(document: CorpusDocument, passage: Passage): string {
  const headers = new Set(document.blocks.map((block) => block.header).filter((header): header is string => Boolean(header)));
  return passage.text
    .split('\n')
    .filter((line) => !headers.has(line))
    .join('\n');
}

/**
 * Share of the passage's words found in its original span, compared case-, accent- and punctuation-insensitively.
 * A word the cleaner glued back together ("Fys ieke" → "Fysieke") is found in the span read without spaces.
 */
function originalCoverage(document: CorpusDocument, passage: Passage): number {
  const originalWords = foldedWords(document.loaded.text.slice(passage.start, passage.end));
  const original = new Set(originalWords);
  const unspaced = originalWords.join('');
  const words = foldedWords(ownText(document, passage));
  return words.filter((word) => original.has(word) || unspaced.includes(word)).length / words.length;
}

describe('buildPassages', () => {
  it('maps every passage back to the original text it came from', () => {
    for (const document of documents) {
      for (const passage of document.passages) {
        expect(passage.start).toBeLessThan(passage.end);
        // The cleaner fixes OCR errors and joins hyphenated words, so a few words may differ.
        expect(originalCoverage(document, passage), `${passage.id}: ${passage.text.slice(0, 80)}`).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  it('finds the passage about 82 complaints at the words of the original file', () => {
    const jaarverslag = corpusDocument('001');
    const [passage] = passagesWith(jaarverslag, 'In 2022 hebben we 82 klachten van inwoners ontvangen');
    const original = jaarverslag.loaded.text.slice(passage?.start, passage?.end);
    expect(original.startsWith('3.3.4 Klachten en meldingen')).toBe(true);
    expect(original).toContain('In 2022 hebben we 82 klachten van inwoners ontvangen, dat zijn \ner 39 minder');
  });

  it('points cleanStart/cleanEnd at the same span of the clean text, in document order without overlap', () => {
    for (const document of documents) {
      const { clean } = document;
      let previousEnd = 0;
      for (const passage of document.passages) {
        expect(passage.cleanStart).toBeGreaterThanOrEqual(previousEnd);
        expect(passage.cleanEnd).toBeGreaterThan(passage.cleanStart);
        expect(clean.toOriginal[passage.cleanStart]).toBe(passage.start);
        expect(clean.toOriginal[passage.cleanEnd]).toBe(passage.end);
        const span = collapse(clean.text.slice(passage.cleanStart, passage.cleanEnd));
        for (const line of ownText(document, passage).split('\n')) expect(span, passage.id).toContain(line);
        previousEnd = passage.cleanEnd;
      }
    }
  });

  it('numbers passages in order and gives them the document metadata', () => {
    const { passages, meta } = corpusDocument('004');
    expect(passages.map((passage) => passage.ordinal)).toEqual(passages.map((_, index) => index));
    for (const passage of passages) {
      expect(passage).toMatchObject({ documentId: meta.documentId, source: meta.source, title: meta.title, docType: 'onderzoeksrapport', date: '2023-12-15', year: 2023, organisation: 'Berenschot' });
    }
  });

  it('gives the same ids when built twice, unique over the whole corpus', () => {
    const ids = documents.flatMap((document) => document.passages.map((passage) => passage.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const document of documents) {
      const again = buildPassages(document.meta, cleanDocument(loadText(new TextEncoder().encode(document.loaded.text), document.file)), document.loaded.pages);
      expect(again.map((passage) => passage.id)).toEqual(document.passages.map((passage) => passage.id));
      for (const id of again.map((passage) => passage.id)) expect(id.startsWith(`${document.meta.documentId}:`)).toBe(true);
    }
  });

  it('keeps the id of a passage whose text and section did not change when text before it changes', () => {
    const base = corpusDocument('003');
    const edited = base.loaded.text.replace('Invulling taakstelling WIJ Groningen', 'Invulling van de taakstelling WIJ Groningen');
    expect(edited).not.toBe(base.loaded.text);
    const loaded = loadText(new TextEncoder().encode(edited), base.file);
    const rebuilt = buildPassages(base.meta, cleanDocument(loaded), loaded.pages);
    const last = base.passages.at(-1) as Passage;
    expect(rebuilt.at(-1)?.id).toBe(last.id);
    expect(rebuilt[0]?.id).not.toBe(base.passages[0]?.id);
  });

  it('suffixes the id of a passage that repeats another one word for word', () => {
    const sentence = 'De raad van toezicht vergaderde in 2022 zes keer in aanwezigheid van de raad van bestuur en besprak de begroting, de jaarrekening en de voortgang van de Basis Jeugdhulp.';
    // Long enough that the second heading starts a passage of its own.
    const paragraph = [sentence, sentence.replace('zes', 'vier'), sentence.replace('zes', 'drie')].join(' ');
    const text = `Verslag\n\n${paragraph}\n\nVerslag\n\n${paragraph}\n`;
    const loaded = loadText(new TextEncoder().encode(text), 'dubbel.txt');
    const meta = { ...catalogMeta('003_61411eb285946e64.txt'), documentId: 'dubbel' };
    const ids = buildPassages(meta, cleanDocument(loaded), loaded.pages).map((passage) => passage.id);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}-1`);
  });

  it('gives passages before the footer "Pagina 30 van 66" of corpus/001 page 30 and label "30"', () => {
    const jaarverslag = corpusDocument('001');
    const footer = jaarverslag.loaded.text.indexOf('Pagina 30 van 66');
    expect(footer).toBeGreaterThan(0);
    const [raad] = passagesWith(jaarverslag, 'Omdat de raad van toezicht uit drie leden bestaat');
    expect(raad?.start).toBeLessThan(footer);
    expect(raad).toMatchObject({ page: 30, pageLabel: '30' });
    // Text far from any surviving footer has no page rather than a guessed one.
    const [klachten] = passagesWith(jaarverslag, 'In 2022 hebben we 82 klachten van inwoners ontvangen');
    expect(klachten).toMatchObject({ page: null, pageLabel: null });
    const onPage30 = jaarverslag.passages.filter((passage) => passage.page === 30);
    for (const passage of onPage30) expect(pageAt(jaarverslag.loaded.pages, passage.start)?.number).toBe(30);
  });
});

describe('pageAt', () => {
  const pages = [
    { number: 1, label: 'i', start: 0, end: 10 },
    { number: 2, label: '1', start: 13, end: 30 },
    { number: 3, label: '2', start: 33, end: 50 },
  ];

  it('finds the page holding an offset, with page ends exclusive', () => {
    expect(pageAt(pages, 0)?.label).toBe('i');
    expect(pageAt(pages, 29)?.number).toBe(2);
    expect(pageAt(pages, 33)?.number).toBe(3);
  });

  it('finds no page between pages, past the last one or in an empty list', () => {
    expect(pageAt(pages, 10)).toBeUndefined();
    expect(pageAt(pages, 50)).toBeUndefined();
    expect(pageAt([], 5)).toBeUndefined();
  });
});
