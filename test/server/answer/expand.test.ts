import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../ingest/types.js';
import { antecedent, continuations, itemName, itemRow, listItems, rowLabel, sameLabelRows, tableSiblings, totalsRows, type EvidenceSource } from '../../../server/answer/expand.js';
import { createEvidenceSource } from '../../../server/answer/evidence-source.js';
import { sentencesOfPassage } from '../../../server/answer/passage-sentences.js';
import { passage, questionContext, scored, WORDS } from '../../support/answer-parts.js';

const find = <T extends { text: string }>(all: T[], start: string): T | undefined => all.find((s) => s.text.startsWith(start));

function sourceOf(passages: Passage[]): EvidenceSource {
  return createEvidenceSource((id) => passages.filter((p) => p.documentId === id));
}

describe('antecedent and continuations', () => {
  const text = 'De wijkteams hielpen 812 gezinnen. Hiervan woonden 120 gezinnen in Noord. Dit is meer dan verwacht. Het weer was goed.';
  const all = scored('Hoeveel gezinnen in Noord?', [passage(text)]);

  it('quotes the sentence a referring sentence leans on', () => {
    expect(antecedent(find(all, 'Hiervan')!, all, WORDS.anaphora)?.text).toBe('De wijkteams hielpen 812 gezinnen.');
    expect(antecedent(find(all, 'De wijkteams')!, all, WORDS.anaphora)).toBeUndefined();
  });

  it('follows the sentences that lean on a chosen one, and stops at one that does not', () => {
    expect(continuations(find(all, 'De wijkteams')!, all, WORDS.anaphora).map((s) => s.text)).toEqual(['Hiervan woonden 120 gezinnen in Noord.', 'Dit is meer dan verwacht.']);
  });
});

describe('listItems', () => {
  it('gives the items a lead-in announces and stops at the sentence after the list', () => {
    const text = 'De stichting kent drie doelen:\n- minder armoede;\n- meer werk;\n- betere huizen.\nVerder is er een nieuwe website.';
    const all = scored('Welke doelen kent de stichting?', [passage(text)]);
    expect(listItems(find(all, 'De stichting kent')!, () => []).map((s) => s.text)).toEqual(['- minder armoede;', '- meer werk;', '- betere huizen.']);
  });

  it('goes on into the next passage when the list runs to the end of its passage', () => {
    const first = passage('De stichting kent drie doelen:\n- minder armoede;', { ordinal: 0, documentId: 'plan' });
    const second = passage('- meer werk;\n- betere huizen.\nVerder een website.', { ordinal: 1, documentId: 'plan' });
    const all = scored('Welke doelen kent de stichting?', [first]);
    const next = (p: Passage) => [...sentencesOfPassage(sourceOf([first, second]).next(p)!)];
    expect(listItems(find(all, 'De stichting kent')!, next).map((s) => s.text)).toEqual(['- minder armoede;', '- meer werk;', '- betere huizen.']);
  });
});

describe('table rows', () => {
  const table = passage('2023 2022\nHuur kantoor 120.000 110.000\nHuur opslag 14.000 13.500\nReiskosten 8.000 7.900', { kind: 'table', documentId: 'jaarrekening', ordinal: 3 });
  const balance = passage('2023 2022\nHuur kantoor 120.000 110.000\nDebiteuren 4.000 3.000', { kind: 'table', documentId: 'jaarrekening', ordinal: 7 });

  it('labels a row by its words before the first figure', () => {
    expect(rowLabel('Huur kantoor (incl. btw) 120.000 110.000')).toBe('huur kantoor');
  });

  it('adds the other rows of the table that name the question’s subject', () => {
    const context = questionContext('Wat was de huur in 2023?', [table]);
    const all = scored('Wat was de huur in 2023?', [table]);
    const row = find(all, 'Huur kantoor')!;
    expect(tableSiblings(row, all, context.subject).map((s) => s.text)).toEqual(['Huur opslag 14.000 13.500']);
  });

  it('finds the totals rows of the chosen row’s table', () => {
    const costs = passage('2023 2022\nLonen 100.000 90.000\nSociale lasten 20.000 18.000\nTotale lasten 120.000 108.000', { kind: 'table', documentId: 'jaarrekening', ordinal: 4 });
    const all = scored('Wat kostten de lonen in totaal?', [costs]);
    expect(totalsRows(find(all, 'Lonen')!, all, WORDS.totals).map((s) => s.text)).toEqual(['Totale lasten 120.000 108.000']);
    expect(totalsRows(find(all, 'Lonen')!, all, new Set())).toEqual([]);
  });

  it('finds the rows with the same label in the document’s other tables', () => {
    const all = scored('Wat was de huur van het kantoor?', [table]);
    const rows = sameLabelRows(find(all, 'Huur kantoor')!, sourceOf([table, balance]));
    expect(rows.map((r) => [r.passage.ordinal, r.text])).toEqual([[7, 'Huur kantoor 120.000 110.000']]);
  });

  it('finds the budget row of an item described in a numbered section of its own', () => {
    const description = passage('Het project helpt jongeren aan een stageplek.', { section: ['Bijlage', '12. Stageplekken Oost (nieuw)'], documentId: 'jaarrekening', ordinal: 9 });
    const budget = passage('Project Beschikking Besteed\nStageplekken Oost 40.000€ 38.500€\nTaalcafé 9.000€ 9.000€', { kind: 'table', documentId: 'jaarrekening', ordinal: 11 });
    expect(itemName(description.section)).toBe('stageplekken oost');
    const [about] = sentencesOfPassage(description);
    expect(itemRow(about!, sourceOf([description, budget]))?.text).toBe('Stageplekken Oost 40.000€ 38.500€');
  });
});
