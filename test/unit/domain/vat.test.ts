import { splitVatInclusive, VAT_SCHEDULE, type VatRate, vatRateOn } from '../../../domain';

const WITH_HYPOTHETICAL_12: VatRate[] = [...VAT_SCHEDULE, { ratePercent: 12, effectiveFrom: '2027-01-01' }];

describe('vatRateOn', () => {
  it.each([
    ['2010-01-01', 10],
    ['2022-03-31', 10],
    ['2022-04-01', 11],
    ['2025-11-21', 11],
    ['2030-01-01', 11],
  ])('on %s the default schedule charges %i%%', (date, rate) => {
    expect(vatRateOn(date)).toBe(rate);
  });

  it.each([
    ['2025-11-21', 11],
    ['2026-12-31', 11],
    ['2027-01-01', 12],
    ['2028-06-30', 12],
  ])('with a hypothetical 12%% from 2027, on %s: %i%%', (date, rate) => {
    expect(vatRateOn(date, WITH_HYPOTHETICAL_12)).toBe(rate);
  });

  it('does not depend on the order of the schedule', () => {
    const shuffled = [...WITH_HYPOTHETICAL_12].reverse();
    expect(vatRateOn('2022-04-01', shuffled)).toBe(11);
    expect(vatRateOn('2027-01-01', shuffled)).toBe(12);
    expect(vatRateOn('2015-06-01', shuffled)).toBe(10);
  });

  it('refuses a date before any entry, and invalid dates', () => {
    expect(() => vatRateOn('2009-12-31')).toThrow(RangeError);
    expect(() => vatRateOn('2025-02-29')).toThrow(RangeError);
    expect(() => vatRateOn('2025-11-21', [])).toThrow(RangeError);
  });
});

describe('splitVatInclusive', () => {
  it.each([
    // total, rate, base, vat
    [771_700, 11, 695_225, 76_475],
    [1_780_000, 11, 1_603_604, 176_396],
    [1_210_000, 11, 1_090_090, 119_910],
    [111, 11, 100, 11],
    [110, 10, 100, 10],
    [0, 11, 0, 0],
    [1, 11, 1, 0],
    [14, 12, 13, 1], // 14 × 100 / 112 = 12,5 → halves round up
    [100, 0, 100, 0],
  ])('%i at %i%% → base %i + PPN %i', (total, rate, base, vat) => {
    expect(splitVatInclusive(total, rate)).toEqual({ baseIdr: base, vatIdr: vat });
  });

  it('always adds back up to the total', () => {
    for (let total = 0; total <= 5_000; total += 7) {
      const { baseIdr, vatIdr } = splitVatInclusive(total, 11);
      expect(baseIdr + vatIdr).toBe(total);
      expect(Number.isInteger(baseIdr)).toBe(true);
    }
  });

  it.each([
    [-100, 11],
    [100.5, 11],
    [100, -1],
    [100, 11.5],
  ])('rejects total %p at rate %p', (total, rate) => {
    expect(() => splitVatInclusive(total, rate)).toThrow(RangeError);
  });
});
