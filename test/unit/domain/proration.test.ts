import { monthsUsed, roundToNearest100, unusedCreditIdr } from '../../../domain';

describe('monthsUsed (a started month counts as used)', () => {
  it.each([
    // periodStart, onDate, term, used
    ['2025-11-01', '2025-11-01', 6, 1], // on the period start
    ['2025-11-01', '2025-11-21', 6, 1], // the deck's example
    ['2025-11-01', '2025-11-30', 6, 1], // day before start + 1 month
    ['2025-11-01', '2025-12-01', 6, 2], // start + 1 month
    ['2025-11-01', '2026-03-31', 6, 5],
    ['2025-11-01', '2026-04-01', 6, 6],
    ['2025-11-01', '2026-04-30', 6, 6], // last day of the term
    ['2025-11-01', '2026-05-01', 6, 6], // after the term: capped
    ['2025-11-01', '2030-01-01', 6, 6],
    ['2025-11-21', '2025-11-21', 1, 1],
    ['2025-11-21', '2025-12-20', 1, 1],
    ['2025-11-21', '2025-12-21', 1, 1],
    ['2025-01-15', '2025-12-14', 12, 11],
    ['2025-01-15', '2025-12-15', 12, 12],
    ['2025-01-15', '2026-01-14', 12, 12],
    // month-end clamping: month k starts at start + k months, never drifting after February
    ['2025-01-31', '2025-02-27', 6, 1],
    ['2025-01-31', '2025-02-28', 6, 2],
    ['2025-01-31', '2025-03-28', 6, 2],
    ['2025-01-31', '2025-03-30', 6, 2],
    ['2025-01-31', '2025-03-31', 6, 3],
    ['2025-01-31', '2025-04-29', 6, 3],
    ['2025-01-31', '2025-04-30', 6, 4],
    // leap years
    ['2024-01-31', '2024-02-28', 6, 1],
    ['2024-01-31', '2024-02-29', 6, 2],
    ['2024-02-29', '2024-03-28', 6, 1],
    ['2024-02-29', '2024-03-29', 6, 2],
    ['2024-02-29', '2025-01-28', 12, 11],
    ['2024-02-29', '2025-01-29', 12, 12],
  ])('term from %s, on %s, %i months → %i used', (start, on, term, used) => {
    expect(monthsUsed(start, on, term)).toBe(used);
  });

  it('refuses a date before the period start', () => {
    expect(() => monthsUsed('2025-11-01', '2025-10-31', 6)).toThrow(RangeError);
  });

  it.each([
    ['2025-02-30', '2025-03-01', 6],
    ['2025-11-01', '2025-11-31', 6],
    ['2025-11-01', '2025-11-21', 0],
    ['2025-11-01', '2025-11-21', 1.5],
  ])('rejects start %s, date %s, term %p', (start, on, term) => {
    expect(() => monthsUsed(start, on, term)).toThrow(RangeError);
  });
});

describe('unusedCreditIdr', () => {
  it.each([
    // price, term, used, credit
    [1_210_000, 6, 1, 1_008_333], // the deck: 1.210.000 × 5/6 = 1.008.333,33
    [1_210_000, 6, 5, 201_666],
    [1_210_000, 6, 6, 0],
    [1_210_000, 6, 0, 1_210_000],
    [1_780_000, 6, 1, 1_483_333],
    [1_200_000, 6, 2, 800_000],
    [1_990_000, 12, 5, 1_160_833],
    [2_290_000, 12, 1, 2_099_166],
    [3_890_000, 12, 12, 0],
    [199_000, 1, 1, 0],
  ])('%i over %i months, %i used → %i', (price, term, used, credit) => {
    expect(unusedCreditIdr(price, term, used)).toBe(credit);
  });

  it('stays exact for very large prices', () => {
    const price = 818_796_001_125_911;
    expect(unusedCreditIdr(price, 12, 1)).toBe(Number((BigInt(price) * 11n) / 12n));
  });

  it.each([
    [1_210_000, 6, 7],
    [1_210_000, 6, -1],
    [-1, 6, 1],
    [1_210_000.5, 6, 1],
    [1_210_000, 0, 0],
  ])('rejects price %p, term %p, used %p', (price, term, used) => {
    expect(() => unusedCreditIdr(price, term, used)).toThrow(RangeError);
  });
});

describe('roundToNearest100 (halves up)', () => {
  it.each([
    [771_667, 771_700],
    [771_650, 771_700],
    [771_649, 771_600],
    [771_600, 771_600],
    [0, 0],
    [49, 0],
    [50, 100],
    [99, 100],
    [150, 200],
    [2_729_167, 2_729_200],
    [1_008_333, 1_008_300],
  ])('%i → %i', (amount, expected) => {
    expect(roundToNearest100(amount)).toBe(expected);
  });

  it.each([-1, 10.5])('rejects %p', (amount) => {
    expect(() => roundToNearest100(amount)).toThrow(RangeError);
  });
});
