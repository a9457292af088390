import {
  addDays,
  addMonths,
  compareDates,
  jakartaDateOf,
  parseLocalDate,
  startOfJakartaDay,
  toJakartaIso,
} from '../../../domain';

describe('parseLocalDate', () => {
  it.each([
    ['2025-11-21', { year: 2025, month: 11, day: 21 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0050-01-01', { year: 50, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('%s', (date, expected) => {
    expect(parseLocalDate(date)).toEqual(expected);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-01',
    '21-11-2025',
    '2025-11-21T00:00:00',
    '',
  ])('rejects %j', (date) => {
    expect(() => parseLocalDate(date)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-11-21', 7, '2025-11-28'],
    ['2025-11-28', 7, '2025-12-05'],
    ['2025-12-28', 7, '2026-01-04'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-05-21', 1, '2026-05-22'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-11-21', 0, '2025-11-21'],
    ['2025-01-01', 365, '2026-01-01'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects fractional days and dates past year 9999', () => {
    expect(() => addDays('2025-11-21', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-11-21', 6, '2026-05-21'],
    ['2025-11-01', 1, '2025-12-01'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-21', 0, '2025-11-21'],
    ['2025-08-31', 6, '2026-02-28'],
    ['0050-01-31', 1, '0050-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects fractional months', () => {
    expect(() => addMonths('2025-11-21', 0.5)).toThrow(RangeError);
  });
});

describe('Jakarta days (UTC+7)', () => {
  it.each([
    ['2025-11-20T16:59:59.999Z', '2025-11-20'],
    ['2025-11-20T17:00:00.000Z', '2025-11-21'],
    ['2025-12-31T17:00:00.000Z', '2026-01-01'],
    ['2025-11-21T06:34:28.000Z', '2025-11-21'],
  ])('%s falls on %s in Jakarta', (instant, expected) => {
    expect(jakartaDateOf(new Date(instant))).toBe(expected);
  });

  it('starts a Jakarta day at 17:00 UTC the day before', () => {
    expect(startOfJakartaDay('2025-11-21').toISOString()).toBe('2025-11-20T17:00:00.000Z');
    expect(jakartaDateOf(startOfJakartaDay('2026-01-01'))).toBe('2026-01-01');
  });

  it('prints an instant with the +07:00 offset', () => {
    expect(toJakartaIso(new Date('2025-10-27T06:34:28Z'))).toBe('2025-10-27T13:34:28+07:00');
    expect(toJakartaIso(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01T03:00:00+07:00');
  });
});

describe('compareDates', () => {
  it.each([
    ['2025-11-21', '2025-11-28', -1],
    ['2025-11-28', '2025-11-21', 1],
    ['2025-11-21', '2025-11-21', 0],
    ['2025-12-31', '2026-01-01', -1],
  ])('compare(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });
});
