/**
 * Database-side evidence for the bottleneck hunt: how many connections are busy while upgrades
 * run (is the pool a limit?) and which index each hot query of the upgrade path can use (EXPLAIN
 * with sequential scans disabled: a Seq Scan left in the plan means no index serves the query).
 */
import type pg from 'pg';

export interface ActiveConnections {
  mean: number;
  max: number;
  samples: number;
}

/** Counts non-idle client backends (the bench's own excluded) every `intervalMs`. */
export function sampleActiveConnections(
  client: pg.Client,
  excludePids: number[],
  intervalMs = 100,
): { stop(): Promise<ActiveConnections> } {
  const counts: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> ALL($1::int[])`,
        [excludePids],
      );
      counts.push(rows[0]!.n);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return {
        mean: counts.reduce((a, b) => a + b, 0) / (counts.length || 1),
        max: Math.max(0, ...counts),
        samples: counts.length,
      };
    },
  };
}

export interface QueryPlan {
  name: string;
  hot: boolean;
  scans: string;
  usesIndex: boolean;
}

/** The upgrade path's queries (as Prisma issues them, by their WHERE clauses) and a few reads. */
function hotQueries(
  customerId: string,
  upgradeId: string,
  woNumber: string,
): Array<[string, boolean, string]> {
  const c = `'${customerId}'`;
  const u = `'${upgradeId}'`;
  return [
    ['admission: request by id', true, `SELECT * FROM "UpgradeRequest" WHERE id = ${u}`],
    [
      'admission: upgrade in flight',
      true,
      `SELECT * FROM "UpgradeRequest" WHERE "customerId" = ${c} AND status IN ('BILLING','AWAITING_ONT_SWAP','ESCALATED') LIMIT 1`,
    ],
    ['context: customer', true, `SELECT * FROM "Customer" WHERE id = ${c}`],
    ['context: subscription', true, `SELECT * FROM "Subscription" WHERE "customerId" = ${c}`],
    ['context: package', true, `SELECT * FROM "Package" WHERE code = 'STREAM-150-SEM'`],
    [
      'plan: active ONT',
      true,
      `SELECT * FROM "OntDevice" WHERE "customerId" = ${c} AND status = 'ACTIVE' ORDER BY "installedAt" DESC LIMIT 1`,
    ],
    ['bill of the upgrade', true, `SELECT * FROM "Bill" WHERE "upgradeId" = ${u}`],
    ['ticket of the upgrade', true, `SELECT * FROM "Ticket" WHERE "upgradeId" = ${u} AND kind = 'UPGRADE'`],
    [
      'work order of the upgrade',
      true,
      `SELECT * FROM "WorkOrder" WHERE "upgradeId" = ${u} AND type = 'UPGRADE'`,
    ],
    ['subscription change', true, `SELECT * FROM "SubscriptionChange" WHERE "upgradeId" = ${u}`],
    [
      'notification by key',
      true,
      `SELECT * FROM "Notification" WHERE "idempotencyKey" = ${u.slice(0, -1)}:BILL_ISSUED:EMAIL'`,
    ],
    ['email outbox by key', true, `SELECT * FROM "EmailOutbox" WHERE "idempotencyKey" = 'x'`],
    ['push outbox by key', true, `SELECT * FROM "PushOutbox" WHERE "idempotencyKey" = 'x'`],
    ['technician: work order', true, `SELECT * FROM "WorkOrder" WHERE "woNumber" = '${woNumber}'`],
    ['technician: ONT by serial', true, `SELECT * FROM "OntDevice" WHERE serial = 'BENCHNEWX'`],
    [
      'home: unread inbox',
      false,
      `SELECT count(*) FROM "Notification" WHERE "customerId" = ${c} AND channel = 'INBOX' AND "readAt" IS NULL`,
    ],
    [
      'customer upgrades list',
      false,
      `SELECT * FROM "UpgradeRequest" WHERE "customerId" = ${c} ORDER BY "requestedAt" DESC LIMIT 20`,
    ],
    [
      'retry only: ONTs replaced by a serial',
      false,
      `SELECT * FROM "OntDevice" WHERE "replacedBySerial" = 'BENCHNEWX'`,
    ],
    ['ops: work orders of tickets', false, `SELECT * FROM "WorkOrder" WHERE "ticketNo" IN ('1000000')`],
  ];
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every scan in a plan: `Index Scan using <index>`, or `Seq Scan on <table>`. */
export function scansOf(plan: PlanNode): string[] {
  const own = plan['Node Type'].includes('Scan')
    ? [
        plan['Index Name']
          ? `${plan['Node Type']} using ${plan['Index Name']}`
          : `${plan['Node Type']} on ${plan['Relation Name']}`,
      ]
    : [];
  return [...own, ...(plan.Plans ?? []).flatMap(scansOf)];
}

export async function explainHotQueries(
  client: pg.Client,
  sample: { customerId: string; upgradeId: string; woNumber: string },
): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL enable_seqscan = off');
    for (const [name, hot, sql] of hotQueries(sample.customerId, sample.upgradeId, sample.woNumber)) {
      const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${sql}`,
      );
      const scans = scansOf(rows[0]!['QUERY PLAN'][0]!.Plan);
      plans.push({
        name,
        hot,
        scans: scans.join(', '),
        usesIndex: !scans.some((s) => s.startsWith('Seq Scan')),
      });
    }
  } finally {
    await client.query('ROLLBACK');
  }
  return plans;
}
