import { describe, expect, it } from 'vitest';
import { chunkUnits, composeText, DEFAULT_LIMITS } from '../../../ingest/chunk/chunk-units.js';
import { blocksToUnits, type Unit } from '../../../ingest/chunk/units.js';
import type { Block } from '../../../ingest/structure/segment.js';
import type { Passage } from '../../../ingest/types.js';
import { corpusDocument, corpusDocuments, passagesWith, wordCount } from '../corpus-passages.js';

const documents = corpusDocuments();
const passages = documents.flatMap((document) => document.passages);
const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Every table block of the corpus with the document it belongs to. */
const tables = documents.flatMap((document) => document.blocks.filter((block) => block.kind === 'table').map((table) => ({ document, table })));

describe('chunkUnits', () => {
  it('never makes a passage longer than 1,500 characters or 250 words', () => {
    expect(passages.length).toBeGreaterThan(300);
    const tooLong = passages.filter((passage) => passage.text.length > DEFAULT_LIMITS.maxChars || wordCount(passage.text) > DEFAULT_LIMITS.maxWords);
    expect(tooLong.map((passage) => passage.id)).toEqual([]);
  });

  it('keeps the large majority of passages within 60–250 words', () => {
    const within = passages.filter((passage) => wordCount(passage.text) >= DEFAULT_LIMITS.minWords && wordCount(passage.text) <= DEFAULT_LIMITS.maxWords);
    // Measured: 86% of 371 passages; the rest are short sections (a heading with one or two sentences, a contact block).
    expect(within.length / passages.length).toBeGreaterThanOrEqual(0.8);
    // Only a document's opening title may stand alone; a lead-in ("… zijn:") stays with what it introduces.
    const tiny = passages.filter((passage) => wordCount(passage.text) < 10 && passage.ordinal > 0);
    expect(tiny.map((passage) => passage.text)).toEqual([]);
  });

  it('never splits a table row: every row of every table lies whole inside one passage', () => {
    expect(tables.length).toBeGreaterThan(30);
    for (const { document, table } of tables) {
      for (const row of table.lines) {
        const holders = document.passages.filter((passage) => passage.cleanStart <= row.start && row.end <= passage.cleanEnd);
        expect(holders.length, row.text).toBe(1);
        expect((holders[0] as Passage).text.split('\n'), row.text).toContain(collapse(row.text));
        const straddling = document.passages.filter((passage) => (passage.cleanStart > row.start && passage.cleanStart < row.end) || (passage.cleanEnd > row.start && passage.cleanEnd < row.end));
        expect(straddling, row.text).toEqual([]);
      }
    }
  });

  it('repeats the column header at the top of every passage cut from the long annex table of corpus/001', () => {
    const jaarverslag = corpusDocument('001');
    const annex = tables.find(({ table }) => table.lines.some((row) => collapse(row.text).startsWith('Pilot Buurtpreventiecoach Schildersbuurt 18.320€')))?.table as Block;
    const header = annex.header as string;
    expect(header).toContain('Beschikking 2022 gemeente');
    const cut = jaarverslag.passages.filter((passage) => passage.cleanStart < annex.end && passage.cleanEnd > annex.start);
    expect(cut.length).toBeGreaterThanOrEqual(3);
    for (const passage of cut) {
      expect(passage.kind).toBe('table');
      // A passage that opens the annex starts with its heading, then the header.
      const lines = passage.text.split('\n');
      expect(lines.slice(0, 2), passage.text.slice(0, 120)).toContain(header);
    }
  });

  it('repeats the header of a table split by the size limits, and never twice in one passage', () => {
    const rows: Unit[] = Array.from({ length: 60 }, (_, i) => ({
      kind: 'row', block: 0, start: i * 40, end: i * 40 + 39, text: `Deelopdracht nummer ${i + 1} 18.320€ -€ -€ 18.320€`, words: 7, section: ['Bijlage 1'], header: 'Deelopdracht Beschikking 2022 gemeente',
    }));
    const drafts = chunkUnits(rows);
    expect(drafts.length).toBeGreaterThan(1);
    for (const draft of drafts) {
      expect(draft.text.split('\n')[0]).toBe('Deelopdracht Beschikking 2022 gemeente');
      expect(draft.text.split('Beschikking').length).toBe(2);
      expect(wordCount(draft.text)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxWords);
    }
    expect(drafts.flatMap((draft) => draft.units)).toEqual(rows);
  });

  it('names a passage after the section its text is in, not after an empty heading before it', () => {
    const rapport = corpusDocument('004');
    const [governance] = passagesWith(rapport, 'De opdracht aan WIJ Groningen wordt verleend op basis van quasi-inbesteden.');
    expect(governance?.section).toEqual(['Een eigen governancestructuur voor drie soorten opdrachten', '2.1 De formele governance voldoet aan de wettelijke eisen']);
    const [summary] = passagesWith(rapport, 'WIJ Groningen voert sinds 2018 in opdracht van de gemeente activiteiten uit op het gebied van het brede sociaal domein, waaronder taken in het kader van de Wmo, de Jeugdwet en de Participatiewet.');
    expect(summary?.section).toEqual(['Managementsamenvatting']);
  });

  it('starts a new passage at a heading of another section once the current one has enough words', () => {
    const jaarverslag = corpusDocument('001');
    const [klachten] = passagesWith(jaarverslag, 'In 2022 hebben we 82 klachten van inwoners ontvangen');
    expect(klachten?.text.startsWith('3.3.4 Klachten en meldingen\n')).toBe(true);
    const [avg] = passagesWith(jaarverslag, 'In het privacyreglement en een informatiefolder');
    expect(avg?.text.startsWith('3.3.5 AVG en datalekken\n')).toBe(true);
    expect(avg?.text).not.toContain('Combinatie van agressie');
  });

  it('composes text with every heading and row on its own line and sentences of a paragraph run on', () => {
    const rapport = corpusDocument('004');
    const units = blocksToUnits(rapport.blocks, rapport.clean.text).slice(0, 12);
    const text = composeText(units);
    for (const unit of units) expect(text).toContain(unit.text);
    for (const unit of units.filter((u) => u.kind === 'heading')) expect(text.split('\n')).toContain(unit.text);
  });
});
