/**
 * What every fault scenario shares: a split stack (test/helpers/stack.ts) with a `pg` client, a
 * Temporal client and the HTTP API; customers added by SQL; and the ledger — the rows an upgrade
 * leaves behind, counted per customer, so a duplicate under another key or upgrade ID shows too.
 */
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { callerFor } from '../helpers/auth';
import { eventually, http } from '../helpers/http';
import { type Stack, type StackOptions, sleep, startStack, teardownAllStacks } from '../helpers/stack';
import { testDataConverter } from '../helpers/temporal';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
export type Json = any;

export interface Harness {
  stack: Stack;
  pg: PgClient;
  temporal: Client;
  api(method: string, path: string, options?: Parameters<typeof http>[3]): ReturnType<typeof http<Json>>;
  /** Closes the clients and tears the stack down; the pids still alive afterwards (expected: none). */
  close(): Promise<number[]>;
}

const open = new Set<Harness>();

export async function openHarness(options: StackOptions = {}): Promise<Harness> {
  const stack = await startStack(options);
  let connection: Connection | undefined;
  try {
    const pg = await connectPg(stack.databaseUrl);
    connection = await Connection.connect({ address: stack.temporalAddress });
    let closed: Promise<number[]> | undefined;
    const harness: Harness = {
      stack,
      pg,
      temporal: new Client({ connection, dataConverter: testDataConverter }),
      api: async (method, path, requestOptions = {}) =>
        http<Json>(stack.apiUrl, method, path, {
          ...requestOptions,
          headers: { ...(await callerFor(path)), ...requestOptions.headers },
        }),
      close: () => {
        closed ??= (async () => {
          open.delete(harness);
          await harness.pg.end().catch(() => undefined);
          await connection?.close().catch(() => undefined);
          return stack.teardown();
        })();
        return closed;
      },
    };
    open.add(harness);
    return harness;
  } catch (error) {
    await connection?.close().catch(() => undefined);
    await stack.teardown();
    throw error;
  }
}

/** For afterAll: whatever a failed or timed-out scenario left running. */
export async function closeAllHarnesses(): Promise<void> {
  await Promise.all([...open].map((harness) => harness.close()));
  await teardownAllStacks();
}

async function connectPg(url: string): Promise<PgClient> {
  const pg = new PgClient({ connectionString: url });
  // A PostgreSQL outage cuts this connection too; the scenario reconnects (`reconnectPg`).
  pg.on('error', () => undefined);
  await pg.connect();
  return pg;
}

/** A new `pg` client after PostgreSQL came back (the old one died with the server). */
export async function reconnectPg(harness: Harness): Promise<void> {
  await harness.pg.end().catch(() => undefined);
  harness.pg = await connectPg(harness.stack.databaseUrl);
}

export interface CustomerSpec {
  id: string;
  packageCode: string;
  band: 'SINGLE' | 'DUAL';
  /** Days since the current term started. */
  daysIntoTerm?: number;
}

/** Customers of the fault tests, beside the demo ones: a subscription and an active ONT each. */
export async function addCustomers(pg: PgClient, customers: CustomerSpec[]): Promise<void> {
  for (const c of customers) {
    await pg.query(
      `INSERT INTO "Customer" (id, name, email, phone, "installationAddress", "homepassCode", "homepassId",
         "fatCode", "fatPort", "billCycle")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'FAT-TST-001', 1, 4)`,
      [
        c.id,
        `PELANGGAN UJI ${c.id}`,
        `uji.${c.id}@example.com`,
        `+628129${c.id}`,
        `JL. UJI COBA NO ${c.id} JAKARTA`,
        `HP-TST-${c.id}`,
        c.id,
      ],
    );
    await pg.query(
      `INSERT INTO "Subscription" ("customerId", "packageCode", "periodStart", "periodEnd", "updatedAt")
       SELECT $1, p.code, CURRENT_DATE - $3::int, (CURRENT_DATE - $3::int) + make_interval(months => p."termMonths"),
         now()
       FROM "Package" p WHERE p.code = $2`,
      [c.id, c.packageCode, c.daysIntoTerm ?? 20],
    );
    await pg.query(
      `INSERT INTO "OntDevice" (serial, "customerId", model, band, "installedAt")
       VALUES ($1, $2, $3, $4, now() - interval '1 year')`,
      [`TSTONT${c.id}`, c.id, c.band === 'DUAL' ? 'ZTE F670L' : 'ZTE F609', c.band],
    );
  }
}

/** One upgrade a scenario drives: who, to what, and whether the ONT must be swapped (scenario B). */
export interface Upgrade {
  customerId: string;
  targetPackageCode: string;
  swap: boolean;
  key: string;
  upgradeId: string;
}

export function upgrade(customerId: string, targetPackageCode: string, swap: boolean, key: string): Upgrade {
  return { customerId, targetPackageCode, swap, key, upgradeId: `upgrade-${customerId}-${key}` };
}

/** Demo customers (prisma/seed-data.ts): deck scenarios A and B and two more eligible ones. */
export const DEMO = {
  deckA: { customerId: '21314849', target: 'STREAM-150-SEM', swap: false },
  deckB: { customerId: '21301029', target: 'STREAM-200-YEAR', swap: true },
  mon100: { customerId: '21400001', target: 'STREAM-150-SEM', swap: false },
  sem75: { customerId: '21400002', target: 'STREAM-150-YEAR', swap: true },
} as const;

export async function startUpgrade(harness: Harness, u: Upgrade) {
  return harness.api('POST', `/v1/customers/${u.customerId}/upgrades`, {
    body: { targetPackageCode: u.targetPackageCode },
    headers: { 'Idempotency-Key': u.key },
  });
}

/** The technician reports the swap of the run's maintenance WO (a fresh dual-band serial per run). */
export async function reportOntSwap(harness: Harness, u: Upgrade, woNumber: string) {
  return harness.api('POST', `/v1/technician/work-orders/${woNumber}/ont-replacement`, {
    body: { newOntSerial: `DUAL${u.customerId}`, newOntModel: 'ZTE F670L', band: 'DUAL', technician: 'Budi' },
  });
}

export interface RequestRow {
  id: string;
  status: string;
  maintenanceWorkOrderNo: string | null;
  failureReason: string | null;
}

export async function requestRows(pg: PgClient, ids: string[]): Promise<Map<string, RequestRow>> {
  const { rows } = await pg.query<RequestRow>(
    `SELECT r.id, r.status, w."woNumber" AS "maintenanceWorkOrderNo", r."failureReason"
     FROM "UpgradeRequest" r LEFT JOIN "WorkOrder" w ON w."upgradeId" = r.id AND w.type = 'MAINTENANCE'
     WHERE r.id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Waits until every run is COMPLETED, reporting each scenario-B swap as soon as its run waits for
 * it (once). Throws on a FAILED run or at the deadline, naming where each run is.
 */
export async function driveToCompletion(
  harness: Harness,
  upgrades: Upgrade[],
  timeoutMs: number,
  reported = new Set<string>(),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await requestRows(
      harness.pg,
      upgrades.map((u) => u.upgradeId),
    );
    for (const u of upgrades) {
      const row = rows.get(u.upgradeId);
      if (row?.status === 'FAILED') throw new Error(`${u.upgradeId} FAILED: ${row.failureReason}`);
      if (row?.status === 'AWAITING_ONT_SWAP' && row.maintenanceWorkOrderNo && !reported.has(u.upgradeId)) {
        const answer = await reportOntSwap(harness, u, row.maintenanceWorkOrderNo);
        if (answer.status !== 202) throw new Error(`swap report for ${u.upgradeId}: ${answer.status}`);
        reported.add(u.upgradeId);
      }
    }
    if (upgrades.every((u) => rows.get(u.upgradeId)?.status === 'COMPLETED')) return;
    if (Date.now() > deadline) {
      const where = upgrades.map((u) => `${u.upgradeId}: ${rows.get(u.upgradeId)?.status ?? 'no row'}`);
      throw new Error(`runs not COMPLETED after ${timeoutMs} ms:\n${where.join('\n')}`);
    }
    await sleep(200);
  }
}

export async function waitForStatus(
  harness: Harness,
  upgrades: Upgrade[],
  status: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await requestRows(
      harness.pg,
      upgrades.map((u) => u.upgradeId),
    );
    if (upgrades.every((u) => rows.get(u.upgradeId)?.status === status)) return rows;
    const failed = [...rows.values()].find((row) => row.status === 'FAILED');
    if (failed) throw new Error(`${failed.id} FAILED: ${failed.failureReason}`);
    if (Date.now() > deadline) {
      throw new Error(`not ${status} after ${timeoutMs} ms: ${JSON.stringify([...rows.values()])}`);
    }
    await sleep(100);
  }
}

/** What one customer's single upgrade left in the database, counted per customer. */
export interface Ledger {
  request: string[];
  bills: number;
  tickets: string[];
  workOrders: string[];
  emails: string[];
  pushes: number;
  notices: string[];
  packageChanges: number;
  packageCode: string | null;
  devices: string[];
}

export async function ledgerOf(pg: PgClient, u: Upgrade): Promise<Ledger> {
  const c = u.customerId;
  const list = async (sql: string) => (await pg.query<{ v: string }>(sql, [c])).rows.map((r) => r.v).sort();
  const count = async (sql: string) => Number((await pg.query<{ n: string }>(sql, [c])).rows[0]?.n ?? 0);
  return {
    request: await list(`SELECT id || ' ' || status AS v FROM "UpgradeRequest" WHERE "customerId" = $1`),
    bills: await count(`SELECT count(*) AS n FROM "Bill" WHERE "customerId" = $1`),
    tickets: await list(
      `SELECT "upgradeId" || ' ' || kind || ' ' || status AS v FROM "Ticket" WHERE "customerId" = $1`,
    ),
    workOrders: await list(
      `SELECT "upgradeId" || ' ' || type || ' ' || status AS v FROM "WorkOrder" WHERE "customerId" = $1`,
    ),
    emails: await list(`SELECT "idempotencyKey" AS v FROM "EmailOutbox" WHERE "customerId" = $1`),
    pushes: await count(`SELECT count(*) AS n FROM "PushOutbox" WHERE "customerId" = $1`),
    notices: await list(
      `SELECT "idempotencyKey" || CASE WHEN "deliveredAt" IS NULL THEN ' UNDELIVERED' ELSE '' END AS v
       FROM "Notification" WHERE "customerId" = $1`,
    ),
    packageChanges: await count(`SELECT count(*) AS n FROM "SubscriptionChange" WHERE "customerId" = $1`),
    packageCode:
      (
        await pg.query<{ v: string }>(
          `SELECT "packageCode" AS v FROM "Subscription" WHERE "customerId" = $1`,
          [c],
        )
      ).rows[0]?.v ?? null,
    devices: await list(`SELECT band || ' ' || status AS v FROM "OntDevice" WHERE "customerId" = $1`),
  };
}

/** Exactly once: one bill, one ticket per kind, one WO per type, one email and one push per notice. */
export function expectedLedger(u: Upgrade): Ledger {
  const id = u.upgradeId;
  const kinds = u.swap ? ['BILL_ISSUED', 'ONT_SWAP_COMPLETED', 'ONT_SWAP_SCHEDULED'] : ['BILL_ISSUED'];
  return {
    request: [`${id} COMPLETED`],
    bills: 1,
    tickets: u.swap ? [`${id} CHANGE_ONT CLOSED`, `${id} UPGRADE CLOSED`] : [`${id} UPGRADE CLOSED`],
    workOrders: u.swap ? [`${id} MAINTENANCE COMPLETED`, `${id} UPGRADE DONE`] : [`${id} UPGRADE DONE`],
    emails: kinds.map((kind) => `${id}:${kind}:EMAIL`).sort(),
    pushes: kinds.length,
    notices: kinds.flatMap((kind) => ['EMAIL', 'INBOX', 'PUSH'].map((ch) => `${id}:${kind}:${ch}`)).sort(),
    packageChanges: 1,
    packageCode: u.targetPackageCode,
    devices: u.swap ? ['DUAL ACTIVE', 'SINGLE REPLACED'] : ['DUAL ACTIVE'],
  };
}

/** Rows beyond "exactly once" (duplicates), summed over the ledger's counted things. */
export function surplus(actual: Ledger, expected: Ledger): number {
  const extra = (a: number, e: number) => Math.max(0, a - e);
  return (
    extra(actual.request.length, expected.request.length) +
    extra(actual.bills, expected.bills) +
    extra(actual.tickets.length, expected.tickets.length) +
    extra(actual.workOrders.length, expected.workOrders.length) +
    extra(actual.emails.length, expected.emails.length) +
    extra(actual.pushes, expected.pushes) +
    extra(actual.notices.length, expected.notices.length) +
    extra(actual.packageChanges, expected.packageChanges) +
    extra(actual.devices.length, expected.devices.length)
  );
}

/**
 * Checks every run's ledger (jest `expect`, one diff per customer) and that Temporal closed each run
 * as COMPLETED; returns the number of duplicate rows found (0 when the checks pass).
 */
export async function expectExactlyOnce(harness: Harness, upgrades: Upgrade[]): Promise<number> {
  let duplicates = 0;
  const actual: Record<string, Ledger> = {};
  const expected: Record<string, Ledger> = {};
  for (const u of upgrades) {
    actual[u.customerId] = await ledgerOf(harness.pg, u);
    expected[u.customerId] = expectedLedger(u);
    duplicates += surplus(actual[u.customerId]!, expected[u.customerId]!);
  }
  expect(actual).toEqual(expected);
  for (const u of upgrades) {
    // The run records COMPLETED in its last activity; the execution closes a moment later.
    const description = await eventually(
      () => harness.temporal.workflow.getHandle(u.upgradeId).describe(),
      (d) => d.status.name !== 'RUNNING',
      30_000,
    ).catch(() => harness.temporal.workflow.getHandle(u.upgradeId).describe());
    expect(`${u.upgradeId} ${description.status.name}`).toBe(`${u.upgradeId} COMPLETED`);
  }
  return duplicates;
}

/** Retries Temporal recorded: activity attempts beyond the first, and workflow tasks that timed out. */
export async function retryStats(harness: Harness, upgrades: Upgrade[]) {
  const retried: Record<string, number> = {};
  let workflowTaskTimeouts = 0;
  let workflowTaskFailures = 0;
  let maxLocalAttempt = 0;
  for (const u of upgrades) {
    const history = await harness.temporal.workflow.getHandle(u.upgradeId).fetchHistory();
    const scheduled = new Map<string, string>();
    for (const event of history.events ?? []) {
      const id = String(event.eventId);
      const activityType = event.activityTaskScheduledEventAttributes?.activityType?.name;
      if (activityType) scheduled.set(id, activityType);
      const started = event.activityTaskStartedEventAttributes;
      if (started && (started.attempt ?? 1) > 1) {
        const name = scheduled.get(String(started.scheduledEventId)) ?? 'unknown';
        retried[name] = (retried[name] ?? 0) + 1;
      }
      const local = localActivityMarker(event);
      if (local && local.attempt > 1) {
        const name = `${local.activity_type} (local)`;
        retried[name] = (retried[name] ?? 0) + 1;
        maxLocalAttempt = Math.max(maxLocalAttempt, local.attempt);
      }
      if (event.workflowTaskTimedOutEventAttributes) workflowTaskTimeouts += 1;
      if (event.workflowTaskFailedEventAttributes) workflowTaskFailures += 1;
    }
  }
  return { retriedActivities: retried, maxLocalAttempt, workflowTaskTimeouts, workflowTaskFailures };
}

/** A local activity's record in the history: the SDK's marker, whose data says which try succeeded. */
function localActivityMarker(event: {
  markerRecordedEventAttributes?: {
    markerName?: string | null;
    details?: Record<string, { payloads?: Array<{ data?: Uint8Array | null }> | null }> | null;
  } | null;
}): { activity_type: string; attempt: number } | null {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== 'core_local_activity') return null;
  const data = marker.details?.data?.payloads?.[0]?.data;
  return data ? JSON.parse(Buffer.from(data).toString('utf8')) : null;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One line per fault in the test output, the figures the README quotes. */
export function report(fault: string, figures: Record<string, unknown>): void {
  console.log(`[faults] ${fault}\n${JSON.stringify(figures, null, 2)}`);
}

/**
 * The ledger is not blind: a second bill, ticket, email and push for the customer under another
 * upgrade ID (written in a transaction that is rolled back) must show as 4 duplicates.
 */
export async function duplicatesTheLedgerSees(harness: Harness, u: Upgrade): Promise<number> {
  const { pg } = harness;
  const other = `${u.upgradeId}-again`;
  await pg.query('BEGIN');
  try {
    await pg.query(
      `INSERT INTO "Bill" ("billCode", "customerId", "upgradeId", period, "billingDate", "dueDate",
         "billingMonthStart", "billingMonthEnd", "billCycle", "packageCode", "packageName", "actualChargeIdr",
         "adjustmentIdr", "baseIdr", "vatRatePercent", "vatIdr", "totalIdr", "amountInWords", status)
       SELECT '999999999999', "customerId", $2, period, "billingDate", "dueDate", "billingMonthStart",
         "billingMonthEnd", "billCycle", "packageCode", "packageName", "actualChargeIdr", "adjustmentIdr", "baseIdr",
         "vatRatePercent", "vatIdr", "totalIdr", "amountInWords", status
       FROM "Bill" WHERE "upgradeId" = $1`,
      [u.upgradeId, other],
    );
    await pg.query(
      `INSERT INTO "Ticket" ("ticketNo", "customerId", "upgradeId", kind, title, description, status, "createdBy",
         mode, notes, "createdAt", "closedAt")
       SELECT '9999999', "customerId", $2, kind, title, description, status, "createdBy", mode, notes,
         "createdAt", "closedAt"
       FROM "Ticket" WHERE "upgradeId" = $1 AND kind = 'UPGRADE'`,
      [u.upgradeId, other],
    );
    await pg.query(
      `INSERT INTO "EmailOutbox" ("idempotencyKey", "customerId", "from", "to", subject, html, text)
       SELECT $2 || ':BILL_ISSUED:EMAIL', "customerId", "from", "to", subject, html, text
       FROM "EmailOutbox" WHERE "idempotencyKey" = $1 || ':BILL_ISSUED:EMAIL'`,
      [u.upgradeId, other],
    );
    await pg.query(
      `INSERT INTO "PushOutbox" ("idempotencyKey", "customerId", title, body, "deepLink")
       SELECT $2 || ':BILL_ISSUED:PUSH', "customerId", title, body, "deepLink"
       FROM "PushOutbox" WHERE "idempotencyKey" = $1 || ':BILL_ISSUED:PUSH'`,
      [u.upgradeId, other],
    );
    const actual = await ledgerOf(pg, u);
    const expected = expectedLedger(u);
    expect(actual).not.toEqual(expected);
    return surplus(actual, expected);
  } finally {
    await pg.query('ROLLBACK');
  }
}
