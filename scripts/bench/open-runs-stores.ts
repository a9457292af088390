/** The open-runs soak's store measures: the API's reads and their plans, visibility searches, sizes. */
import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type pg from 'pg';
import type { Database } from '../../platform/database';
import { ticketsOf, workOrderView } from '../../services/crm-views';
import { customerUpgrades, homeView } from '../../services/customers';
import { jobCard, vendorVisits } from '../../services/technician-visits';
import { loadUpgradeView, loadUpgradeViews } from '../../services/upgrade-views';
import { type PlanNode, scansOf } from './database';
import type { Row } from './open-runs-report';
import { distribution, fmt } from './stats';
import { benchBearer } from './tokens';

const READ_SAMPLES = 30;

// ---- reads and their plans --------------------------------------------------------------------

export async function readLatencies(
  client: pg.Client,
  apiUrl: string,
  db: Database,
  queries: Array<{ query: string; params: string }>,
) {
  const sample = (
    await client.query<{ id: string; customerId: string; wo: string; ticket: string }>(
      `SELECT u.id, u."customerId", w."woNumber" AS wo, w."ticketNo" AS ticket FROM "UpgradeRequest" u
       JOIN "WorkOrder" w ON w."upgradeId" = u.id AND w.type = 'MAINTENANCE'
       WHERE u.status = 'AWAITING_ONT_SWAP' ORDER BY u."requestedAt" LIMIT 1 OFFSET 10`,
    )
  ).rows[0]!;
  const operator = await benchBearer('operator', 'ops-bench');
  const customer = await benchBearer('customer', sample.customerId);
  const technician = await benchBearer('technician', 'tech-bench');
  const reads: Array<[string, string, Record<string, string>, () => Promise<unknown>]> = [
    [
      'GET /v1/ops/upgrades (page 1)',
      '/v1/ops/upgrades?page=1&pageSize=20',
      operator,
      () =>
        db.upgradeRequest
          .findMany({ orderBy: { requestedAt: 'desc' }, take: 20 })
          .then((r) => loadUpgradeViews(db, r)),
    ],
    [
      'GET /v1/ops/upgrades (page 20)',
      '/v1/ops/upgrades?page=20&pageSize=20',
      operator,
      () => db.upgradeRequest.findMany({ orderBy: { requestedAt: 'desc' }, skip: 380, take: 20 }),
    ],
    [
      'GET /v1/ops/upgrades?status=AWAITING_ONT_SWAP',
      '/v1/ops/upgrades?status=AWAITING_ONT_SWAP&page=1&pageSize=20',
      operator,
      () =>
        db.upgradeRequest.findMany({
          where: { status: 'AWAITING_ONT_SWAP' },
          orderBy: { requestedAt: 'desc' },
          take: 20,
        }),
    ],
    [
      'GET /v1/ops/upgrades?customerId=…',
      `/v1/ops/upgrades?customerId=${sample.customerId}`,
      operator,
      () =>
        db.upgradeRequest.findMany({
          where: { customerId: sample.customerId },
          orderBy: { requestedAt: 'desc' },
          take: 20,
        }),
    ],
    [
      'GET /v1/ops/tickets?customerId=…',
      `/v1/ops/tickets?customerId=${sample.customerId}`,
      operator,
      () => ticketsOf(db, sample.customerId),
    ],
    [
      'GET /v1/ops/work-orders/{wo}',
      `/v1/ops/work-orders/${sample.wo}`,
      operator,
      () => workOrderView(db, sample.wo),
    ],
    [
      'GET /v1/technician/work-orders/{wo}',
      `/v1/technician/work-orders/${sample.wo}`,
      technician,
      () => jobCard(db, sample.wo, 'MISITEL'),
    ],
    [
      'GET /v1/technician/visits',
      '/v1/technician/visits',
      technician,
      () => vendorVisits(db, { vendor: 'MISITEL', date: new Date().toISOString().slice(0, 10), area: null }),
    ],
    [
      'GET /v1/customers/{id}/home',
      `/v1/customers/${sample.customerId}/home`,
      customer,
      () => homeView(db, sample.customerId),
    ],
    ['GET /v1/upgrades/{id}', `/v1/upgrades/${sample.id}`, customer, () => loadUpgradeView(db, sample.id)],
    [
      'GET /v1/customers/{id}/upgrades',
      `/v1/customers/${sample.customerId}/upgrades`,
      customer,
      () => customerUpgrades(db, sample.customerId, { skip: 0, take: 20 }),
    ],
  ];
  const latencies: Row = {};
  const plans: Array<{ name: string; plan: string; seq: boolean }> = [];
  for (const [name, url, headers, same] of reads) {
    const times: number[] = [];
    for (let i = 0; i < READ_SAMPLES + 3; i++) {
      const t0 = performance.now();
      const answer = await fetch(`${apiUrl}${url}`, { headers });
      const body = await answer.arrayBuffer();
      if (answer.status !== 200) throw new Error(`${name}: ${answer.status} ${Buffer.from(body).toString()}`);
      if (i >= 3) times.push(performance.now() - t0);
    }
    const d = distribution(times);
    latencies[`${name} p50 / p95, ms`] = `${fmt(d.p50)} / ${fmt(d.p95)}`;
    queries.length = 0;
    await same();
    plans.push(...(await explain(client, name, [...queries])));
  }
  return { latencies, plans };
}

/**
 * The plan of each statement the read sends (the same service functions, in this process), with
 * sequential scans disabled: a Seq Scan left means no index can serve it.
 */
async function explain(client: pg.Client, name: string, queries: Array<{ query: string; params: string }>) {
  const plans = [];
  await client.query('BEGIN');
  await client.query('SET LOCAL enable_seqscan = off');
  for (const { query, params } of queries) {
    if (!/^\s*SELECT/i.test(query)) continue;
    const values = JSON.parse(params) as unknown[];
    const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${query}`,
      values,
    );
    const scans = scansOf(rows[0]!['QUERY PLAN'][0]!.Plan);
    const table = /FROM "public"\."(\w+)"/.exec(query)?.[1] ?? '?';
    plans.push({
      name: `${name}: ${table}`,
      plan: scans.join(', '),
      seq: scans.some((s) => s.startsWith('Seq Scan')),
    });
  }
  return plans;
}

// ---- visibility -------------------------------------------------------------------------------

export async function visibilitySearches(temporal: Client, client: pg.Client): Promise<Row> {
  const customerId = (
    await client.query<{ customerId: string }>(
      `SELECT "customerId" FROM "UpgradeRequest" WHERE status = 'AWAITING_ONT_SWAP' LIMIT 1`,
    )
  ).rows[0]!.customerId;
  const today = new Date();
  const inAWeek = new Date(today.getTime() + 7 * 86_400_000);
  const searches: Array<[string, string]> = [
    ['CustomerId = …', `CustomerId = '${customerId}'`],
    ['UpgradeStatus = AWAITING_ONT_SWAP', `UpgradeStatus = 'AWAITING_ONT_SWAP'`],
    [
      'AwaitingOntSwapSince in the last hour',
      `AwaitingOntSwapSince > '${new Date(today.getTime() - 3_600_000).toISOString()}'`,
    ],
    [
      'VisitDate in the next 7 days',
      `VisitDate BETWEEN '${today.toISOString()}' AND '${inAWeek.toISOString()}'`,
    ],
  ];
  const row: Row = {};
  for (const [label, query] of searches) {
    const listMs: number[] = [];
    const countMs: number[] = [];
    let count = 0;
    for (let i = 0; i < 6; i++) {
      let t0 = performance.now();
      let seen = 0;
      for await (const _ of temporal.workflow.list({ query, pageSize: 20 })) if (++seen >= 20) break;
      if (i) listMs.push(performance.now() - t0);
      t0 = performance.now();
      count = (await temporal.workflow.count(query)).count;
      if (i) countMs.push(performance.now() - t0);
    }
    row[`${label}: first page of 20 p50 ms / count p50 ms (matches)`] =
      `${fmt(distribution(listMs).p50)} / ${fmt(distribution(countMs).p50)} (${count})`;
  }
  return row;
}

// ---- sizes ------------------------------------------------------------------------------------

export async function databaseSizes(client: pg.Client): Promise<Row> {
  await client.query('ANALYZE');
  const upgrades = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "UpgradeRequest"'))
    .rows[0]!.n;
  const { rows } = await client.query<{
    table: string;
    rows: string;
    table_bytes: string;
    index_bytes: string;
  }>(
    `SELECT c.relname AS table, c.reltuples::bigint AS rows, pg_table_size(c.oid) AS table_bytes,
       pg_indexes_size(c.oid) AS index_bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`,
  );
  const per = (bytes: number) => fmt(((bytes / upgrades) * 1000) / 1024 / 1024, 2);
  const sum = (key: 'table_bytes' | 'index_bytes') => rows.reduce((s, r) => s + Number(r[key]), 0);
  const exact = async (table: string) =>
    (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;
  const big = rows.filter((r) => Number(r.rows) > 0).sort((x, y) => x.table.localeCompare(y.table));
  const row: Row = {
    'upgrade rows': String(upgrades),
    'table MiB per 1,000 upgrades (all tables)': per(sum('table_bytes')),
    'index MiB per 1,000 upgrades (all tables)': per(sum('index_bytes')),
  };
  for (const r of big) {
    row[`${r.table}: rows per upgrade, table + index MiB per 1,000`] =
      `${fmt((await exact(r.table)) / upgrades)}, ${per(Number(r.table_bytes))} + ${per(Number(r.index_bytes))}`;
  }
  return row;
}

export async function historySizes(temporal: Client, client: pg.Client): Promise<Row> {
  const pick = async (status: string) =>
    (
      await client.query<{ id: string }>(
        `SELECT id FROM "UpgradeRequest" WHERE status = $1 ORDER BY random() LIMIT 10`,
        [status],
      )
    ).rows.map((r) => r.id);
  const row: Row = {};
  for (const [label, status] of [
    ['waiting run (B)', 'AWAITING_ONT_SWAP'],
    ['closed run', 'COMPLETED'],
  ] as const) {
    const events: number[] = [];
    const bytes: number[] = [];
    for (const id of await pick(status)) {
      const history = await temporal.workflow.getHandle(id).fetchHistory();
      events.push(history.events?.length ?? 0);
      bytes.push(proto.api.history.v1.History.encode(history).finish().length);
    }
    row[`${label}: events / bytes per run (p50)`] =
      `${fmt(distribution(events).p50, 0)} / ${fmt(distribution(bytes).p50, 0)}`;
  }
  return row;
}
