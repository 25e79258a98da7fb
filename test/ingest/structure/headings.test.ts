import { describe, expect, it } from 'vitest';
import { detectHeadings, parseNumberedHeading, type Heading } from '../../../ingest/structure/headings.js';
import { splitLines } from '../../../ingest/structure/lines.js';
import { corpusDocument, corpusDocuments, type CorpusDocument } from '../corpus-passages.js';

function headingsOf(document: CorpusDocument): Heading[] {
  return detectHeadings(splitLines(document.clean.text), document.clean.headings);
}

function heading(document: CorpusDocument, title: string): Heading {
  const found = headingsOf(document).find((candidate) => candidate.title === title);
  if (!found) throw new Error(`"${title}" is not a heading of corpus/${document.number}.`);
  return found;
}

describe('parseNumberedHeading', () => {
  it('reads the outline number and title of "3.3.4 Klachten en meldingen"', () => {
    expect(parseNumberedHeading('3.3.4 Klachten en meldingen')).toEqual({ number: '3.3.4', title: 'Klachten en meldingen' });
    expect(parseNumberedHeading('2.2 De gemeente en WIJ Groningen overleggen regelmatig')?.number).toBe('2.2');
  });

  it('does not take amounts for outline numbers', () => {
    expect(parseNumberedHeading('2.060.871 Subsidie voorinvestering Basis-jeugdhulp')).toBeUndefined();
    expect(parseNumberedHeading('1.298.866 Mutatie geldmiddelen')).toBeUndefined();
    expect(parseNumberedHeading('48.14 Positief Opgroeien Lewenborg')).toBeUndefined();
  });

  it('does not take a table row or a long sentence for a heading', () => {
    expect(parseNumberedHeading('1.1 Totaal aantal gemelde klachten 82 121 124 125 75')).toBeUndefined();
    expect(parseNumberedHeading('3.1 Dit is een zin die veel te lang is om een kop te zijn want hij loopt door en door en door')).toBeUndefined();
  });
});

describe('detectHeadings', () => {
  const jaarverslag = corpusDocument('001');

  it('finds numbered headings of corpus/001 with their level from the outline number', () => {
    expect(heading(jaarverslag, '3.3.4 Klachten en meldingen')).toMatchObject({ number: '3.3.4', level: 3, minor: false });
    expect(heading(jaarverslag, '6.6.2 Lasten')).toMatchObject({ number: '6.6.2', level: 3, minor: false });
  });

  it('takes "Bijlage 1. Deelopdrachten" for a chapter and upper-case titles for minor headings', () => {
    expect(heading(jaarverslag, 'Bijlage 1. Deelopdrachten')).toMatchObject({ level: 1, minor: false });
    expect(heading(jaarverslag, 'KERNCIJFERS Personeel')).toMatchObject({ minor: true });
  });

  it('takes an item that heads its own paragraph for a minor heading ("44. Pilot Buurtpreventiecoach …")', () => {
    expect(heading(jaarverslag, '44. Pilot Buurtpreventiecoach Schildersbuurt (nieuw in 2022)')).toMatchObject({ minor: true });
  });

  it('keeps the items of a running numbered list in the list, also when an item wraps onto the next line', () => {
    const uitvraag = corpusDocument('000');
    const titles = headingsOf(uitvraag).map((found) => found.title);
    expect(titles.filter((title) => /^[1-6]\. /.test(title) && /Inwoners|inwoner|Jeugd|Gezinnen|Kwetsbare|eigen kracht/.test(title))).toEqual([]);
  });

  it('takes a short title line between paragraphs for a minor heading ("Agressie incidenten")', () => {
    expect(heading(jaarverslag, 'Agressie incidenten')).toMatchObject({ minor: true });
  });

  it('never starts a heading of any corpus document with an amount', () => {
    const headings = corpusDocuments().flatMap(headingsOf);
    expect(headings.length).toBeGreaterThan(150);
    const amounts = headings.filter((found) => /^[-–€\s]*\d{1,3}(?:\.\d{3})+\b/.test(found.title));
    expect(amounts.map((found) => found.title)).toEqual([]);
  });

  it('takes Markdown headings of corpus/004 as headings, numbered ones at their outline level', () => {
    const rapport = corpusDocument('004');
    expect(heading(rapport, 'Een eigen governancestructuur voor drie soorten opdrachten')).toMatchObject({ level: 1, minor: false });
    expect(heading(rapport, '2.2 De gemeente en WIJ Groningen overleggen regelmatig op verschillende niveaus over de voortgang van de opdracht')).toMatchObject({ level: 2, minor: false });
    // "### 1.3 Leeswijzer" is marked up one level too deep; the number decides.
    expect(heading(rapport, '1.3 Leeswijzer')).toMatchObject({ number: '1.3', level: 2 });
  });
});
