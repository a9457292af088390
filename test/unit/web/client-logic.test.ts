/** The web app's own logic (web/src/lib): deep links, the steps' state, refusals in words, formats, keys. */
import { appPathOf } from '../../../web/src/lib/deep-links';
import { formatInstant, formatTerm } from '../../../web/src/lib/format';
import { newIdempotencyKey } from '../../../web/src/lib/idempotency';
import { REASON_WORDS, refusalInWords } from '../../../web/src/lib/refusals';
import { type StepName, stepLines } from '../../../web/src/lib/steps';

describe('deep links of the notices', () => {
  it.each([
    ['oxygenid://bills/202511712857', '/bills/202511712857'],
    ['oxygenid://upgrades/upgrade-21314849-demo-1', '/upgrades/upgrade-21314849-demo-1'],
    ['oxygenid://bills/2025', null],
    ['oxygenid://upgrades/upgrade-2131-x', null],
    ['https://evil.example/bills/202511712857', null],
    ['oxygenid://payments/1', null],
    [null, null],
  ])('%s opens %s', (link, path) => {
    expect(appPathOf(link)).toBe(path);
  });
});

const at = '2025-11-21T06:34:28.000Z';
const upgrade = (
  status: 'BILLING' | 'AWAITING_ONT_SWAP' | 'COMPLETED' | 'CANCELLED',
  names: StepName[],
  ontSwap = false,
) => ({
  status,
  steps: names.map((name) => ({ name, at })),
  ontSwap: ontSwap
    ? {
        awaitingSince: at,
        slaDeadline: at,
        escalatedAt: null,
        replacedAt: null,
        appointment: null,
        appointmentHistory: [],
      }
    : null,
});

describe('the steps of an upgrade', () => {
  it('lists those done, then the current one, then those to come (scenario A)', () => {
    const lines = stepLines(upgrade('BILLING', ['REQUEST_ACCEPTED', 'BILL_ISSUED']));
    expect(lines.map((l) => [l.name, l.state])).toEqual([
      ['REQUEST_ACCEPTED', 'done'],
      ['BILL_ISSUED', 'done'],
      ['UPGRADE_TICKET_CLOSED', 'current'],
      ['UPGRADE_WORK_ORDER_CREATED', 'pending'],
      ['PACKAGE_SWITCHED', 'pending'],
      ['CUSTOMER_NOTIFIED', 'pending'],
      ['COMPLETED', 'pending'],
    ]);
    expect(lines[0]).toMatchObject({ label: 'Permintaan upgrade diterima', at });
  });

  it('plans the ONT swap once the run waits for it (scenario B), and a missed visit stays in the list', () => {
    const done: StepName[] = [
      'REQUEST_ACCEPTED',
      'BILL_ISSUED',
      'UPGRADE_TICKET_CLOSED',
      'UPGRADE_WORK_ORDER_CREATED',
      'PACKAGE_SWITCHED',
      'CUSTOMER_NOTIFIED',
      'ONT_SWAP_SCHEDULED',
      'ONT_SWAP_NOTICE_SENT',
      'ONT_VISIT_BOOKED',
      'ONT_VISIT_MISSED',
    ];
    const lines = stepLines(upgrade('AWAITING_ONT_SWAP', done, true));
    expect(lines.filter((l) => l.state !== 'done').map((l) => [l.name, l.state])).toEqual([
      ['ONT_REPLACED', 'current'],
      ['ONT_SWAP_CLOSED', 'pending'],
      ['ONT_SWAP_COMPLETED_NOTICE_SENT', 'pending'],
      ['COMPLETED', 'pending'],
    ]);
    expect(lines.find((l) => l.name === 'ONT_VISIT_MISSED')?.label).toBe(
      'Kunjungan teknisi belum terlaksana',
    );
  });

  it('plans the swap from the quote before the run says so', () => {
    const lines = stepLines(upgrade('BILLING', ['REQUEST_ACCEPTED']), true);
    expect(lines.map((l) => l.name)).toContain('ONT_REPLACED');
    expect(stepLines(upgrade('BILLING', ['REQUEST_ACCEPTED'])).map((l) => l.name)).not.toContain(
      'ONT_REPLACED',
    );
  });

  it('shows only what happened once it ended', () => {
    const lines = stepLines(
      upgrade('CANCELLED', ['REQUEST_ACCEPTED', 'BILL_ISSUED', 'BILL_VOIDED', 'CANCELLED']),
    );
    expect(lines.map((l) => l.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(lines.at(-1)?.label).toBe('Upgrade dibatalkan');
  });
});

describe('refusals in words', () => {
  it.each([
    [409, 'UPGRADE_IN_PROGRESS', /Masih ada upgrade lain/],
    [422, 'NOT_ELIGIBLE', /kecepatannya harus lebih tinggi/],
    [409, 'SLOT_FULL', /sudah penuh/],
    [422, 'TOO_LATE_TO_MOVE', /terlalu dekat untuk dipindah/],
    [429, undefined, /Tunggu sekitar satu menit/],
    [404, undefined, /tidak ditemukan/],
    [500, undefined, /gangguan pada sistem/],
    [0, undefined, /Tidak dapat terhubung/],
  ] as const)('%s %s', (status, reason, words) => {
    expect(refusalInWords(status, reason ? { reason } : null)).toMatch(words);
  });

  it('has words for every reason the API can give, none of them raw', () => {
    for (const words of Object.values(REASON_WORDS)) expect(words).toMatch(/^[A-Z].*\.$/);
  });
});

describe('formats', () => {
  it.each([
    ['2025-11-21T13:34:28+07:00', '21 November 2025, 13.34 WIB'],
    ['2025-11-21T06:34:28.123Z', '21 November 2025, 13.34 WIB'],
    ['2025-11-21T17:05:00Z', '22 November 2025, 00.05 WIB'],
  ])('%s is %s in Jakarta', (iso, text) => {
    expect(formatInstant(iso)).toBe(text);
  });

  it('names the terms as the deck does', () => {
    expect([1, 6, 12, 3].map(formatTerm)).toEqual([
      '1 bulan (Monthly)',
      '6 bulan (Semesterly)',
      '12 bulan (Yearly)',
      '3 bulan',
    ]);
  });
});

describe('idempotency keys', () => {
  it('are new each time and fit the API’s Idempotency-Key pattern', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
