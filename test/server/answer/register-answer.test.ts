import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../ingest/types.js';
import { finishAnswer } from '../../../server/answer/compose.js';
import { DEFAULT_GATE, GATE_FEATURES, type GateModel, type GateVector } from '../../../server/answer/gate-model.js';
import { registerMode, registerTable } from '../../../server/answer/register-answer.js';
import type { AskResponse } from '../../../server/answer/types.js';
import { mergeDeelopdrachten } from '../../../server/registers/merge-deelopdrachten.js';
import { figure, spanOf } from '../../ingest/registers/synthetic-rows.js';
import { passage, questionContext, WORDS } from '../../support/answer-parts.js';

const table = passage('Zwemles Zuidoost 2031 14.000 12.500\nTaalcafé Zuidoost 2031 8.000 8.000\nZwemles Noordwest 2030 9.000 9.000', { kind: 'table' });
const prose = passage('Het zwembad in Zuidoost geeft les aan kinderen; de taalcafés trekken volwassenen.');
const row = (name: string, year: number, granted: string, spent: string): RegisterRow => ({
  kind: 'deelopdrachten', documentId: table.documentId, number: null, name, period: String(year), year, area: null,
  granted: figure(table, granted, 'Toegekend'), spent: figure(table, spent, 'Besteed'), toReceive: null, toSettle: null, source: spanOf(table, name),
});
const lines = mergeDeelopdrachten([row('Zwemles Zuidoost', 2031, '14.000', '12.500'), row('Taalcafé Zuidoost', 2031, '8.000', '8.000'), row('Zwemles Noordwest', 2030, '9.000', '9.000')]);

function answerFor(question: string, shown?: ReadonlySet<string>) {
  const context = questionContext(question, [table, prose]);
  const mode = registerMode(context.analysis, WORDS.registerNouns);
  if (!mode) return undefined;
  return registerTable({ analysis: context.analysis, subject: context.subject, nouns: WORDS.registerNouns, verbs: WORDS.listVerbs, lines, passage: (id) => [table, prose].find((p) => p.id === id), firstNumber: 3, mode, ...(shown ? { shown } : {}) });
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
