import { describe, expect, it } from 'vitest';
import { extractMandates, passageMandates } from '../../../ingest/registers/mandates.js';
import type { Passage, RegisterRow } from '../../../ingest/types.js';

type MandateRow = Extract<RegisterRow, { kind: 'mandates' }>;

function passage(text: string, extra: Partial<Passage> = {}): Passage {
  return {
    id: `doc#${extra.ordinal ?? 0}`, documentId: 'doc', source: 'doc.txt', title: 'Synthetisch', docType: 'raadsvoorstel', date: null,
    year: 2024, organisation: null, page: 3, pageLabel: '3', section: [], ordinal: 0, kind: 'text', start: 0, end: text.length,
    cleanStart: 0, cleanEnd: text.length, text, ...extra,
  };
}

const pairs = (rows: MandateRow[]) => rows.map((r) => [r.actor, r.power]);

describe('passageMandates', () => {
  it('reads an active sentence as subject → verb → object', () => {
    const [row] = passageMandates(passage('De burgemeester benoemt de leden van de adviescommissie parkeren.'));
    expect(row).toMatchObject({ actor: 'burgemeester', power: 'benoemt', object: 'de leden van de adviescommissie parkeren' });
  });

  it('takes the agent of a passive, wherever it stands, and its subject as the object', () => {
    expect(passageMandates(passage('Het parkeerbeleid wordt door het college vastgesteld.'))).toMatchObject([{ actor: 'college', power: 'stelt vast', object: 'Het parkeerbeleid' }]);
    expect(passageMandates(passage("De nota 'Fietsstad', vastgesteld door de gemeenteraad in mei 2020."))).toMatchObject([{ actor: 'raad', power: 'stelt vast', object: "De nota 'Fietsstad'" }]);
  });

  it('joins a separable verb around its object', () => {
    const [row] = passageMandates(passage('De raad stelt jaarlijks de begroting van de veiligheidsregio vast.'));
    expect(row).toMatchObject({ actor: 'raad', power: 'stelt vast' });
    expect(row?.object).toContain('de begroting van de veiligheidsregio');
  });

  it('finds the subject after the verb when the sentence opens with a time', () => {
    expect(pairs(passageMandates(passage('In maart 2024 besloot de wethouder om de subsidie voor het buurthuis te verlengen.')))).toEqual([['wethouder', 'besluit']]);
  });

  it('gives a power noun to its owner, not to the body it is about', () => {
    const rows = passageMandates(passage('De directeur-bestuurder kan de begroting niet wijzigen zonder goedkeuring van de raad van toezicht.'));
    expect(pairs(rows)).toEqual([['raad van toezicht', 'keurt goed']]);
  });

  it('never makes a body after a preposition the actor', () => {
    expect(passageMandates(passage('Het plan is samen met de gemeente vastgesteld.'))).toEqual([]);
    expect(passageMandates(passage('Wij hebben samen met de ondernemingsraad vastgesteld dat de werkdruk hoog is.'))).toEqual([]);
  });

  it('names both bodies of a joint subject and reads supervision and competence', () => {
    expect(pairs(passageMandates(passage('De ondernemingsraad en de cliëntenraad hebben adviesrecht over de reorganisatie.')))).toEqual([
      ['ondernemingsraad', 'heeft medezeggenschap'], ['cliëntenraad', 'heeft medezeggenschap'],
    ]);
    expect(pairs(passageMandates(passage('De raad van toezicht houdt toezicht op het beleid van de raad van bestuur.')))).toEqual([['raad van toezicht', 'houdt toezicht']]);
    expect(pairs(passageMandates(passage('Het college is bevoegd om de subsidie in te trekken.')))).toEqual([['college', 'is bevoegd']]);
  });

  it('reads the bodies of a joint arrangement and a decision named by its adjective', () => {
    expect(pairs(passageMandates(passage('De begroting is binnen de door het Algemeen Bestuur vastgestelde kaders gebleven.')))).toEqual([['algemeen bestuur', 'stelt vast']]);
    expect(pairs(passageMandates(passage('Het Dagelijks Bestuur keurt het jaarplan goed.')))).toEqual([['dagelijks bestuur', 'keurt goed']]);
  });

  it('gives an agent only to the power nearest it', () => {
    expect(pairs(passageMandates(passage('Bij de kaderstelling letten wij op eerdere besluitvorming door de gemeenteraad.')))).toEqual([['raad', 'besluit']]);
  });

  it('takes no mandate from a yes/no question without a question mark, from a proposal or from an opinion', () => {
    expect(passageMandates(passage('De gemeente en de stichting zijn van mening dat het goed is om een sociaal plan vast te stellen.'))).toEqual([]);
    expect(passageMandates(passage('- Deelt het college de mening dat de raad hierover besluit;\n- En kan het college toezeggen dat de raad de kaders vaststelt.'))).toEqual([]);
    expect(passageMandates(passage('De wethouder meldt dat wordt voorgesteld in te stemmen met de begroting.'))).toEqual([]);
  });

  it('ignores sentences without a body or without a power, and questions', () => {
    expect(passageMandates(passage('Het besluit over de verbouwing is uitgesteld.'))).toEqual([]);
    expect(passageMandates(passage('De raad vergaderde op dinsdag in het stadhuis.'))).toEqual([]);
    expect(passageMandates(passage('Wie benoemt de raad van toezicht?'))).toEqual([]);
    expect(passageMandates(passage('Het advies van de Raad van State werd besproken.'))).toEqual([]);
  });

  it('cites the sentence as a span of the passage text, with its page', () => {
    const text = 'Eerst een inleiding. Het college benoemt de secretaris.';
    const [row] = passageMandates(passage(text));
    expect(row?.source).toEqual({ passageId: 'doc#0', documentId: 'doc', page: 3, start: 21, end: text.length, text: 'Het college benoemt de secretaris.' });
  });
});

describe('extractMandates', () => {
  it('reads a bare "de raad" as the body its chapter is about', () => {
    const passages = [
      passage('5 Verslag van de raad van toezicht\nDe raad keurt de jaarrekening goed.', { ordinal: 0, section: ['5 Verslag van de raad van toezicht'] }),
      passage('De raad benoemt de accountant.', { id: 'doc#1', ordinal: 1, section: ['5.2 Werkzaamheden'] }),
      passage('De raad stelt de verordening vast.', { id: 'doc#2', ordinal: 2, section: ['6 Raadsbesluit'] }),
    ];
    expect(pairs(extractMandates(passages, 'doc') as MandateRow[])).toEqual([
      ['raad van toezicht', 'keurt goed'], ['raad van toezicht', 'benoemt'], ['raad', 'stelt vast'],
    ]);
  });

  it('keeps to the passages of the document it is asked for', () => {
    const other = passage('Het college benoemt de secretaris.', { documentId: 'other', id: 'other#0' });
    expect(extractMandates([other], 'doc')).toEqual([]);
  });
});
