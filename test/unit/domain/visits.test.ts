import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bookingRefusal,
  formatLongDate,
  formatVisit,
  isVisitSlot,
  isWorkingDay,
  missedReportRefusal,
  passesSwapDeadline,
  reminderAt,
  slotsBetween,
  VISIT_PENDING_CATEGORIES,
  VISIT_PENDING_LABELS,
  VISIT_SLOTS,
  type VisitSlot,
  visitArea,
  visitEnd,
  visitStart,
} from '../../../domain';
import { jakartaDateOf } from '../../../domain/calendar';

describe('slots', () => {
  it('are the four vendor slots, in the order of the day', () => {
    expect(VISIT_SLOTS).toEqual(['08-10', '10-12', '13-15', '15-17']);
  });

  it.each([
    ['08-10', true],
    ['15-17', true],
    ['12-13', false],
    ['8-10', false],
    ['08-10 ', false],
    ['', false],
  ])('isVisitSlot(%j) is %s', (value, expected) => {
    expect(isVisitSlot(value)).toBe(expected);
  });

  it.each([
    ['2025-11-24', '08-10', '2025-11-24T01:00:00.000Z', '2025-11-24T03:00:00.000Z'],
    ['2025-11-24', '10-12', '2025-11-24T03:00:00.000Z', '2025-11-24T05:00:00.000Z'],
    ['2025-11-24', '13-15', '2025-11-24T06:00:00.000Z', '2025-11-24T08:00:00.000Z'],
    ['2025-11-24', '15-17', '2025-11-24T08:00:00.000Z', '2025-11-24T10:00:00.000Z'],
    ['2026-01-01', '08-10', '2026-01-01T01:00:00.000Z', '2026-01-01T03:00:00.000Z'],
    ['2024-02-29', '15-17', '2024-02-29T08:00:00.000Z', '2024-02-29T10:00:00.000Z'],
  ] as const)('%s %s runs %s → %s (UTC)', (date, slot, start, end) => {
    expect(visitStart(date, slot).toISOString()).toBe(start);
    expect(visitEnd(date, slot).toISOString()).toBe(end);
  });

  it('refuses a bad date or slot where one is required', () => {
    expect(() => visitStart('2025-02-30', '08-10')).toThrow(RangeError);
    expect(() => visitEnd('2025-11-24', '09-11' as VisitSlot)).toThrow(RangeError);
    expect(() => formatVisit('2025-11-24', '09-11' as VisitSlot)).toThrow(RangeError);
  });
});

describe('jakartaDateOf', () => {
  it.each([
    ['2025-11-23T16:59:59.999Z', '2025-11-23'],
    ['2025-11-23T17:00:00.000Z', '2025-11-24'],
    ['2025-11-24T00:00:00.000Z', '2025-11-24'],
    ['2025-11-24T16:59:59.999Z', '2025-11-24'],
    ['2025-12-31T17:00:00.000Z', '2026-01-01'],
  ])('%s is %s in Jakarta', (instant, date) => {
    expect(jakartaDateOf(new Date(instant))).toBe(date);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-11-22', true], // Saturday
    ['2025-11-23', false], // Sunday
    ['2025-11-24', true], // Monday
    ['2025-11-28', true], // Friday
    ['2026-01-04', false], // Sunday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('refuses a date that does not exist', () => {
    expect(() => isWorkingDay('2025-02-29')).toThrow(RangeError);
  });
});

describe('bookingRefusal', () => {
  /** Friday 21 November 2025, 10:00 WIB. */
  const now = new Date('2025-11-21T03:00:00Z');
  const refusal = (date: string, slot: string, minLeadHours = 0, at = now) =>
    bookingRefusal({ date, slot, now: at, minLeadHours });

  it.each([
    ['2025-11-24', '08-10', 0],
    ['2025-11-24', '08-10', 24],
    ['2025-11-22', '15-17', 0], // Saturday is a working day
    ['2025-11-21', '13-15', 0], // later today
    ['2025-11-21', '15-17', 3],
  ])('books %s %s with %i h lead', (date, slot, minLeadHours) => {
    expect(refusal(date, slot, minLeadHours)).toBeNull();
  });

  it.each([
    ['2025-02-30', '08-10', 'NOT_A_DATE', '"2025-02-30" is not a calendar date in the form YYYY-MM-DD'],
    ['24-11-2025', '08-10', 'NOT_A_DATE', '"24-11-2025" is not a calendar date in the form YYYY-MM-DD'],
    [
      '2025-11-24T08:00',
      '08-10',
      'NOT_A_DATE',
      '"2025-11-24T08:00" is not a calendar date in the form YYYY-MM-DD',
    ],
    ['', '08-10', 'NOT_A_DATE', '"" is not a calendar date in the form YYYY-MM-DD'],
    [
      '2025-11-24',
      '09-11',
      'NOT_A_SLOT',
      '"09-11" is not a visit slot; slots are 08-10, 10-12, 13-15, 15-17',
    ],
    [
      '2025-11-23',
      '08-10',
      'NOT_A_WORKING_DAY',
      'the slot 08-10 on 2025-11-23 is on a Sunday; visits are Monday to Saturday',
    ],
    [
      '2025-11-21',
      '08-10',
      'IN_THE_PAST',
      'the slot 08-10 on 2025-11-21 has already started; choose a later slot',
    ],
    [
      '2025-11-20',
      '15-17',
      'IN_THE_PAST',
      'the slot 15-17 on 2025-11-20 has already started; choose a later slot',
    ],
  ])('refuses %j %j: %s', (date, slot, reason, message) => {
    expect(refusal(date, slot)).toEqual({ reason, message });
  });

  it('checks the date, then the slot, then the day, then the time', () => {
    expect(refusal('2025-02-30', 'nope')?.reason).toBe('NOT_A_DATE');
    expect(refusal('2025-11-16', 'nope')?.reason).toBe('NOT_A_SLOT'); // a past Sunday
    expect(refusal('2025-11-16', '08-10', 24)?.reason).toBe('NOT_A_WORKING_DAY');
    expect(refusal('2025-11-21', '13-15', 24)?.reason).toBe('TOO_LATE_TO_MOVE');
    expect(refusal('2025-11-21', '10-12', 24)?.reason).toBe('IN_THE_PAST'); // starts right now
  });

  describe('at the edges of the slot and of the lead time', () => {
    const start = visitStart('2025-11-24', '08-10').getTime();
    const at = (ms: number) => new Date(ms);
    const HOUR = 60 * 60 * 1000;

    it.each([
      ['the slot starts now', at(start), 0, 'IN_THE_PAST'],
      ['the slot started a minute ago', at(start + 60_000), 0, 'IN_THE_PAST'],
      ['one millisecond before it starts', at(start - 1), 0, null],
      ['exactly 24 h before', at(start - 24 * HOUR), 24, null],
      ['24 h less a millisecond before', at(start - 24 * HOUR + 1), 24, 'TOO_LATE_TO_MOVE'],
      ['an hour before, with 2 h lead', at(start - HOUR), 2, 'TOO_LATE_TO_MOVE'],
      ['it has started, with 24 h lead', at(start), 24, 'IN_THE_PAST'],
    ])('%s', (_, when, minLeadHours, reason) => {
      expect(refusal('2025-11-24', '08-10', minLeadHours, when)?.reason ?? null).toBe(reason);
    });

    it('names the lead time in the message', () => {
      expect(refusal('2025-11-24', '08-10', 24, at(start - HOUR))?.message).toBe(
        'the slot 08-10 on 2025-11-24 starts in less than 24 hours; a visit can be moved up to 24 hours before it starts',
      );
      expect(refusal('2025-11-24', '08-10', 1, at(start - 1))?.message).toBe(
        'the slot 08-10 on 2025-11-24 starts in less than 1 hour; a visit can be moved up to 1 hour before it starts',
      );
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses minLeadHours %p', (minLeadHours) => {
    expect(() => refusal('2025-11-24', '08-10', minLeadHours)).toThrow(RangeError);
  });

  it('refuses an invalid now', () => {
    expect(() => refusal('2025-11-24', '08-10', 0, new Date('nope'))).toThrow(RangeError);
  });
});

describe('missedReportRefusal: a visit is missed only once its slot has begun', () => {
  /** Monday 24 November 2025, 13-15 WIB = 06:00–08:00 UTC. */
  const visit = { date: '2025-11-24', slot: '13-15' };
  const at = (iso: string) => missedReportRefusal({ ...visit, now: new Date(iso) });

  it.each([
    ['days before', '2025-11-21T03:00:00Z'],
    ['the same morning', '2025-11-24T02:00:00Z'],
    ['a millisecond before the slot', '2025-11-24T05:59:59.999Z'],
  ])('refuses %s, naming the slot', (_, now) => {
    expect(at(now)).toEqual({
      reason: 'VISIT_NOT_STARTED',
      message:
        'the visit booked (13-15 on 2025-11-24) has not started yet; it can be reported missed once its slot has begun',
    });
  });

  it.each([
    ['as the slot begins', '2025-11-24T06:00:00Z'],
    ['during the slot', '2025-11-24T07:30:00Z'],
    ['after the slot', '2025-11-24T09:00:00Z'],
    ['days later', '2025-11-27T03:00:00Z'],
  ])('accepts %s', (_, now) => {
    expect(at(now)).toBeNull();
  });

  it('throws on what is not a slot or an instant', () => {
    expect(() => missedReportRefusal({ date: '2025-11-24', slot: '09-11', now: new Date() })).toThrow(
      RangeError,
    );
    expect(() => missedReportRefusal({ ...visit, now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('passesSwapDeadline: the slot ends after the WO’s dueAt', () => {
  /** Tuesday 25 November 2025, 12:00 WIB. */
  const dueAt = new Date('2025-11-25T05:00:00Z');
  it.each([
    ['2025-11-24', '15-17', false],
    ['2025-11-25', '08-10', false],
    ['2025-11-25', '10-12', false], // ends at the deadline exactly
    ['2025-11-25', '13-15', true],
    ['2025-11-26', '08-10', true],
  ] as const)('%s %s: %s', (date, slot, passes) => {
    expect(passesSwapDeadline(date, slot, dueAt)).toBe(passes);
  });
  it('no deadline: never', () => {
    expect(passesSwapDeadline('2030-01-02', '15-17', null)).toBe(false);
  });
});

describe('reminderAt', () => {
  it.each([
    ['2025-11-24', '2025-11-23T02:00:00.000Z'], // 09:00 WIB on Sunday 23 November
    ['2025-12-01', '2025-11-30T02:00:00.000Z'],
    ['2026-01-01', '2025-12-31T02:00:00.000Z'],
    ['2024-03-01', '2024-02-29T02:00:00.000Z'],
  ])('for a visit on %s: %s', (date, expected) => {
    const at = reminderAt(date);
    expect(at.toISOString()).toBe(expected);
    expect(jakartaDateOf(at)).not.toBe(date);
  });
});

describe('slotsBetween', () => {
  it('lists every slot of each working day in order, skipping Sunday', () => {
    // Saturday 22 → Monday 24 November 2025.
    expect(slotsBetween('2025-11-22', 3)).toEqual([
      { date: '2025-11-22', slot: '08-10' },
      { date: '2025-11-22', slot: '10-12' },
      { date: '2025-11-22', slot: '13-15' },
      { date: '2025-11-22', slot: '15-17' },
      { date: '2025-11-24', slot: '08-10' },
      { date: '2025-11-24', slot: '10-12' },
      { date: '2025-11-24', slot: '13-15' },
      { date: '2025-11-24', slot: '15-17' },
    ]);
  });

  it.each([
    ['2025-11-24', 7, 24], // Monday to Sunday: six working days
    ['2025-11-23', 1, 0], // Sunday alone
    ['2025-11-24', 0, 0],
    ['2025-12-29', 14, 48], // across the new year
  ])('from %s for %i days: %i slots', (from, days, count) => {
    const slots = slotsBetween(from, days);
    expect(slots).toHaveLength(count);
    for (const { date } of slots) expect(isWorkingDay(date)).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(() => slotsBetween('2025-11-24', days)).toThrow(RangeError);
  });

  it('refuses a bad start date even for zero days', () => {
    expect(() => slotsBetween('24-11-2025', 0)).toThrow(RangeError);
  });
});

describe('visitArea', () => {
  it.each([
    ['FAT-JKT-TBT-004', 'JKT'],
    ['FAT-PKU-TNR-012', 'PKU'],
    ['FAT-BDG-SMB-001', 'BDG'],
    ['FAT-TST-001', 'TST'],
    ['fat-jkt-tbt-004', 'JKT'],
    [' FAT-DPS-KTA-001 ', 'DPS'],
    [null, 'DEFAULT'],
    ['', 'DEFAULT'],
    ['FAT-JKT', 'DEFAULT'],
    ['ODC-JKT-001', 'DEFAULT'],
    ['FAT--001', 'DEFAULT'],
    ['FAT-J1-001', 'DEFAULT'],
  ])('%j → %s', (fatCode, area) => {
    expect(visitArea(fatCode)).toBe(area);
  });
});

describe('formatVisit', () => {
  it.each([
    ['2025-11-24', '08-10', 'Senin, 24 November 2025, 08.00–10.00 WIB'],
    ['2025-11-25', '10-12', 'Selasa, 25 November 2025, 10.00–12.00 WIB'],
    ['2025-11-26', '13-15', 'Rabu, 26 November 2025, 13.00–15.00 WIB'],
    ['2025-11-27', '15-17', 'Kamis, 27 November 2025, 15.00–17.00 WIB'],
    ['2025-11-28', '08-10', 'Jumat, 28 November 2025, 08.00–10.00 WIB'],
    ['2025-11-29', '08-10', 'Sabtu, 29 November 2025, 08.00–10.00 WIB'],
    ['2025-11-30', '08-10', 'Minggu, 30 November 2025, 08.00–10.00 WIB'],
    ['2026-01-05', '08-10', 'Senin, 5 Januari 2026, 08.00–10.00 WIB'],
  ] as const)('%s %s → %s', (date, slot, label) => {
    expect(formatVisit(date, slot)).toBe(label);
  });

  it('spells every month as formatLongDate does', () => {
    for (let month = 1; month <= 12; month++) {
      const date = `2026-${String(month).padStart(2, '0')}-15`;
      expect(formatVisit(date, '08-10')).toContain(`, ${formatLongDate(date)}, `);
    }
  });
});

describe('missed-visit categories', () => {
  it('have an Indonesian label each, in the order of the technician API', () => {
    expect(VISIT_PENDING_CATEGORIES).toEqual([
      'CUSTOMER_NOT_HOME',
      'NO_ACCESS',
      'EQUIPMENT_MISSING',
      'WEATHER',
      'OTHER',
    ]);
    expect(Object.keys(VISIT_PENDING_LABELS)).toEqual([...VISIT_PENDING_CATEGORIES]);
    expect(VISIT_PENDING_LABELS.CUSTOMER_NOT_HOME).toBe('Pelanggan tidak di rumah');
    for (const label of Object.values(VISIT_PENDING_LABELS)) expect(label.trim()).not.toBe('');
  });
});

describe('domain/visits.ts stays deterministic (workflow code imports it)', () => {
  const source = readFileSync(path.resolve(__dirname, '../../../domain/visits.ts'), 'utf8');
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

  it.each([
    ['Date.now', /Date\.now/],
    ['new Date() without an argument', /new Date\(\)/],
    ['Intl', /\bIntl\b/],
    ['Math.random', /Math\.random/],
    ['toLocale…String', /toLocale\w*String/],
  ])('uses no %s', (_, pattern) => {
    expect(code).not.toMatch(pattern);
  });

  it('imports only from the pure calendar module', () => {
    expect([...code.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['./calendar']);
  });
});
