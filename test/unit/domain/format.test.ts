import {
  formatBillingAppDate,
  formatDottedDate,
  formatLongDate,
  formatRupiah,
  formatRupiahWithSymbol,
} from '../../../domain';

describe('formatRupiah', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [76_475, '76.475'],
    [695_225, '695.225'],
    [771_700, '771.700'],
    [1_008_333, '1.008.333'],
    [1_780_000, '1.780.000'],
    [100_000_000, '100.000.000'],
    [1_000_000_000_000, '1.000.000.000.000'],
    [-1_500, '-1.500'],
    [-100, '-100'],
  ])('%i → %s', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %p', (amount) => {
    expect(() => formatRupiah(amount)).toThrow(RangeError);
  });

  it('prefixes Rp', () => {
    expect(formatRupiahWithSymbol(1_780_000)).toBe('Rp 1.780.000');
  });
});

describe('dates as the deck prints them', () => {
  it.each([
    ['2025-11-21', '21-NOV-25', '21.11.2025', '21 November 2025'],
    ['2025-11-28', '28-NOV-25', '28.11.2025', '28 November 2025'],
    ['2026-03-21', '21-MAR-26', '21.03.2026', '21 Maret 2026'],
    ['2026-05-22', '22-MAY-26', '22.05.2026', '22 Mei 2026'],
    ['2026-01-01', '01-JAN-26', '01.01.2026', '1 Januari 2026'],
    ['2000-02-09', '09-FEB-00', '09.02.2000', '9 Februari 2000'],
    ['2045-08-17', '17-AUG-45', '17.08.2045', '17 Agustus 2045'],
    ['2025-12-31', '31-DEC-25', '31.12.2025', '31 Desember 2025'],
  ])('%s → %s, %s, %s', (date, billingApp, dotted, long) => {
    expect(formatBillingAppDate(date)).toBe(billingApp);
    expect(formatDottedDate(date)).toBe(dotted);
    expect(formatLongDate(date)).toBe(long);
  });

  it('rejects a date that does not exist', () => {
    expect(() => formatBillingAppDate('2025-02-30')).toThrow(RangeError);
    expect(() => formatDottedDate('2025-11-31')).toThrow(RangeError);
    expect(() => formatLongDate('not a date')).toThrow(RangeError);
  });
});
