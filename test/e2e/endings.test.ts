/**
 * Every ending of an upgrade, on the real stack (PostgreSQL, Temporal dev server, worker, API),
 * acting as an operator does (the SDK's handle, the `temporal` CLI, the reconciler's run):
 * cancel and terminate while the run waits for the technician, an admission whose run never
 * started, an email Resend refuses for good, and a reset that re-runs every step. After each, the
 * API, bill, tickets, work orders, subscription and notices tell one story.
 */
import { execFileSync } from 'node:child_process';
import { Client, Connection, ScheduleNotFoundError, WorkflowNotFoundError } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { BILL_PAYMENT_WORKFLOW_TYPE, billWorkflowId } from '../../contracts/payments';
import { RECONCILE_SCHEDULE_ID, RECONCILE_WORKFLOW_ID, reconcileNowSignal } from '../../contracts/upgrade';
import { temporalTools } from '../../local/temporal-tools';
import { addCustomers } from '../faults/support';
import { callerFor, tokensFrom } from '../helpers/auth';
import { recordHistories } from '../helpers/histories';
import { eventually, http } from '../helpers/http';
import { type ResendStandIn, startResendStandIn } from '../helpers/resend-stand-in';
import { testDataConverter } from '../helpers/temporal';
import { type LocalSystem, startLocalSystem } from '../support/harness';

const CANCELLED_WHILE_WAITING = '29300001';
const TERMINATED_WHILE_WAITING = '29300002';
const EMAIL_REFUSED = '29300003';
const NEVER_STARTED = '29300004';
const RESET = '29300005';
const PAID_THEN_CANCELLED = '29300006';

let system: LocalSystem;
let pg: PgClient;
let temporal: Client;
let resend: ResendStandIn;

beforeAll(async () => {
  resend = await startResendStandIn();
  resend.rejectRecipient(`uji.${EMAIL_REFUSED}@example.com`);
  system = await startLocalSystem({
    label: 'endings',
    env: { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url },
  });
  tokensFrom(system.issuerUrl);
  pg = new PgClient({ connectionString: system.databaseUrl });
  await pg.connect();
  await addCustomers(pg, [
    { id: CANCELLED_WHILE_WAITING, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
    { id: TERMINATED_WHILE_WAITING, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
    { id: EMAIL_REFUSED, packageCode: 'STREAM-75-SEM', band: 'DUAL' },
    { id: NEVER_STARTED, packageCode: 'STREAM-75-SEM', band: 'DUAL' },
    { id: RESET, packageCode: 'STREAM-75-SEM', band: 'DUAL' },
    { id: PAID_THEN_CANCELLED, packageCode: 'STREAM-50-YEAR', band: 'SINGLE' },
  ]);
  temporal = new Client({
    connection: await Connection.connect({ address: system.temporalAddress }),
    dataConverter: testDataConverter,
  });
}, 240_000);

afterAll(async () => {
  await recordHistories(system.temporalAddress, [
    `upgrade-${CANCELLED_WHILE_WAITING}-cancel`,
    `upgrade-${EMAIL_REFUSED}-refused`,
    `upgrade-${RESET}-reset`,
  ]);
  await temporal?.connection.close();
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
const rows = async (sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows;

async function startUpgrade(customerId: string, key: string, target: string) {
  const answer = await api('POST', `/v1/customers/${customerId}/upgrades`, {
    body: { targetPackageCode: target },
    headers: { 'Idempotency-Key': key },
  });
  return answer;
}
const statusOf = (upgradeId: string, status: string, timeoutMs = 30_000) =>
  eventually(
    () => api('GET', `/v1/upgrades/${upgradeId}`),
    (answer) => answer.body.status === status,
    timeoutMs,
  );

/** Everything one upgrade left in the database, in one object. */
async function recordOf(upgradeId: string) {
  const [request] = await rows('SELECT status, "failureReason" FROM "UpgradeRequest" WHERE id = $1', [
    upgradeId,
  ]);
  return {
    request,
    bills: await rows('SELECT status FROM "Bill" WHERE "upgradeId" = $1', [upgradeId]),
    tickets: await rows(
      `SELECT kind, status, coalesce(notes, '{}') AS notes FROM "Ticket" WHERE "upgradeId" = $1 ORDER BY kind`,
      [upgradeId],
    ),
    workOrders: await rows(
      'SELECT type, status, "cancelReason" FROM "WorkOrder" WHERE "upgradeId" = $1 ORDER BY type',
      [upgradeId],
    ),
    switched: (await rows('SELECT 1 FROM "SubscriptionChange" WHERE "upgradeId" = $1', [upgradeId])).length,
    notices: (
      await rows(
        `SELECT kind || ':' || channel AS n FROM "Notification" WHERE "upgradeId" = $1 AND "deliveredAt" IS NOT NULL
         ORDER BY 1`,
        [upgradeId],
      )
    ).map((r) => r.n),
  };
}

describe('an operator cancels a run waiting for the technician (Web UI: Request Cancellation)', () => {
  it('withdraws the upgrade: old package back, bill VOID with its reason, visit/TT/WO cancelled, the customer told, free to upgrade', async () => {
    const upgradeId = `upgrade-${CANCELLED_WHILE_WAITING}-cancel`;
    expect((await startUpgrade(CANCELLED_WHILE_WAITING, 'cancel', 'STREAM-100-YEAR')).status).toBe(202);
    const waiting = await statusOf(upgradeId, 'AWAITING_ONT_SWAP');
    const woNumber = waiting.body.maintenanceWorkOrderNo;
    expect(await packageOf(CANCELLED_WHILE_WAITING)).toBe('STREAM-100-YEAR');

    await temporal.workflow.getHandle(upgradeId).cancel();
    const cancelled = await statusOf(upgradeId, 'CANCELLED');

    await eventually(
      () => temporal.workflow.getHandle(upgradeId).describe(),
      (d) => d.status.name === 'CANCELLED',
    );
    expect(cancelled.body.steps.map((s: { name: string }) => s.name).slice(-3)).toEqual([
      'BILL_VOIDED',
      'ONT_VISIT_CANCELLED',
      'CANCELLED',
    ]);
    expect(cancelled.body.failureReason).toMatch(/upgrade withdrawn$/);
    // The old package is back from now; the history shows the switch and the way back.
    expect(await packageOf(CANCELLED_WHILE_WAITING)).toBe('STREAM-50-YEAR');
    expect(
      await rows(
        `SELECT "fromPackageCode" AS "from", "toPackageCode" AS "to", "upgradeId" FROM "SubscriptionChange"
         WHERE "customerId" = $1 ORDER BY "changedAt", id`,
        [CANCELLED_WHILE_WAITING],
      ),
    ).toEqual([
      { from: 'STREAM-50-YEAR', to: 'STREAM-100-YEAR', upgradeId },
      { from: 'STREAM-100-YEAR', to: 'STREAM-50-YEAR', upgradeId: null },
    ]);
    const record = await recordOf(upgradeId);
    expect(record.bills).toEqual([{ status: 'VOID' }]);
    expect(await billLines(upgradeId)).toContainEqual(
      expect.stringMatching(/^Pembatalan Tagihan: upgrade dibatalkan sebelum penggantian ONT/),
    );
    expect(record.tickets).toEqual([
      {
        kind: 'UPGRADE',
        status: 'CLOSED',
        notes: [
          expect.stringMatching(/^CANCELLED: cancelled by an operator.*package back to STREAM-50-YEAR/),
        ],
      },
      {
        kind: 'CHANGE_ONT',
        status: 'CANCELLED',
        notes: [expect.stringMatching(/^CANCELLED: cancelled by an operator/)],
      },
    ]);
    expect(record.workOrders).toEqual([
      { type: 'UPGRADE', status: 'CANCELLED', cancelReason: expect.stringMatching(/^CANCELLED/) },
      { type: 'MAINTENANCE', status: 'CANCELLED', cancelReason: expect.stringMatching(/^CANCELLED/) },
    ]);
    // One notice says it all, on every channel, in words.
    const told = await eventually(
      () => recordOf(upgradeId),
      (r) => r.notices.filter((n: string) => n.startsWith('UPGRADE_CANCELLED')).length === 3,
    );
    expect(told.notices.filter((n: string) => n.startsWith('ONT_VISIT_CANCELLED'))).toEqual([]);
    const [push] = await rows(
      `SELECT body FROM "Notification" WHERE "upgradeId" = $1 AND kind = 'UPGRADE_CANCELLED' AND channel = 'PUSH'`,
      [upgradeId],
    );
    expect(push.body).toContain('paket kamu kembali ke Stream 50 Yearly');
    expect(push.body).toContain(`Kunjungan teknisi (${woNumber}) dibatalkan`);

    // The technician's report now answers 409 saying why.
    const report = await api('POST', `/v1/technician/work-orders/${woNumber}/ont-replacement`, {
      body: { newOntSerial: 'DUALCANCEL01', newOntModel: 'ZTE F670L', band: 'DUAL', technician: 'Budi' },
    });
    expect(report.status).toBe(409);
    expect(report.body.detail).toContain('CANCELLED');
    // The customer may ask again, from the old package.
    expect((await startUpgrade(CANCELLED_WHILE_WAITING, 'after-cancel', 'STREAM-200-YEAR')).status).toBe(202);
  });

  it('a bill already paid is voided too, and what was paid is a credit owed, said on the bill and to the customer', async () => {
    const upgradeId = `upgrade-${PAID_THEN_CANCELLED}-paid-cancel`;
    expect((await startUpgrade(PAID_THEN_CANCELLED, 'paid-cancel', 'STREAM-100-YEAR')).status).toBe(202);
    await statusOf(upgradeId, 'AWAITING_ONT_SWAP');
    // Paid, as the payment gateway's notification leaves the bill.
    await pg.query(
      `UPDATE "Bill" SET status = 'PAID', "paidAmountIdr" = "totalIdr", "paidAt" = now() WHERE "upgradeId" = $1`,
      [upgradeId],
    );
    const [{ totalIdr }] = await rows('SELECT "totalIdr" FROM "Bill" WHERE "upgradeId" = $1', [upgradeId]);

    await temporal.workflow.getHandle(upgradeId).cancel();
    await statusOf(upgradeId, 'CANCELLED');
    expect(await packageOf(PAID_THEN_CANCELLED)).toBe('STREAM-50-YEAR');
    expect(
      await rows('SELECT status, "paidAmountIdr" FROM "Bill" WHERE "upgradeId" = $1', [upgradeId]),
    ).toEqual([{ status: 'VOID', paidAmountIdr: totalIdr }]);
    expect(await billLines(upgradeId)).toContainEqual(
      expect.stringMatching(/^Kredit untuk pelanggan: pembayaran Rp/),
    );
    const told = await eventually(
      () =>
        rows(
          `SELECT body FROM "Notification" WHERE "upgradeId" = $1 AND kind = 'UPGRADE_CANCELLED' AND channel = 'PUSH'`,
          [upgradeId],
        ),
      (found) => found.length === 1,
    );
    expect(told[0].body).toContain('kami kembalikan sebagai kredit');
  });
});

/** The customer's package now. */
async function packageOf(customerId: string): Promise<string> {
  const [row] = await rows('SELECT "packageCode" FROM "Subscription" WHERE "customerId" = $1', [customerId]);
  return row.packageCode;
}

/** The bill's lines, in order. */
async function billLines(upgradeId: string): Promise<string[]> {
  return (
    await rows(
      `SELECT l.label FROM "BillLine" l JOIN "Bill" b ON b."billCode" = l."billCode" WHERE b."upgradeId" = $1
       ORDER BY l.position`,
      [upgradeId],
    )
  ).map((r) => r.label);
}

describe('an operator terminates a run waiting for the technician (Web UI: Terminate)', () => {
  it('a new upgrade of that customer is admitted at once, and the terminated one is settled', async () => {
    const upgradeId = `upgrade-${TERMINATED_WHILE_WAITING}-terminate`;
    expect((await startUpgrade(TERMINATED_WHILE_WAITING, 'terminate', 'STREAM-100-YEAR')).status).toBe(202);
    await statusOf(upgradeId, 'AWAITING_ONT_SWAP');
    await temporal.workflow.getHandle(upgradeId).terminate('customer moved house');

    // No run of ours ran after the terminate; the admission asks Temporal and settles it.
    // (On a loaded machine the settlement may outlast the admission's deadline: the customer's
    // retry a moment later is admitted.)
    const again = await eventually(
      () => startUpgrade(TERMINATED_WHILE_WAITING, 'after-terminate', 'STREAM-200-YEAR'),
      (answer) => answer.status !== 409,
      30_000,
    );
    expect(again.status).toBe(202);
    const settled = await statusOf(upgradeId, 'TERMINATED');
    expect(settled.body.failureReason).toBe('run terminated in Temporal: customer moved house');
    const record = await recordOf(upgradeId);
    expect(record.workOrders.map((w: { status: string }) => w.status)).toEqual(['DONE', 'CANCELLED']);
    expect(record.tickets.map((t: { status: string }) => t.status)).toEqual(['CLOSED', 'CANCELLED']);
  });
});

describe('an admission whose run never started (the API died before workflow.start)', () => {
  it('is settled by the reconciler and frees the customer', async () => {
    const upgradeId = `upgrade-${NEVER_STARTED}-orphan`;
    await pg.query(
      `INSERT INTO "UpgradeRequest" (id, "customerId", "idempotencyKey", "targetPackageCode", "fromPackageCode",
         status, "requestedAt", "updatedAt")
       VALUES ($1, $2, 'orphan', 'STREAM-150-SEM', 'STREAM-75-SEM', 'BILLING', now() - interval '2 minutes', now())`,
      [upgradeId, NEVER_STARTED],
    );
    // Its bill was issued and the bill's run waits for the reminder, as the bill step leaves them.
    const billCode = '202511900001';
    await pg.query(
      `INSERT INTO "Bill" ("billCode", "customerId", "upgradeId", period, "billingDate", "dueDate",
         "billingMonthStart", "billingMonthEnd", "billCycle", "packageCode", "packageName", "actualChargeIdr",
         "adjustmentIdr", "baseIdr", "vatRatePercent", "vatIdr", "totalIdr", "amountInWords", status)
       VALUES ($1, $2, $3, '202511', '2025-11-21', '2025-11-28', '2025-11-21', '2026-05-22', 21,
         'STREAM-150-SEM', 'Stream 150 Semesterly', 1780000, 1008333, 695225, 11, 76475, 771700,
         'Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah', 'UNPAID')`,
      [billCode, NEVER_STARTED, upgradeId],
    );
    const billRun = await temporal.workflow.start(BILL_PAYMENT_WORKFLOW_TYPE, {
      workflowId: billWorkflowId(billCode),
      taskQueue: 'selfcare-upgrade',
      args: [{ billCode, customerId: NEVER_STARTED, upgradeId, dueDate: '2025-11-28' }],
      startDelay: '1 day',
    });
    // The reconciler passes every minute; an operator (or this test) may ask it for a pass at once.
    await temporal.workflow.getHandle(RECONCILE_WORKFLOW_ID).signal(reconcileNowSignal);
    const settled = await statusOf(upgradeId, 'TERMINATED', 60_000);
    expect(settled.body.failureReason).toContain('never started');
    // The bill is voided, and its run no longer counts among the bills awaiting payment.
    expect(await rows('SELECT status FROM "Bill" WHERE "billCode" = $1', [billCode])).toEqual([
      { status: 'VOID' },
    ]);
    await eventually(
      () => billRun.describe(),
      (run) => run.status.name === 'CANCELLED',
    );
    // Ending it again, as a retried settlement does (the worker's endBillPayment), changes nothing.
    await billRun.cancel().catch((error) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
    expect((await billRun.describe()).status.name).toBe('CANCELLED');
    expect((await startUpgrade(NEVER_STARTED, 'after-orphan', 'STREAM-150-SEM')).status).toBe(202);
  });
});

describe('the reconciler in the Web UI', () => {
  it('is one long-lived run, not a closed run a minute; no Schedule is left', async () => {
    const runs = [];
    for await (const run of temporal.workflow.list({ query: 'WorkflowType="ReconcileUpgradesWorkflow"' })) {
      runs.push(run);
    }
    const open = runs.filter((r) => r.status.name === 'RUNNING');
    expect(open.map((r) => r.workflowId)).toEqual([RECONCILE_WORKFLOW_ID]);
    // Other closed runs are the API's single passes (reconcile-<upgradeId>) or its own continued runs.
    expect(
      runs.filter(
        (r) => r.workflowId !== RECONCILE_WORKFLOW_ID && !r.workflowId.startsWith('reconcile-upgrade-'),
      ),
    ).toEqual([]);
    await expect(temporal.schedule.getHandle(RECONCILE_SCHEDULE_ID).describe()).rejects.toBeInstanceOf(
      ScheduleNotFoundError,
    );
  });
});

describe('Resend refuses the customer’s address for good (422)', () => {
  it('the upgrade completes; the undelivered email is recorded with channel and reason', async () => {
    const upgradeId = `upgrade-${EMAIL_REFUSED}-refused`;
    expect((await startUpgrade(EMAIL_REFUSED, 'refused', 'STREAM-150-SEM')).status).toBe(202);
    const done = await statusOf(upgradeId, 'COMPLETED');
    expect(done.body.undeliveredNotices).toEqual([
      expect.objectContaining({
        kind: 'BILL_ISSUED',
        channel: 'EMAIL',
        reason: expect.stringContaining('EmailRejected'),
      }),
    ]);
    const record = await recordOf(upgradeId);
    expect(record.notices).toEqual(['BILL_ISSUED:INBOX', 'BILL_ISSUED:PUSH']);
    expect(record.bills).toEqual([{ status: 'UNPAID' }]);
    expect(resend.requests().filter((r) => r.outcome === 'rejected')).toHaveLength(1);
  });
});

describe('an operator resets a completed run to its first workflow task (Web UI: Reset)', () => {
  it('re-runs every step and bills, tickets, orders and sends nothing twice', async () => {
    const upgradeId = `upgrade-${RESET}-reset`;
    expect((await startUpgrade(RESET, 'reset', 'STREAM-150-SEM')).status).toBe(202);
    await statusOf(upgradeId, 'COMPLETED');
    const before = await recordOf(upgradeId);
    const emailsBefore = resend.deliveries().length;
    const firstRun = (await temporal.workflow.getHandle(upgradeId).describe()).runId;

    execFileSync(temporalTools().temporalCli, [
      'workflow',
      'reset',
      '--address',
      system.temporalAddress,
      '--workflow-id',
      upgradeId,
      '--type',
      'FirstWorkflowTask',
      '--reason',
      'operator re-runs the upgrade',
    ]);
    const reset = await eventually(
      () => temporal.workflow.getHandle(upgradeId).describe(),
      (d) => d.runId !== firstRun && d.status.name === 'COMPLETED',
      30_000,
    );
    expect(reset.runId).not.toBe(firstRun);
    expect(await recordOf(upgradeId)).toEqual(before);
    expect(resend.deliveries().length).toBe(emailsBefore);
    expect(before.notices).toEqual(['BILL_ISSUED:EMAIL', 'BILL_ISSUED:INBOX', 'BILL_ISSUED:PUSH']);
  });
});
