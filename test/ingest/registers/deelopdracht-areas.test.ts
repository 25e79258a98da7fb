import { describe, expect, it } from 'vitest';
import { extractDeelopdrachten } from '../../../ingest/registers/deelopdrachten.js';
import { foldText } from '../../../ingest/text/fold-text.js';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { corpusDocuments } from '../corpus-passages.js';
import { syntheticPassages } from './synthetic-document.js';

type Deelopdracht = Extract<RegisterRow, { kind: 'deelopdrachten' }>;

const deelopdrachten = (passages: Passage[], documentId: string) =>
  extractDeelopdrachten(passages, documentId).filter((row): row is Deelopdracht => row.kind === 'deelopdrachten');

// A made-up town and made-up neighbourhoods: nothing here is taken from the corpus.
const TOWN = `Jaarverslag 2024 Welzijn Veldhaven

Ons werk in de wijken

We werken in de wijken Noordhoek, Oosthaven en De Weide, en sinds dit jaar ook in het dorp Zandpol.

Bijlage 2. Deelopdrachten

Bedragen in €

Project Toegekend 2024 Besteed 2024

Buurtwerker Noordhoek 12.500 11.000

Taalcafé Oosthaven/De Weide 8.000 8.400

Zomerschool 20.000 15.000

Totaal 40.500 34.400

Toelichting op de deelopdrachten

1. Buurtwerker Noordhoek (2023 – 2025).
De buurtwerker is het eerste aanspreekpunt voor bewoners. Hij werkt samen met de school.

2. Zomerschool (2024).
Kinderen uit Zandpol krijgen in de zomer les. Het programma loopt zes weken.

3. Taalcafé Oosthaven/De Weide.
Volwassenen oefenen er Nederlands. Ook bewoners uit Noordhoek komen, maar dat staat pas in de derde zin.
`;

describe('the area of a deelopdracht', () => {
  const rows = deelopdrachten(syntheticPassages(TOWN, 'town'), 'town');
  const areaOf = (name: string) => rows.filter((row) => row.name.startsWith(name)).map((row) => row.area);

  it('is the learned area name its name mentions, several joined', () => {
    expect(areaOf('Buurtwerker Noordhoek')).toEqual(['Noordhoek', 'Noordhoek']);
    expect(areaOf('Taalcafé')).toEqual(['Oosthaven, De Weide', 'Oosthaven, De Weide']);
  });

  it('is the one its description\'s first sentences mention when its name gives none, and none in a table row', () => {
    expect(areaOf('Zomerschool')).toEqual([null, 'Zandpol']);
  });

  it('is null in a document that names no areas', () => {
    const plain = TOWN.replace(/We werken in de wijken[^\n]*\n/, '').replace(/het dorp Zandpol/, '');
    const plainRows = deelopdrachten(syntheticPassages(plain, 'plain'), 'plain');
    expect(plainRows).toHaveLength(6);
    expect(plainRows.every((row) => row.area === null)).toBe(true);
  });
});

describe('the areas of the shipped corpus', () => {
  const documents = corpusDocuments();
  const rows = documents.flatMap((document) => deelopdrachten(document.passages, document.meta.documentId));
  const passageOf = new Map(documents.flatMap((document) => document.passages.map((p) => [p.id, p] as const)));

  it('gives some rows an area, and each name of every area occurs in the passage the row cites', () => {
    const withArea = rows.filter((row) => row.area !== null);
    expect(withArea.length).toBeGreaterThan(10);
    expect(withArea.length).toBeLessThan(rows.length);
    for (const row of withArea) {
      const text = foldText(passageOf.get(row.source.passageId)?.text ?? '').replace(/\s+/g, ' ');
      for (const name of row.area?.split(', ') ?? []) expect(text, `${row.name}: ${name}`).toContain(foldText(name));
    }
  });
});
