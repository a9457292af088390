import {
  billCode,
  billingPeriodOf,
  billRunStartDelayMs,
  explainQuote,
  findPackage,
  formatBillingAppDate,
  formatLongDate,
  formatRupiah,
  isCustomerId,
  type PackageSpec,
  quoteUpgradeBill,
  ticketNumber,
  type UpgradeBillQuote,
  VAT_SCHEDULE,
  workOrderNumber,
} from '../../../domain';

const pkg = (code: string): PackageSpec => {
  const found = findPackage(code);
  if (!found) throw new Error(`no package ${code}`);
  return found;
};

/** The deck's upgrade: Stream 75 Semesterly since 1 November → Stream 150 Semesterly, billed 21 November 2025. */
const DECK_UPGRADE = {
  current: { package: pkg('STREAM-75-SEM'), periodStart: '2025-11-01' },
  target: pkg('STREAM-150-SEM'),
  billingDate: '2025-11-21',
  billCycle: 4,
};

describe('quoteUpgradeBill: the deck worked example', () => {
  const quote = quoteUpgradeBill(DECK_UPGRADE);

  it('reproduces the statement to the rupiah', () => {
    expect(quote).toEqual<UpgradeBillQuote>({
      period: '202511',
      billingDate: '2025-11-21',
      dueDate: '2025-11-28',
      billingMonth: { start: '2025-11-21', end: '2026-05-22' },
      billingMonthLabel: '21.11.2025-22.05.2026',
      billCycle: 4,
      packageCode: 'STREAM-150-SEM',
      packageName: 'Stream 150 Semesterly',
      monthsUsed: 1,
      actualChargeIdr: 1_780_000,
      adjustmentIdr: 1_008_333,
      totalIdr: 771_700,
      baseIdr: 695_225,
      vatRatePercent: 11,
      vatIdr: 76_475,
      amountInWords: 'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah',
      lines: [
        { label: 'Stream 150 Semesterly', amountIdr: 695_225 },
        { label: 'PPN 11 % / VAT 11 %', amountIdr: 76_475 },
        { label: 'Biaya Material', amountIdr: 0 },
        { label: 'Total Bill', amountIdr: 771_700 },
        { label: 'Adjustment', amountIdr: 0 },
      ],
    });
  });

  it('prints as the Billing App and the statement show it', () => {
    expect(formatBillingAppDate(quote.billingDate)).toBe('21-NOV-25');
    expect(formatBillingAppDate(quote.dueDate)).toBe('28-NOV-25');
    expect(formatLongDate(quote.billingDate)).toBe('21 November 2025');
    expect(formatLongDate(quote.dueDate)).toBe('28 November 2025');
    expect([quote.actualChargeIdr, quote.adjustmentIdr, quote.totalIdr].map(formatRupiah)).toEqual([
      '1.780.000',
      '1.008.333',
      '771.700',
    ]);
    expect(billCode(quote.period, 712_857)).toBe('202511712857');
  });
});

describe('quoteUpgradeBill: where in the old term', () => {
  const stream75Sem = pkg('STREAM-75-SEM');
  const stream150Sem = pkg('STREAM-150-SEM');

  it.each([
    // periodStart, billingDate, used, adjustment, total, base, vat
    ['2025-11-21', '2025-11-21', 1, 1_008_333, 771_700, 695_225, 76_475], // on the period start
    ['2025-10-21', '2025-11-21', 2, 806_666, 973_300, 876_847, 96_453],
    ['2025-06-21', '2025-11-20', 5, 201_666, 1_578_300, 1_421_892, 156_408],
    ['2025-05-22', '2025-11-21', 6, 0, 1_780_000, 1_603_604, 176_396], // last day of the term
    ['2025-01-01', '2025-11-21', 6, 0, 1_780_000, 1_603_604, 176_396], // term long over: capped
  ])(
    'term from %s, upgrade on %s: %i used, credit %i, total %i',
    (start, on, used, credit, total, base, vat) => {
      const quote = quoteUpgradeBill({
        current: { package: stream75Sem, periodStart: start },
        target: stream150Sem,
        billingDate: on,
        billCycle: 4,
      });
      expect(quote).toMatchObject({
        monthsUsed: used,
        adjustmentIdr: credit,
        totalIdr: total,
        baseIdr: base,
        vatIdr: vat,
      });
    },
  );

  it('gives a monthly subscriber no credit', () => {
    const quote = quoteUpgradeBill({
      current: { package: pkg('STREAM-100-MON'), periodStart: '2025-11-10' },
      target: stream150Sem,
      billingDate: '2025-11-21',
      billCycle: 1,
    });
    expect(quote).toMatchObject({
      adjustmentIdr: 0,
      totalIdr: 1_780_000,
      amountInWords: 'Satu Juta Tujuh Ratus Delapan Puluh Ribu Rupiah',
    });
  });

  it('prices the deck scenario B shape (Yearly 50 → Yearly 200, 5 months used)', () => {
    const quote = quoteUpgradeBill({
      current: { package: pkg('STREAM-50-YEAR'), periodStart: '2025-06-10' },
      target: pkg('STREAM-200-YEAR'),
      billingDate: '2025-11-04',
      billCycle: 2,
    });
    expect(quote).toMatchObject({
      monthsUsed: 5,
      actualChargeIdr: 3_890_000,
      adjustmentIdr: 1_160_833, // 1.990.000 × 7/12 = 1.160.833,33
      totalIdr: 2_729_200, // 2.729.167 → nearest 100
      baseIdr: 2_458_739,
      vatIdr: 270_461,
      dueDate: '2025-11-11',
      billingMonthLabel: '04.11.2025-05.11.2026',
      packageName: 'Stream 200 Yearly',
    });
  });

  it('bills 0, not a refund, when the credit exceeds the new price', () => {
    const pricyPromo: PackageSpec = {
      code: 'PROMO-50-YEAR',
      name: 'Promo 50 Yearly',
      line: 'STREAM',
      speedMbps: 50,
      termMonths: 12,
      priceIdr: 6_000_000,
      requiresDualBand: false,
    };
    const quote = quoteUpgradeBill({
      current: { package: pricyPromo, periodStart: '2025-11-21' },
      target: pkg('STREAM-100-YEAR'),
      billingDate: '2025-11-21',
      billCycle: 4,
    });
    expect(quote).toMatchObject({
      adjustmentIdr: 5_500_000,
      totalIdr: 0,
      baseIdr: 0,
      vatIdr: 0,
      amountInWords: 'Nol Rupiah',
    });
  });

  it('refuses a billing date before the current period started', () => {
    expect(() =>
      quoteUpgradeBill({
        current: { package: stream75Sem, periodStart: '2025-11-22' },
        target: stream150Sem,
        billingDate: '2025-11-21',
        billCycle: 4,
      }),
    ).toThrow(RangeError);
  });

  it.each([0, -1, 1.5])('refuses bill cycle %p', (billCycle) => {
    expect(() =>
      quoteUpgradeBill({
        current: { package: stream75Sem, periodStart: '2025-11-01' },
        target: stream150Sem,
        billingDate: '2025-11-21',
        billCycle,
      }),
    ).toThrow(RangeError);
  });
});

describe('quoteUpgradeBill: dates', () => {
  it.each([
    // billingDate, target, period, due, end, label
    ['2025-11-21', 'STREAM-150-SEM', '202511', '2025-11-28', '2026-05-22', '21.11.2025-22.05.2026'],
    ['2025-11-21', 'STREAM-150-MON', '202511', '2025-11-28', '2025-12-22', '21.11.2025-22.12.2025'],
    ['2025-11-21', 'STREAM-150-YEAR', '202511', '2025-11-28', '2026-11-22', '21.11.2025-22.11.2026'],
    ['2025-12-28', 'STREAM-150-SEM', '202512', '2026-01-04', '2026-06-29', '28.12.2025-29.06.2026'],
    ['2025-08-31', 'STREAM-150-SEM', '202508', '2025-09-07', '2026-03-01', '31.08.2025-01.03.2026'],
    ['2023-08-31', 'STREAM-150-SEM', '202308', '2023-09-07', '2024-03-01', '31.08.2023-01.03.2024'],
    ['2024-02-29', 'STREAM-150-YEAR', '202402', '2024-03-07', '2025-03-01', '29.02.2024-01.03.2025'],
    ['2025-01-31', 'STREAM-150-MON', '202501', '2025-02-07', '2025-03-01', '31.01.2025-01.03.2025'],
    ['2024-02-23', 'STREAM-150-MON', '202402', '2024-03-01', '2024-03-24', '23.02.2024-24.03.2024'],
  ])('billed %s for %s: period %s, due %s, month ends %s', (billingDate, target, period, due, end, label) => {
    const quote = quoteUpgradeBill({
      current: { package: pkg('STREAM-100-MON'), periodStart: billingDate },
      target: pkg(target),
      billingDate,
      billCycle: 4,
    });
    expect(quote.period).toBe(period);
    expect(quote.dueDate).toBe(due);
    expect(quote.billingMonth).toEqual({ start: billingDate, end });
    expect(quote.billingMonthLabel).toBe(label);
  });
});

describe('quoteUpgradeBill: VAT comes from the schedule on the billing date', () => {
  const withFuture12 = [...VAT_SCHEDULE, { ratePercent: 12, effectiveFrom: '2027-01-01' }];

  it('leaves a bill for an earlier date unchanged when a future rate is added', () => {
    const before = quoteUpgradeBill(DECK_UPGRADE);
    const after = quoteUpgradeBill({ ...DECK_UPGRADE, vatSchedule: withFuture12 });
    expect(after).toEqual(before);
    expect(after).toMatchObject({ vatRatePercent: 11, baseIdr: 695_225, vatIdr: 76_475 });
  });

  it('applies the new rate from its effective date', () => {
    const quote = quoteUpgradeBill({
      ...DECK_UPGRADE,
      current: { ...DECK_UPGRADE.current, periodStart: '2027-01-01' },
      billingDate: '2027-01-05',
      vatSchedule: withFuture12,
    });
    expect(quote).toMatchObject({ totalIdr: 771_700, vatRatePercent: 12, baseIdr: 689_018, vatIdr: 82_682 });
    expect(quote.lines[1]).toEqual({ label: 'PPN 12 % / VAT 12 %', amountIdr: 82_682 });
  });

  it('uses 10% for a bill dated before April 2022', () => {
    const quote = quoteUpgradeBill({
      ...DECK_UPGRADE,
      current: { ...DECK_UPGRADE.current, periodStart: '2022-03-01' },
      billingDate: '2022-03-31',
    });
    expect(quote).toMatchObject({ totalIdr: 771_700, vatRatePercent: 10, baseIdr: 701_545, vatIdr: 70_155 });
  });
});

describe('identifiers', () => {
  it.each([
    ['2025-11-21', '202511'],
    ['2026-01-01', '202601'],
    ['2025-12-31', '202512'],
  ])('billingPeriodOf(%s) = %s', (date, period) => {
    expect(billingPeriodOf(date)).toBe(period);
  });

  it.each([
    ['202511', 712_857, '202511712857'],
    ['202601', 1, '202601000001'],
    ['202512', 999_999, '202512999999'],
  ])('billCode(%s, %i) = %s', (period, sequence, code) => {
    expect(billCode(period, sequence)).toBe(code);
  });

  it.each([
    ['202511', 0],
    ['202511', 1_000_000],
    ['202511', 1.5],
    ['202513', 1],
    ['202500', 1],
    ['20251', 1],
    ['2025-11', 1],
  ])('billCode rejects (%p, %p)', (period, sequence) => {
    expect(() => billCode(period, sequence)).toThrow(RangeError);
  });

  it.each([
    ['2025-11-04', 2_825_386, 'WO-04112025-2825386'],
    ['2026-01-09', 42, 'WO-09012026-0000042'],
    ['2025-12-31', 9_999_999, 'WO-31122025-9999999'],
  ])('workOrderNumber(%s, %i) = %s', (date, sequence, number) => {
    expect(workOrderNumber(date, sequence)).toBe(number);
  });

  it.each([
    ['2025-11-04', 0],
    ['2025-11-04', 10_000_000],
    ['2025-02-30', 1],
  ])('workOrderNumber rejects (%p, %p)', (date, sequence) => {
    expect(() => workOrderNumber(date, sequence)).toThrow(RangeError);
  });

  it.each([
    [3_759_821, '3759821'],
    [1, '0000001'],
    [9_999_999, '9999999'],
  ])('ticketNumber(%i) = %s', (sequence, number) => {
    expect(ticketNumber(sequence)).toBe(number);
  });

  it.each([0, 10_000_000, -5, 2.5])('ticketNumber rejects %p', (sequence) => {
    expect(() => ticketNumber(sequence)).toThrow(RangeError);
  });

  it.each([
    ['21314849', true],
    ['00000001', true],
    ['2131484', false],
    ['213148490', false],
    ['2131484a', false],
    [' 21314849', false],
    ['21314849\n', false],
    ['', false],
  ])('isCustomerId(%j) = %p', (s, expected) => {
    expect(isCustomerId(s)).toBe(expected);
  });
});

describe('billRunStartDelayMs: the bill’s run sleeps until the due-date reminder', () => {
  const HOUR = 3_600_000;
  it.each([
    // due 2025-11-28: the reminder is 2025-11-27 09:00 Jakarta = 02:00 UTC
    ['issued a week before', '2025-11-21T02:00:00Z', '2025-11-28', 6 * 24 * HOUR],
    ['issued the evening before the reminder', '2025-11-26T13:00:00Z', '2025-11-28', 13 * HOUR],
    ['two minutes before the reminder', '2025-11-27T01:58:00Z', '2025-11-28', 120_000],
    ['within the last minute: start at once', '2025-11-27T01:59:30Z', '2025-11-28', 0],
    ['at the reminder', '2025-11-27T02:00:00Z', '2025-11-28', 0],
    ['after the reminder (due tomorrow)', '2025-11-27T10:00:00Z', '2025-11-28', 0],
    ['after the due date', '2025-12-01T00:00:00Z', '2025-11-28', 0],
  ])('%s', (_case, now, dueDate, expected) => {
    expect(billRunStartDelayMs(dueDate, new Date(now))).toBe(expected);
  });
});

describe('explainQuote: the credit and the rounding as the confirm screen says them', () => {
  it('names the deck credit as 5 unused months of Stream 75 Semesterly and the rounding as +33', () => {
    const quote = quoteUpgradeBill(DECK_UPGRADE);
    expect(explainQuote(quote, pkg('STREAM-75-SEM'))).toEqual({
      credit: { packageName: 'Stream 75 Semesterly', priceIdr: 1_210_000, termMonths: 6, unusedMonths: 5 },
      differenceIdr: 771_667,
      roundingIdr: 33,
    });
  });

  it('rounds down as a negative line, and says nothing is rounded when the credit covers the price', () => {
    const current = { name: 'X', priceIdr: 600, termMonths: 6 };
    expect(
      explainQuote({ monthsUsed: 1, actualChargeIdr: 1_649, adjustmentIdr: 0, totalIdr: 1_600 }, current)
        .roundingIdr,
    ).toBe(-49);
    expect(
      explainQuote({ monthsUsed: 1, actualChargeIdr: 100, adjustmentIdr: 500, totalIdr: 0 }, current),
    ).toMatchObject({ differenceIdr: 0, roundingIdr: 0 });
  });
});
