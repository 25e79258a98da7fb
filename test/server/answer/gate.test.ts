import { describe, expect, it } from 'vitest';
import { decide, gateInput, slotFill, unitFeatures, yearsCovered } from '../../../server/answer/gate.js';
import { bootstrapThreshold, DEFAULT_GATE, fitGate, GATE_FEATURES, minimumCostThreshold, parseGateModel, refusalProbability, type GateVector } from '../../../server/answer/gate-model.js';
import type { RankedPassage } from '../../../server/retrieve/retriever.js';
import { passage, questionContext, scored } from '../../support/answer-parts.js';

const vector = (values: Partial<GateVector>): GateVector => ({ ...Object.fromEntries(GATE_FEATURES.map((f) => [f, 0.5])), ...values }) as GateVector;

describe('fitGate', () => {
  it('learns to refuse when the slot is empty and to answer when it is filled, and picks a threshold between them', () => {
    const examples = [
      ...Array.from({ length: 30 }, (_, i) => ({ x: vector({ slot: 0.6 + (i % 5) * 0.08, anchored: 0.7 }), refuse: false })),
      ...Array.from({ length: 8 }, (_, i) => ({ x: vector({ slot: (i % 4) * 0.05, anchored: 0.1 }), refuse: true })),
    ];
    const model = fitGate(examples);
    expect(model.weights.slot).toBeLessThan(0);
    for (const example of examples) expect(refusalProbability(model, example.x) >= model.threshold).toBe(example.refuse);
  });

  it('round-trips through its JSON file and rejects a file without every feature', () => {
    expect(parseGateModel(JSON.stringify(DEFAULT_GATE))).toEqual(DEFAULT_GATE);
    expect(() => parseGateModel(JSON.stringify({ ...DEFAULT_GATE, weights: { slot: 1 } }))).toThrow();
  });
});

describe('the refusal threshold', () => {
  const answerable = [0.1, 0.15, 0.2, 0.25, 0.3].map((p) => ({ p, refuse: false }));
  const unanswerable = [0.7, 0.75, 0.8].map((p) => ({ p, refuse: true }));

  it('lies in the middle of the gap between the classes, not on the edge of the training examples', () => {
    const threshold = minimumCostThreshold([...answerable, ...unanswerable], 2);
    expect(threshold).toBeGreaterThan(0.45);
    expect(threshold).toBeLessThan(0.55);
  });

  it('moves less than the single minimum when an example near the boundary is left out', () => {
    const all = [...answerable, { p: 0.45, refuse: false }, { p: 0.5, refuse: true }, { p: 0.55, refuse: false }, ...unanswerable];
    const without = all.filter((e) => e.p !== 0.55);
    const single = Math.abs(minimumCostThreshold(all, 2) - minimumCostThreshold(without, 2));
    const bagged = Math.abs(bootstrapThreshold(all, 2, 200) - bootstrapThreshold(without, 2, 200));
    expect(bagged).toBeLessThan(single);
  });

  it('is the same for the same examples, and rises when a false refusal costs more', () => {
    const overlapping = [0.3, 0.4, 0.5, 0.6].flatMap((p) => [{ p, refuse: false }, { p: p + 0.05, refuse: true }]);
    expect(bootstrapThreshold(overlapping, 2, 50)).toBe(bootstrapThreshold(overlapping, 2, 50));
    expect(bootstrapThreshold(overlapping, 4, 50)).toBeGreaterThanOrEqual(bootstrapThreshold(overlapping, 0.5, 50));
  });
});

describe('the gate’s hard rules', () => {
  const text = 'De buurtcoaches voerden 2.418 huisbezoeken uit.';
  const passages = [passage(text)];
  const ranked = (): RankedPassage[] => [{ passage: passages[0]!, score: 1, features: { lists: 1, bm25: 1, coverage: 1, heading: 0, document: 0, proximity: 1, numbers: 0, years: 0, intent: 1 } }];

  const covered = new Set([2019, 2020, 2022, 2023]);

  it('refuses a name no document uses and a year later than the documents speak of, whatever the model says', () => {
    const all = scored('Hoeveel huisbezoeken in Amsterdam?', passages);
    const unknown = { ...questionContext('Hoeveel huisbezoeken deden de coaches?', passages).analysis, unknownNames: ['Amsterdam'] };
    expect(gateInput(unknown, all.slice(0, 1), all, ranked(), covered).rule).toBe('unknown-name');
    const later = questionContext('Hoeveel huisbezoeken deden de coaches in 2031?', passages).analysis;
    expect(gateInput(later, all.slice(0, 1), all, ranked(), covered).rule).toBe('year-not-covered');
    expect(decide({ rule: 'unknown-name', x: vector({}) }, { ...DEFAULT_GATE, threshold: 1 })).toEqual({ refuse: true, probability: 1, rule: 'unknown-name' });
  });

  it('refuses a year earlier than the documents speak of, or one they skip, but not a question naming one they cover', () => {
    expect(yearsCovered([2012], covered)).toBe(false);
    expect(yearsCovered([2021], covered)).toBe(false);
    expect(yearsCovered([2021, 2022], covered)).toBe(true);
    expect(yearsCovered([], covered)).toBe(true);
    expect(yearsCovered([2012], new Set())).toBe(true);
    const earlier = questionContext('Hoeveel huisbezoeken deden de coaches in 2012?', passages).analysis;
    const all = scored('Hoeveel huisbezoeken deden de coaches in 2012?', passages);
    expect(gateInput(earlier, all.slice(0, 1), all, ranked(), covered).rule).toBe('year-not-covered');
  });

  it('refuses when nothing was retrieved', () => {
    const analysis = questionContext('Hoeveel huisbezoeken?', passages).analysis;
    expect(gateInput(analysis, [], [], [], covered).rule).toBe('no-passages');
  });
});

describe('slotFill and unitFeatures', () => {
  const passages = [passage('Het college besloot in 2022 tot een nieuw plan. De buurtcoaches voerden 2.418 huisbezoeken uit.')];

  it('is high when one sentence holds a count next to the asked words, low when none does', () => {
    expect(slotFill(scored('Hoeveel huisbezoeken voerden de buurtcoaches uit?', passages))).toBeGreaterThan(0.5);
    expect(slotFill(scored('Hoeveel leden heeft de ondernemingsraad?', passages))).toBe(0);
  });

  it('takes the best of each feature over the unit', () => {
    const all = scored('Hoeveel huisbezoeken voerden de buurtcoaches uit?', passages);
    const unit = unitFeatures(all);
    expect(unit.typed).toBe(Math.max(...all.map((s) => s.features.typed)));
    expect(unit.rank).toBe(all[0]!.features.rank);
  });
});
