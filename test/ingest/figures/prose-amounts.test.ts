import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../ingest/figures/prose-amounts.js';

const values = (text: string, money = false) => findAmounts(text, money).map((amount) => [amount.text, amount.value]);

describe('findAmounts', () => {
  it('reads amounts written with a euro sign before or after, with a scale word, the Dutch way', () => {
    expect(values('Er is € 31.642.000 toegekend, €4,89 miljoen besteed, 18.320€ en 662.750 euro over.')).toEqual([
      ['€ 31.642.000', 31_642_000], ['€4,89 miljoen', 4_890_000], ['18.320€', 18_320], ['662.750 euro', 662_750],
    ]);
  });

  it('reads bare millions only in a sentence about money, each of a list once', () => {
    const text = 'een bezuiniging van 1,655 miljoen in 2020, 2,540 miljoen in 2021 en 3,940 miljoen vanaf 2022';
    expect(values(text)).toEqual([]);
    expect(values(text, true)).toEqual([['1,655 miljoen', 1_655_000], ['2,540 miljoen', 2_540_000], ['3,940 miljoen', 3_940_000]]);
  });

  it('does not take a year before an amount for an amount', () => {
    expect(values('Begroting 2024 € 1.200 en saldo 2023 € 900')).toEqual([['€ 1.200', 1200], ['€ 900', 900]]);
  });
});
