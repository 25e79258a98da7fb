import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../ingest/types.js';
import { createEvidenceSource } from '../../../server/answer/evidence-source.js';
import { scoreCandidates } from '../../../server/answer/features.js';
import { RuleTrace } from '../../../server/answer/rules.js';
import { bestUnit, moreUnits, unitSentences, type SelectionDeps } from '../../../server/answer/select.js';
import { passage, questionContext, scored } from '../../support/answer-parts.js';

function selectionFor(question: string, passages: Passage[]): { deps: SelectionDeps; trace: RuleTrace } {
  const context = questionContext(question, passages);
  const trace = new RuleTrace();
  const deps: SelectionDeps = {
    question: context,
    subject: context.subject,
    source: createEvidenceSource((id) => passages.filter((p) => p.documentId === id)),
    trace,
    score: (sentences, like) => scoreCandidates(context, sentences.map((s) => ({ ...s, rank: like.rank })), 140),
  };
  return { deps, trace };
}

function answerOf(question: string, passages: Passage[]): { quoted: string[]; rules: string[] } {
  const { deps, trace } = selectionFor(question, passages);
  const all = scored(question, passages);
  const first = bestUnit(all, deps);
  const units = first ? moreUnits([first], all, deps) : [];
  return { quoted: units.flatMap(unitSentences).map((s) => s.text), rules: trace.list() };
}

describe('moreUnits', () => {
  it('quotes the other figures of the asked kind that the best sentence’s passage states on the subject', () => {
    const report = passage('In 2023 hielp het wijkteam in de stad 812 gezinnen met schulden. Een jaar eerder waren het 640 gezinnen. Het team verhuisde in de zomer naar een nieuw kantoor.');
    const other = passage('Het wijkteam organiseerde 14 bijeenkomsten in de dorpen.', { documentId: 'nota' });
    const { quoted, rules } = answerOf('Hoeveel gezinnen met schulden hielp het wijkteam in 2023?', [report, other]);
    expect(quoted).toContain('Een jaar eerder waren het 640 gezinnen.');
    expect(quoted).not.toContain('Het team verhuisde in de zomer naar een nieuw kantoor.');
    expect(rules).toContain('passage-figures');
  });

  it('quotes the figures a trend question compares, as it would for a figure question', () => {
    const report = passage('Het aantal gezinnen met schulden dat het wijkteam hielp is gestegen, vooral in de wijken. Het team verhuisde in de zomer naar een nieuw kantoor. In de stad waren het 812 gezinnen, een jaar eerder 640 gezinnen.');
    const { quoted, rules } = answerOf('Is het aantal gezinnen met schulden dat het wijkteam hielp gestegen?', [report]);
    expect(quoted).toContain('In de stad waren het 812 gezinnen, een jaar eerder 640 gezinnen.');
    expect(quoted).not.toContain('Het team verhuisde in de zomer naar een nieuw kantoor.');
    expect(rules.some((rule) => rule === 'more-figures' || rule === 'passage-figures')).toBe(true);
  });

  it('quotes the totals rows of the table when the question asks for a total, and only then', () => {
    const costs = passage('2023 2022\nLonen wijkteams 100.000 90.000\nReiskosten 20.000 18.000\nTotaal personeel 120.000 108.000', { kind: 'table', documentId: 'jaarrekening' });
    const total = answerOf('Wat kostten de lonen van de wijkteams in totaal?', [costs]);
    expect(total.quoted).toContain('Totaal personeel 120.000 108.000');
    expect(total.rules).toContain('table-totals');
    expect(answerOf('Wat kostten de lonen van de wijkteams?', [costs]).rules).not.toContain('table-totals');
  });

  it('quotes the figures a description gives next to the question’s words, not figures about something else', () => {
    const report = passage('De buurtcoaches ondersteunen jongeren die vastlopen op school of thuis. De coaches bereikten dit jaar 96 jongeren in de wijk. Het kantoor kreeg 12 nieuwe bureaus.');
    const { quoted } = answerOf('Wat doen de buurtcoaches voor jongeren?', [report]);
    expect(quoted).toContain('De coaches bereikten dit jaar 96 jongeren in de wijk.');
    expect(quoted).not.toContain('Het kantoor kreeg 12 nieuwe bureaus.');
  });

  it('gives a figure question the other figures next to its words too, such as the cost beside a count', () => {
    const report = passage('In 2023 hielp het wijkteam 812 gezinnen met schulden. Het team verhuisde in de zomer naar een nieuw kantoor. De hulp aan de gezinnen met schulden kostte € 40.000.');
    const { quoted } = answerOf('Hoeveel gezinnen met schulden hielp het wijkteam in 2023?', [report]);
    expect(quoted).toContain('De hulp aan de gezinnen met schulden kostte € 40.000.');
    expect(quoted).not.toContain('Het team verhuisde in de zomer naar een nieuw kantoor.');
  });
});
