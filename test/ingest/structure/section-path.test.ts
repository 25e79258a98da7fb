import { describe, expect, it } from 'vitest';
import type { Heading } from '../../../ingest/structure/headings.js';
import { sectionTracker } from '../../../ingest/structure/section-path.js';
import type { Block } from '../../../ingest/structure/segment.js';
import { corpusDocument, type CorpusDocument } from '../corpus-passages.js';

function numbered(title: string): Heading {
  const number = title.split(' ')[0] as string;
  return { lineIndex: 0, title, level: number.split('.').length, number, minor: false };
}

const minor = (title: string): Heading => ({ lineIndex: 0, title, level: 1, minor: true });

/** The first block of a document with a line containing `needle`. */
function blockWith(document: CorpusDocument, needle: string): Block {
  const found = document.blocks.find((block) => block.lines.some((line) => line.text.replace(/\s+/g, ' ').includes(needle)));
  if (!found) throw new Error(`No block of corpus/${document.number} contains "${needle}".`);
  return found;
}

describe('sectionTracker', () => {
  it('nests numbered headings by their outline number', () => {
    const sections = sectionTracker();
    sections.enter(numbered('3 Kwaliteit'));
    sections.enter(numbered('3.3 Verantwoording'));
    expect(sections.enter(numbered('3.3.4 Klachten en meldingen'))).toEqual(['3 Kwaliteit', '3.3 Verantwoording', '3.3.4 Klachten en meldingen']);
    expect(sections.enter(numbered('3.4 Innovatie'))).toEqual(['3 Kwaliteit', '3.4 Innovatie']);
    expect(sections.enter(numbered('4 Governance'))).toEqual(['4 Governance']);
  });

  it('does not keep a numbered heading above one it does not prefix', () => {
    const sections = sectionTracker();
    sections.enter(numbered('2.2.6 Speerpunt fundament op orde'));
    expect(sections.enter(numbered('3.1.1 Resultaten acceleratie'))).toEqual(['3.1.1 Resultaten acceleratie']);
  });

  it('hangs a minor heading under the current heading until the next heading replaces it', () => {
    const sections = sectionTracker();
    sections.enter(numbered('3.3.4 Klachten en meldingen'));
    expect(sections.enter(minor('Agressie incidenten'))).toEqual(['3.3.4 Klachten en meldingen', 'Agressie incidenten']);
    expect(sections.enter(minor('Externe vertrouwenspersoon 2022'))).toEqual(['3.3.4 Klachten en meldingen', 'Externe vertrouwenspersoon 2022']);
    expect(sections.enter(numbered('3.3.5 AVG en datalekken'))).toEqual(['3.3.5 AVG en datalekken']);
    expect(sections.current()).toEqual(['3.3.5 AVG en datalekken']);
  });
});

describe('segmentDocument section paths', () => {
  const jaarverslag = corpusDocument('001');
  const rapport = corpusDocument('004');

  it('puts the "82 klachten" text of corpus/001 under "3.3.4 Klachten en meldingen"', () => {
    const section = blockWith(jaarverslag, 'In 2022 hebben we 82 klachten van inwoners ontvangen').section;
    const at = section.indexOf('3.3.4 Klachten en meldingen');
    expect(at).toBeGreaterThanOrEqual(0);
    // The path ends in the heading itself or in one minor heading under it.
    expect(section.length - at).toBeLessThanOrEqual(2);
    expect(blockWith(jaarverslag, 'Totaal aantal gemelde klachten').section).toContain('3.3.4 Klachten en meldingen');
  });

  it('leaves a minor heading behind at the next numbered heading', () => {
    expect(blockWith(jaarverslag, 'verdubbeling van de geregistreerde agressie').section).toEqual(['3.3.4 Klachten en meldingen', 'Agressie incidenten']);
    expect(blockWith(jaarverslag, 'In het privacyreglement en een informatiefolder').section).toEqual(['3.3.5 AVG en datalekken']);
  });

  it('names annex text after its item heading under "Bijlage 1. Deelopdrachten"', () => {
    expect(blockWith(jaarverslag, 'Pilot Buurtpreventiecoach Schildersbuurt (nieuw in 2022)').kind).toBe('heading');
    expect(blockWith(jaarverslag, 'Met de aanstelling van een buurtpreventiecoach').section).toEqual([
      'Bijlage 1. Deelopdrachten',
      '44. Pilot Buurtpreventiecoach Schildersbuurt (nieuw in 2022)',
    ]);
  });

  it('turns the Markdown headings of corpus/004 into section titles, chapter first', () => {
    const title = '2.2 De gemeente en WIJ Groningen overleggen regelmatig op verschillende niveaus over de voortgang van de opdracht';
    const heading = rapport.blocks.find((block) => block.kind === 'heading' && block.section.at(-1) === title);
    expect(heading?.section).toEqual(['Een eigen governancestructuur voor drie soorten opdrachten', title]);
    const next = rapport.blocks[rapport.blocks.indexOf(heading as Block) + 1];
    expect(next?.kind).toBe('paragraph');
    expect(next?.section).toEqual(heading?.section);
  });

  it('gives every block of corpus/004 after its first heading a section path', () => {
    const first = rapport.blocks.findIndex((block) => block.kind === 'heading');
    expect(rapport.blocks.slice(first).filter((block) => block.section.length === 0)).toEqual([]);
  });
});
