/**
 * The customer-service console's actions on the real stack (PostgreSQL, Temporal dev server,
 * worker, API, a Resend stand-in): a CS agent books the visit of a run waiting for the technician,
 * cancels that run (the Web UI's cancel: the settlement ends it consistently), cancels an upgrade
 * whose run never started (the reconciler voids its bill), and resends an email Resend refused.
 * Each action is idempotent (Idempotency-Key) and leaves one row in the audit trail.
 */
import { Client as PgClient } from 'pg';
import { addCustomers } from '../faults/support';
import { asCs, asCustomer, asTechnician, callerFor, tokensFrom } from '../helpers/auth';
import { eventually, http } from '../helpers/http';
import { type ResendStandIn, startResendStandIn } from '../helpers/resend-stand-in';
import { type LocalSystem, startLocalSystem } from '../support/harness';

const WAITING = '29400001';
const ORPHAN = '29400002';
const BOUNCED = '29400003';

let system: LocalSystem;
let pg: PgClient;
let resend: ResendStandIn;

beforeAll(async () => {
  resend = await startResendStandIn();
  resend.rejectRecipient(`uji.${BOUNCED}@example.com`);
  system = await startLocalSystem({
    label: 'cs',
    env: { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url },
  });
  tokensFrom(system.issuerUrl);
  pg = new PgClient({ connectionString: system.databaseUrl });
  await pg.connect();
  await addCustomers(pg, [
    { id: WAITING, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
    { id: ORPHAN, packageCode: 'STREAM-75-SEM', band: 'DUAL' },
    { id: BOUNCED, packageCode: 'STREAM-75-SEM', band: 'DUAL' },
  ]);
}, 240_000);

afterAll(async () => {
  await pg?.end();
  await system?.stop();
  await resend?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field below
type Json = any;
const api = async (method: string, path: string, options: Parameters<typeof http>[3] = {}) =>
  http<Json>(system.apiUrl, method, path, {
    ...options,
    headers: { ...(await callerFor(path)), ...options.headers },
  });
const asAgent = async (key: string) => ({ ...(await asCs()), 'Idempotency-Key': key });
const rows = async (sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows;
const auditOf = (customerId: string) =>
  rows('SELECT action, operator, subject, reason FROM "OperatorAction" WHERE "customerId" = $1 ORDER BY id', [
    customerId,
  ]);
const statusOf = (upgradeId: string, status: string) =>
  eventually(
    () => api('GET', `/v1/upgrades/${upgradeId}`),
    (answer) => answer.body.status === status,
    30_000,
  );

describe('a CS agent books the visit for the customer, then cancels the upgrade waiting for it', () => {
  const upgradeId = `upgrade-${WAITING}-cs`;
  let woNumber: string;

  it('books the visit on the customer’s behalf once, recorded as done by CS', async () => {
    const started = await api('POST', `/v1/customers/${WAITING}/upgrades`, {
      body: { targetPackageCode: 'STREAM-100-YEAR' },
      headers: { 'Idempotency-Key': 'cs' },
    });
    expect(started.status).toBe(202);
    woNumber = (await statusOf(upgradeId, 'AWAITING_ONT_SWAP')).body.maintenanceWorkOrderNo;
    const free = await api('GET', `/v1/work-orders/${woNumber}/available-slots?days=7`);
    const slot = free.body.slots.filter((s: { free: number }) => s.free > 0).at(-1);
    const url = `/v1/cs/customers/${WAITING}/work-orders/${woNumber}/appointment`;
    const body = { date: slot.date, slot: slot.slot, reason: 'Pelanggan menelepon, minta dijadwalkan' };

    const booked = await api('POST', url, { headers: await asAgent('visit-1'), body });
    expect(booked.status).toBe(200);
    expect(booked.body.visit.appointment).toMatchObject({ date: slot.date, slot: slot.slot, bookedBy: 'CS' });
    expect(booked.body).toMatchObject({
      repeated: false,
      action: { action: 'BOOK_VISIT', operator: 'cs-rina' },
    });
    // The same request again (a double click): the first answer, nothing booked twice.
    const again = await api('POST', url, { headers: await asAgent('visit-1'), body });
    expect([again.status, again.body.repeated, again.body.visit]).toEqual([200, true, booked.body.visit]);
    expect(
      await rows('SELECT "bookedBy", status FROM "Appointment" WHERE "woNumber" = $1', [woNumber]),
    ).toEqual([{ bookedBy: 'CS', status: 'BOOKED' }]);
    // The customer's rules: not a Sunday, not in the past.
    const sunday = await api('POST', url, {
      headers: await asAgent('visit-2'),
      body: { ...body, date: '2030-01-06' },
    });
    expect([sunday.status, sunday.body.reason]).toEqual([422, 'NOT_A_WORKING_DAY']);
    // Customers and technicians may not act as CS.
    for (const who of [await asCustomer(WAITING), await asTechnician()]) {
      expect((await api('POST', url, { headers: { ...who, 'Idempotency-Key': 'x' }, body })).status).toBe(
        403,
      );
    }
  });

  it('cancels it with a reason: upgrade withdrawn (package, bill, visit, WOs), customer told, audit row, a new upgrade admitted', async () => {
    const url = `/v1/cs/upgrades/${upgradeId}/cancellation`;
    const reason = 'Pelanggan membatalkan lewat telepon';
    const cancelled = await api('POST', url, { headers: await asAgent('cancel-1'), body: { reason } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      settled: true,
      repeated: false,
      upgrade: { status: 'CANCELLED' },
    });
    expect(cancelled.body.upgrade.steps.map((s: { name: string }) => s.name).slice(-3)).toEqual([
      'BILL_VOIDED',
      'ONT_VISIT_CANCELLED',
      'CANCELLED',
    ]);
    expect(cancelled.body.action.outcome).toContain(`${woNumber} CANCELLED`);
    expect(cancelled.body.action.outcome).toMatch(/tagihan \d+ VOID/);
    // The same ending as the Web UI's cancel (test/e2e/endings.test.ts): waiting for the swap, the
    // upgrade is withdrawn: the old package back, the bill void, both WOs cancelled.
    expect(
      await rows('SELECT type, status FROM "WorkOrder" WHERE "upgradeId" = $1 ORDER BY type', [upgradeId]),
    ).toEqual([
      { type: 'UPGRADE', status: 'CANCELLED' },
      { type: 'MAINTENANCE', status: 'CANCELLED' },
    ]);
    expect(await rows('SELECT status FROM "Bill" WHERE "upgradeId" = $1', [upgradeId])).toEqual([
      { status: 'VOID' },
    ]);
    expect(await rows('SELECT status FROM "Appointment" WHERE "woNumber" = $1', [woNumber])).toEqual([
      { status: 'CANCELLED' },
    ]);
    await eventually(
      () =>
        rows(
          `SELECT channel FROM "Notification" WHERE "upgradeId" = $1 AND kind = 'UPGRADE_CANCELLED' AND "deliveredAt" IS NOT NULL`,
          [upgradeId],
        ),
      (told) => told.length === 3,
    );
    const again = await api('POST', url, { headers: await asAgent('cancel-1'), body: { reason } });
    expect([again.status, again.body.repeated, again.body.upgrade.status]).toEqual([200, true, 'CANCELLED']);
    const late = await api('POST', url, { headers: await asAgent('cancel-2'), body: { reason } });
    expect([late.status, late.body.reason]).toEqual([409, 'NOT_IN_FLIGHT']);
    expect(await auditOf(WAITING)).toEqual([
      {
        action: 'BOOK_VISIT',
        operator: 'cs-rina',
        subject: woNumber,
        reason: 'Pelanggan menelepon, minta dijadwalkan',
      },
      { action: 'CANCEL_UPGRADE', operator: 'cs-rina', subject: upgradeId, reason },
    ]);
    const trail = await api('GET', `/v1/cs/customers/${WAITING}/audit-trail`, {
      headers: await asCs(),
    });
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'CANCEL_UPGRADE',
      'BOOK_VISIT',
    ]);
    const next = await api('POST', `/v1/customers/${WAITING}/upgrades`, {
      body: { targetPackageCode: 'STREAM-200-YEAR' },
      headers: { 'Idempotency-Key': 'after-cs' },
    });
    expect(next.status).toBe(202);
  });
});

describe('a CS cancel of an upgrade whose run never started', () => {
  it('is settled by the reconciler: the bill VOID, the customer free to upgrade again', async () => {
    const upgradeId = `upgrade-${ORPHAN}-orphan`;
    await pg.query(
      `INSERT INTO "UpgradeRequest" (id, "customerId", "idempotencyKey", "targetPackageCode", "fromPackageCode",
         status, "requestedAt", "updatedAt")
       VALUES ($1, $2, 'orphan', 'STREAM-150-SEM', 'STREAM-75-SEM', 'BILLING', now() - interval '2 minutes', now())`,
      [upgradeId, ORPHAN],
    );
    const billCode = '202511900002';
    await pg.query(
      `INSERT INTO "Bill" ("billCode", "customerId", "upgradeId", period, "billingDate", "dueDate",
         "billingMonthStart", "billingMonthEnd", "billCycle", "packageCode", "packageName", "actualChargeIdr",
         "adjustmentIdr", "baseIdr", "vatRatePercent", "vatIdr", "totalIdr", "amountInWords", status)
       VALUES ($1, $2, $3, '202511', '2025-11-21', '2025-11-28', '2025-11-21', '2026-05-22', 4,
         'STREAM-150-SEM', 'Stream 150 Semesterly', 1780000, 1008333, 695225, 11, 76475, 771700,
         'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah', 'UNPAID')`,
      [billCode, ORPHAN, upgradeId],
    );
    const answer = await api('POST', `/v1/cs/upgrades/${upgradeId}/cancellation`, {
      headers: await asAgent('orphan-1'),
      body: { reason: 'Upgrade tidak berjalan' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ settled: true, upgrade: { status: 'TERMINATED', billCode } });
    expect(answer.body.action.outcome).toContain(`tagihan ${billCode} VOID`);
    expect(await rows('SELECT status FROM "Bill" WHERE "billCode" = $1', [billCode])).toEqual([
      { status: 'VOID' },
    ]);
    expect((await auditOf(ORPHAN)).map((r) => r.action)).toEqual(['CANCEL_UPGRADE']);
    const again = await api('POST', `/v1/customers/${ORPHAN}/upgrades`, {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: { 'Idempotency-Key': 'after-orphan' },
    });
    expect(again.status).toBe(202);
  });
});

describe('a CS agent resends an email Resend refused', () => {
  it('shows it undelivered with the reason, sends it once the address takes mail, never twice', async () => {
    const upgradeId = `upgrade-${BOUNCED}-bounce`;
    const started = await api('POST', `/v1/customers/${BOUNCED}/upgrades`, {
      body: { targetPackageCode: 'STREAM-150-SEM' },
      headers: { 'Idempotency-Key': 'bounce' },
    });
    expect(started.status).toBe(202);
    await statusOf(upgradeId, 'COMPLETED');
    const notices = await api('GET', `/v1/cs/customers/${BOUNCED}/notices`, { headers: await asCs() });
    const email = notices.body.notices.find((n: { channel: string }) => n.channel === 'EMAIL');
    expect(email).toMatchObject({
      kind: 'BILL_ISSUED',
      status: 'FAILED',
      failureReason: expect.stringContaining('EmailRejected'),
    });
    expect(
      notices.body.notices
        .filter((n: { status: string }) => n.status === 'DELIVERED')
        .map((n: { channel: string }) => n.channel)
        .sort(),
    ).toEqual(['INBOX', 'PUSH']);

    const url = `/v1/cs/notices/${email.id}/resend`;
    const stillRefused = await api('POST', url, {
      headers: await asAgent('resend-1'),
      body: { reason: 'Coba lagi' },
    });
    expect([stillRefused.status, stillRefused.body.notice.status]).toEqual([200, 'FAILED']);
    resend.acceptRecipient(`uji.${BOUNCED}@example.com`);
    const sent = await api('POST', url, {
      headers: await asAgent('resend-2'),
      body: { reason: 'Alamat sudah aktif' },
    });
    expect([sent.status, sent.body.notice.status, sent.body.repeated]).toEqual([200, 'DELIVERED', false]);
    const repeat = await api('POST', url, {
      headers: await asAgent('resend-2'),
      body: { reason: 'Alamat sudah aktif' },
    });
    expect([repeat.status, repeat.body.repeated]).toEqual([200, true]);
    const twice = await api('POST', url, {
      headers: await asAgent('resend-3'),
      body: { reason: 'Sekali lagi' },
    });
    expect([twice.status, twice.body.reason]).toEqual([409, 'ALREADY_DELIVERED']);
    expect(resend.deliveries().filter((d) => d.to.includes(`uji.${BOUNCED}@`))).toHaveLength(1);
    expect((await auditOf(BOUNCED)).map((r) => r.action)).toEqual(['RESEND_NOTICE', 'RESEND_NOTICE']);
  });
});
