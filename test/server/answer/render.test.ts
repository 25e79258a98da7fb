import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { directAnswer, renderAnswer } from '../../../server/answer/render.js';
import { RULES, RuleTrace } from '../../../server/answer/rules.js';
import { citationsValid } from '../../eval/score.js';
import type { ScoredSentence } from '../../../server/answer/features.js';
import { passage, scored } from '../../support/answer-parts.js';

describe('renderAnswer', () => {
  const first = passage('Inleiding. Het fonds groeide tot € 81.000 in 2023. Dat was [2] meer.', { documentId: 'verslag', title: 'Verslag', date: '2024-03-01' });
  const second = passage('Het bestuur bevestigt het bedrag.', { documentId: 'brief', title: 'Brief' });
  const all = scored('Hoe groot was het fonds in 2023?', [first, second]);
  const figure = all.find((s) => s.text.startsWith('Het fonds'))!;
  const other = all.find((s) => s.text.startsWith('Het bestuur'))!;

  it('opens with the direct answer in bold and gives its offsets in the citation', () => {
    const value = figure.values.find((v) => v.kind === 'amount')!;
    const { answer, citations } = renderAnswer([figure], 'nl', { direct: [{ sentence: figure, value }] });
    expect(answer.split('\n')[0]).toBe('**€ 81.000** [1]');
    const span = citations[0]!.answerSpan!;
    expect(citations[0]!.text.slice(span.start, span.end)).toBe('€ 81.000');
    expect(citationsValid(answer, citations)).toBe(true);
  });

  it('quotes verbatim, groups by document with its source, and softens brackets inside quotes', () => {
    const tail = all.find((s) => s.text.startsWith('Dat was'))!;
    const { answer, citations } = renderAnswer([figure, tail, other], 'nl');
    expect(answer).toContain('- *Verslag* (1 maart 2024): “Het fonds groeide tot € 81.000 in 2023.” [1] “Dat was (2) meer.” [2]');
    expect(answer).toContain('- *Brief* (2023): “Het bestuur bevestigt het bedrag.” [3]');
    expect(citations.map((c) => c.quote)).toEqual(['Het fonds groeide tot € 81.000 in 2023.', 'Dat was [2] meer.', 'Het bestuur bevestigt het bedrag.']);
    expect(citationsValid(answer, citations)).toBe(true);
  });
});

describe('directAnswer', () => {
  const unit = (main: ScoredSentence) => ({ main, before: [], after: [] });

  it('opens with the value of the asked type that stands next to the question’s subject', () => {
    const sentences = scored('Hoeveel subsidie kreeg het buurthuis in 2023?', [passage('Het buurthuis kreeg in 2023 een subsidie van € 42.000.')]);
    expect(directAnswer(sentences.map(unit))?.value.text).toBe('€ 42.000');
  });

  it('gives no direct answer from a value with none of the subject’s words near it', () => {
    const text = 'Het buurthuis draait volledig op de inzet van vrijwilligers uit de wijk. De bus naar het centrum stopt er elke dag 12 keer, aan de overkant van het plein bij halte Noord.';
    const sentences = scored('Hoeveel vrijwilligers heeft het buurthuis?', [passage(text)]);
    const bus = sentences.find((s) => s.text.startsWith('De bus'));
    expect(bus?.answerValue?.text).toBe('12 keer');
    expect(bus?.features.anchored).toBe(0);
    expect(directAnswer(sentences.map(unit))).toBeUndefined();
  });
});

describe('the rule registry', () => {
  const dir = fileURLToPath(new URL('../../../server/answer/', import.meta.url));
  const source = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'rules.ts').map((f) => readFileSync(`${dir}${f}`, 'utf8')).join('\n');

  it('names every rule the pipeline records, and every rule it names is recorded somewhere', () => {
    const noted = new Set([...source.matchAll(/note\('([a-z-]+)'\)/g)].map((m) => m[1] as string));
    for (const rule of noted) expect(Object.keys(RULES), rule).toContain(rule);
    const gateRules = ['no-passages', 'unknown-name', 'unknown-subject', 'year-not-covered', 'support-model'];
    for (const rule of Object.keys(RULES)) expect(noted.has(rule) || gateRules.includes(rule) || source.includes(`'${rule}'`), rule).toBe(true);
  });

  it('keeps each fired rule once, in order', () => {
    const trace = new RuleTrace();
    trace.note('best-first');
    trace.note('list-items');
    trace.note('best-first');
    expect(trace.list()).toEqual(['best-first', 'list-items']);
  });
});
