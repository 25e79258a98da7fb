import { describe, expect, it } from 'vitest';
import { areaNouns } from '../../../ingest/registers/area-names.js';
import type { Passage, RegisterRow } from '../../../ingest/types.js';
import { finishAnswer } from '../../../server/answer/compose.js';
import { DEFAULT_GATE, GATE_FEATURES, type GateModel, type GateVector } from '../../../server/answer/gate-model.js';
import { registerMode, registerTable } from '../../../server/answer/register-answer.js';
import type { AskResponse } from '../../../server/answer/types.js';
import { mergeDeelopdrachten } from '../../../server/registers/merge-deelopdrachten.js';
import { figure, spanOf } from '../../ingest/registers/synthetic-rows.js';
import { passage, questionContext, WORDS } from '../../support/answer-parts.js';

const table = passage('Zwemles Zuidoost 2031 14.000 12.500\nTaalcafé Zuidoost 2031 8.000 8.000\nZwemles Noordwest 2030 9.000 9.000', { kind: 'table' });
const prose = passage('Het zwembad in Zuidoost geeft les aan kinderen; de taalcafés trekken volwassenen.');
const rowOf = (source: Passage) => (name: string, year: number, granted: string, spent: string, area: string | null = null): RegisterRow => ({
  kind: 'deelopdrachten', documentId: source.documentId, number: null, name, period: String(year), year, area,
  granted: figure(source, granted, 'Toegekend'), spent: figure(source, spent, 'Besteed'), toReceive: null, toSettle: null, source: spanOf(source, name),
});
const row = rowOf(table);
const lines = mergeDeelopdrachten([row('Zwemles Zuidoost', 2031, '14.000', '12.500'), row('Taalcafé Zuidoost', 2031, '8.000', '8.000'), row('Zwemles Noordwest', 2030, '9.000', '9.000')]);

function answerFor(question: string, shown?: ReadonlySet<string>, register = lines, passages = [table, prose]) {
  const context = questionContext(question, passages);
  const mode = registerMode(context.analysis, WORDS.registerNouns);
  if (!mode) return undefined;
  return registerTable({
    analysis: context.analysis, subject: context.subject, nouns: WORDS.registerNouns, verbs: WORDS.listVerbs, areaNouns: areaNouns(), lines: register,
    passage: (id) => passages.find((p) => p.id === id), firstNumber: 3, mode, ...(shown ? { shown } : {}),
  });
}

describe('registerTable', () => {
  it('answers a list question naming the register\'s items with its lines for the asked year, each cited to its row', () => {
    const answer = answerFor('Welke deelopdrachten liepen er in 2031?');
    expect(answer?.table.rows.map((r) => r.label)).toEqual(['Taalcafé Zuidoost', 'Zwemles Zuidoost']);
    expect(answer?.table.rows[1]?.cells.map((c) => c.text)).toEqual(['', '14.000', '12.500']);
    expect(answer?.citations.map((c) => [c.n, c.quote])).toEqual([[3, 'Taalcafé Zuidoost'], [4, 'Zwemles Zuidoost']]);
    for (const citation of answer?.citations ?? []) expect(citation.text.includes(citation.quote)).toBe(true);
  });

  it('answers the English question the same way', () => {
    expect(answerFor('Which sub-assignments ran in 2031?')?.table.rows.map((r) => r.label)).toEqual(['Taalcafé Zuidoost', 'Zwemles Zuidoost']);
  });

  it('narrows to the lines whose name holds the question\'s subject, and gives none when no line does', () => {
    expect(answerFor('Welke deelopdrachten gaan over zwemles?')?.table.rows.map((r) => r.label)).toEqual(['Zwemles Noordwest', 'Zwemles Zuidoost']);
    expect(answerFor('Welke deelopdrachten gaan over schuldhulp?')).toBeUndefined();
  });

  it('answers a money question that names an item by its full name with that item\'s line, for the asked year', () => {
    expect(answerFor('Hoeveel geld kreeg de deelopdracht Zwemles Zuidoost?')?.table.rows.map((r) => r.label)).toEqual(['Zwemles Zuidoost']);
    expect(answerFor('Hoeveel geld kreeg Zwemles Noordwest in 2030?')?.table.rows.map((r) => r.label)).toEqual(['Zwemles Noordwest']);
    expect(answerFor('Hoeveel geld kreeg Zwemles Noordwest in 2031?')).toBeUndefined();
    expect(answerFor('Hoeveel geld ging naar zwemles?')).toBeUndefined();
    // The answer's own table already shows the item's row: no register line repeats it.
    expect(answerFor('Hoeveel geld kreeg Zwemles Noordwest in 2030?', new Set(['Zwemles Noordwest **']))).toBeUndefined();
  });

  it('is not used for questions that neither list the items nor ask for money', () => {
    expect(answerFor('Wanneer begon Zwemles Zuidoost?')).toBeUndefined();
    expect(answerFor('Welke zwemlessen waren er in 2031?')).toBeUndefined();
  });
});

// A made-up town's register: areas given by the extractor, names that share words.
const annex = passage(
  'Samen Opgroeien Kreekrug Huiskamer 2031 5.000 5.000\nSamen Opgroeien Kreekrug Coördinatie 2031 7.000 7.000\nSamen Opgroeien Hofstede 2031 6.000 6.000\n' +
    'Inzet buurtwerker Molenwijk 2031 4.000 4.000\nInzet buurtwerker Hofstede 2031 3.000 3.000\nZwemles voor kinderen 2031 2.000 2.000\nInzet taalcoach 2031 1.000 1.000',
  { kind: 'table' },
);
const described = passage('3. Zwemles voor kinderen\nKinderen uit Hofstede leren er zwemmen.');
const town = rowOf(annex);
const townLines = mergeDeelopdrachten([
  town('Samen Opgroeien Kreekrug Huiskamer', 2031, '5.000', '5.000', 'Kreekrug'), town('Samen Opgroeien Kreekrug Coördinatie', 2031, '7.000', '7.000', 'Kreekrug'),
  town('Samen Opgroeien Hofstede', 2031, '6.000', '6.000', 'Hofstede'), town('Inzet buurtwerker Molenwijk', 2031, '4.000', '4.000', 'Molenwijk'),
  town('Inzet buurtwerker Hofstede', 2031, '3.000', '3.000', 'Hofstede'), town('Zwemles voor kinderen', 2031, '2.000', '2.000'),
  town('Inzet taalcoach', 2031, '1.000', '1.000'),
  {
    kind: 'deelopdrachten', documentId: described.documentId, number: null, name: 'Zwemles voor kinderen', period: null, year: null, area: 'Hofstede',
    granted: null, spent: null, toReceive: null, toSettle: null, source: spanOf(described, '3. Zwemles voor kinderen'),
  },
]);
const townAnswer = (question: string) => answerFor(question, undefined, townLines, [annex, described]);

describe('registerTable with areas', () => {
  it('answers a list question naming an area with the lines of that area, by their area field or their name', () => {
    expect(townAnswer('Welke deelopdrachten lopen er in Hofstede?')?.table.rows.map((r) => r.label)).toEqual(['Inzet buurtwerker Hofstede', 'Samen Opgroeien Hofstede', 'Zwemles voor kinderen']);
    expect(townAnswer('Welke deelopdrachten lopen er in de wijk Kreekrug?')?.table.rows.map((r) => r.label)).toEqual(['Samen Opgroeien Kreekrug Coördinatie', 'Samen Opgroeien Kreekrug Huiskamer']);
    const cited = townAnswer('Welke deelopdrachten lopen er in Molenwijk?');
    expect(cited?.citations.map((c) => c.quote)).toEqual(['Inzet buurtwerker Molenwijk']);
  });

  it('cites a line that fits by its area alone where its area was read (the description), not its name', () => {
    const answer = townAnswer('Welke deelopdrachten lopen er in Hofstede?');
    const swimming = answer?.table.rows.findIndex((r) => r.label === 'Zwemles voor kinderen') ?? -1;
    expect(answer?.citations[swimming]).toMatchObject({ quote: '3. Zwemles voor kinderen' });
    expect(answer?.citations[swimming]?.text).toContain('Hofstede');
  });

  it('gives no register lines when no line is in the asked area', () => {
    expect(townAnswer('Welke deelopdrachten lopen er in Zandpol?')).toBeUndefined();
  });
});

describe('registerTable for a money question naming an item in part', () => {
  it('answers from the one line the question\'s rare name words pick out', () => {
    expect(townAnswer('Hoeveel kreeg de buurtwerker in Molenwijk in 2031?')?.table.rows.map((r) => r.label)).toEqual(['Inzet buurtwerker Molenwijk']);
    expect(townAnswer('Hoeveel geld ging naar de taalcoach?')?.table.rows.map((r) => r.label)).toEqual(['Inzet taalcoach']);
  });

  it('leaves the question alone when the words fit several lines about as well, or too little of any name', () => {
    expect(townAnswer('Hoeveel kreeg Samen Opgroeien Kreekrug?')).toBeUndefined();
    expect(townAnswer('Hoeveel kreeg de buurtwerker?')).toBeUndefined();
    expect(townAnswer('Hoeveel kregen de kinderen?')).toBeUndefined();
    // A count that is not of money ("Hoeveel … bereikte …") is no register question at all.
    expect(townAnswer('Hoeveel kinderen bereikte de buurtwerker in Molenwijk?')).toBeUndefined();
  });
});

describe('finishAnswer for a question the register answers', () => {
  const response = (answer: string) => ({ status: 'answered' as const, answerType: 'list' as const, answer, citations: [], passages: [], query: { rules: [] } as unknown as AskResponse['query'] });
  const x = Object.fromEntries(GATE_FEATURES.map((f) => [f, 0])) as GateVector;
  const draft = { answered: response('quotes and register'), refused: { ...response('niet gevonden'), status: 'not_found' as const }, registerOnly: response('register'), gate: { x, accept: 'register-list' as const } };
  const model = (bias: number): GateModel => ({ ...DEFAULT_GATE, bias, weights: Object.fromEntries(GATE_FEATURES.map((f) => [f, 0])) as GateVector });

  it('keeps the quotes beside the register where the support model would, and gives the register alone where it would not', () => {
    expect(finishAnswer(draft, model(-10)).response.answer).toBe('quotes and register');
    expect(finishAnswer(draft, model(10)).response.answer).toBe('register');
    expect(finishAnswer(draft, model(10)).verdict.rule).toBe('register-list');
  });

  it('still refuses when a hard rule does', () => {
    expect(finishAnswer({ ...draft, gate: { ...draft.gate, rule: 'unknown-name' } }, model(-10)).response.status).toBe('not_found');
  });
});
