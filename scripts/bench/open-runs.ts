/**
 * `npm run bench -- --open-runs 5000`: the stack filled with N upgrades waiting for a technician
 * (scenario B: single-band ONT, the run waits in AWAITING_ONT_SWAP with its bill run asleep) beside
 * closed ones (scenario A, one per ten waiting), all through the API's POST (the real path: same
 * histories and rows as production), measured as it fills at 100, 1,000 and N open runs:
 * the worker's memory and sticky cache, a technician's report → COMPLETED for a cached and an
 * evicted run, the reconciler's pass, the ops/customer/technician reads and their plans, the
 * operators' visibility searches, and PostgreSQL's and Temporal's size per upgrade.
 */

import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import pg from 'pg';
import { createReconcileActivities } from '../../activities/reconcile';
import { RECONCILE_WORKFLOW_ID, RECONCILE_WORKFLOW_TYPE } from '../../contracts/upgrade';
import { loadConfig } from '../../platform/config';
import type { Database } from '../../platform/database';
import { freePorts } from '../../platform/free-ports';
import { PrismaClient } from '../../prisma/generated/client';
import { ticketsOf, workOrderView } from '../../services/crm-views';
import { customerUpgrades, homeView } from '../../services/customers';
import { jobCard, vendorVisits } from '../../services/technician-visits';
import { loadUpgradeView, loadUpgradeViews } from '../../services/upgrade-views';
import { type BenchCustomer, createBenchCustomers } from './customers';
import { type PlanNode, scansOf } from './database';
import { memoryOf } from './proc';
import { markdownTable } from './report';
import { benchDataConverter, startBenchStack } from './stack';
import { distribution, fmt } from './stats';
import { benchBearer, stopBenchIssuer } from './tokens';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TASK_QUEUE = loadConfig({ NODE_ENV: 'test' }).temporal.taskQueue;
/** Runs posted at once while filling (each waits until its run waits or completes). */
const FILL_CONCURRENCY = 24;
const LATENCY_SAMPLES = 20;
const READ_SAMPLES = 30;
const ABANDONED = 5;
/** Counts that grow with the fill by design: no ratio. */
const NO_RATIO = /hits \/ misses while|evictions while|upgrade rows|series found/;

type Row = Record<string, string>;
interface Checkpoint {
  open: number;
  closed: number;
  memory: Row;
  cache: Row;
  report: Row;
  reconcile: Row;
  reads: Row;
  plans: Array<{ name: string; plan: string; seq: boolean }>;
  visibility: Row;
  sizes: Row;
  history: Row;
}

export async function benchOpenRuns(
  target: number,
  out: (report: string) => void,
  options: { fillMinutes?: number } = {},
): Promise<void> {
  const fillDeadline = Date.now() + (options.fillMinutes ?? 24 * 60) * 60_000;
  const checkpoints = [100, 1000, target].filter((n, i, all) => n <= target && all.indexOf(n) === i);
  const [metricsPort] = (await freePorts(1)) as [number];
  const started = Date.now();
  const stack = await startBenchStack({
    workerEnv: { WORKER_METRICS_PORT: String(metricsPort) },
    workerNodeArgs: ['--trace-gc'],
  });
  log(`stack up; worker metrics on ${metricsPort}`);
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const counted = await countingTemporal(stack.temporalAddress);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection, dataConverter: benchDataConverter });
  const statements: string[] = [];
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: stack.databaseUrl, max: 3 }),
    log: [{ emit: 'event', level: 'query' }],
  }) as unknown as Database;
  const queries: Array<{ query: string; params: string }> = [];
  (db as unknown as { $on(e: 'query', f: (q: { query: string; params: string }) => void): void }).$on(
    'query',
    (q) => {
      statements.push(q.query);
      queries.push(q);
    },
  );
  const results: Checkpoint[] = [];
  try {
    // The reconciler's run would settle the bench's abandoned runs before the measured pass does.
    await temporal.workflow
      .getHandle(RECONCILE_WORKFLOW_ID)
      .terminate('open-runs bench measures its own passes')
      .catch(() => undefined);
    const metrics = () => scrape(`http://127.0.0.1:${metricsPort}/metrics`);
    let open = 0;
    let closed = 0;
    let previousMetrics = await metrics();
    for (const checkpoint of checkpoints) {
      const fillStarted = Date.now();
      let posted = 0;
      let failed = 0;
      // In chunks, so a fill budget (--fill-minutes) can stop it between two.
      while (open < checkpoint && Date.now() < fillDeadline) {
        const addOpen = Math.min(250, checkpoint - open);
        const addClosed = Math.ceil(addOpen / 10);
        const fill = await fillUpgrades(client, stack.apiUrl, addOpen, addClosed);
        open += fill.waiting;
        closed += fill.completed;
        posted += addOpen + addClosed;
        failed += fill.failed;
        log(
          `  ${open} open, ${closed} closed (${fmt(posted / ((Date.now() - fillStarted) / 1000))}/s, ${failed} failed)`,
        );
      }
      await sleep(2000);
      const now = await metrics();
      const point: Partial<Checkpoint> = { open, closed };
      point.memory = workerMemory(stack.workerPid, stack.workerOutput());
      point.cache = cacheFigures(previousMetrics, now);
      point.report = await reportLatencies(client, stack.apiUrl, metrics);
      open -= 2 * LATENCY_SAMPLES;
      closed += 2 * LATENCY_SAMPLES;
      point.reconcile = await reconcilePass(client, temporal, db, statements, counted, checkpoint);
      open -= ABANDONED;
      const measured = await readLatencies(client, stack.apiUrl, db, queries);
      point.reads = measured.latencies;
      point.plans = measured.plans;
      point.visibility = await visibilitySearches(temporal, client);
      point.sizes = await databaseSizes(client);
      point.history = await historySizes(temporal, client);
      results.push(point as Checkpoint);
      previousMetrics = await metrics();
      log(`  measured at ${open + 2 * LATENCY_SAMPLES + ABANDONED} open`);
      // Written at every checkpoint: a soak stopped early still leaves its figures so far.
      out(report(results, target, fill(started)));
      if (Date.now() >= fillDeadline) {
        log('fill budget spent: no further checkpoint');
        break;
      }
    }
  } finally {
    await db.$disconnect();
    await client.end();
    await connection.close();
    await counted.connection.close();
    await stack.stop();
    await stopBenchIssuer();
  }
}

const fill = (started: number) => `whole soak ${fmt((Date.now() - started) / 1000, 0)} s`;

/** Posts `waiting` scenario-B and `completed` scenario-A upgrades, FILL_CONCURRENCY at a time. */
async function fillUpgrades(client: pg.Client, apiUrl: string, waiting: number, completed: number) {
  const b = await createBenchCustomers(client, waiting, 'B');
  const a = await createBenchCustomers(client, completed, 'A');
  const queue: BenchCustomer[] = [];
  for (let i = 0; i < b.length; i++) {
    queue.push(b[i]!);
    if (i % 10 === 9 && a.length) queue.push(a.pop()!);
  }
  queue.push(...a);
  const pending = new Map<string, () => void>();
  let stop = false;
  const watcher = (async () => {
    while (!stop) {
      await sleep(200);
      if (!pending.size) continue;
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM "UpgradeRequest" WHERE id = ANY($1) AND status IN ('AWAITING_ONT_SWAP','COMPLETED','FAILED')`,
        [[...pending.keys()]],
      );
      for (const { id } of rows) {
        pending.get(id)?.();
        pending.delete(id);
      }
    }
  })();
  let next = 0;
  let failed = 0;
  const one = async () => {
    for (let i = next++; i < queue.length; i = next++) {
      const customer = queue[i]!;
      const response = await fetch(`${apiUrl}/v1/customers/${customer.id}/upgrades`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'Idempotency-Key': `soak-${customer.id}`,
          ...(await benchBearer('customer', customer.id)),
        },
        body: JSON.stringify({ targetPackageCode: customer.targetPackageCode }),
      });
      const body = (await response.json()) as { upgradeId?: string };
      if (response.status !== 202 || !body.upgradeId) {
        failed++;
        continue;
      }
      const deadline = sleep(120_000);
      await Promise.race([new Promise<void>((resolve) => pending.set(body.upgradeId!, resolve)), deadline]);
    }
  };
  await Promise.all(Array.from({ length: FILL_CONCURRENCY }, one));
  stop = true;
  await watcher;
  const { rows } = await client.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM "UpgradeRequest" WHERE "customerId" = ANY($1) GROUP BY status`,
    [queue.map((c) => c.id)],
  );
  const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return {
    waiting: count('AWAITING_ONT_SWAP'),
    completed: count('COMPLETED'),
    failed: failed + count('FAILED'),
  };
}

// ---- worker memory and sticky cache ------------------------------------------------------------

/** RSS from /proc; each V8 isolate's live heap after its last full GC, from --trace-gc's lines. */
function workerMemory(pid: number, output: string): Row {
  const { rssMiB } = memoryOf(pid);
  const heaps = new Map<string, string>();
  // [pid:0x55d0c8a0e000]    12345 ms: Mark-Compact 45.2 (60.1) -> 40.3 (58.0) MB, …
  const line = /\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: Mark-Compact[^\n]*?-> ([\d.]+) \(([\d.]+)\) MB/g;
  for (const match of output.matchAll(line)) heaps.set(match[1]!, `${match[2]} (${match[3]})`);
  const sorted = [...heaps.values()].sort((x, y) => Number.parseFloat(y) - Number.parseFloat(x));
  return {
    'worker RSS, MiB': fmt(rssMiB, 0),
    'largest isolate: live heap after its last full GC, MiB (committed)': sorted[0] ?? '–',
    'next isolate, MiB (committed)': sorted[1] ?? '–',
    'isolates seen': String(heaps.size),
  };
}

async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(url)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('temporal_sticky_cache') && !line.startsWith('temporal_workflow_task_replay'))
      continue;
    const [series, value] = [
      line.slice(0, line.lastIndexOf(' ')),
      Number(line.slice(line.lastIndexOf(' ') + 1)),
    ];
    const name = series.replace(/\{.*\}/, '');
    if (name.endsWith('_bucket') || name.endsWith('_sum')) continue;
    values.set(name, (values.get(name) ?? 0) + value);
  }
  return values;
}

const metric = (values: Map<string, number>, prefix: string) =>
  [...values].filter(([name]) => name.startsWith(prefix)).reduce((sum, [, v]) => sum + v, 0);

function cacheFigures(before: Map<string, number>, after: Map<string, number>): Row {
  const delta = (prefix: string) => metric(after, prefix) - metric(before, prefix);
  const hits = delta('temporal_sticky_cache_hit');
  const misses = delta('temporal_sticky_cache_miss');
  return {
    'cache size (runs)': fmt(metric(after, 'temporal_sticky_cache_size'), 0),
    'hits / misses while filling': `${hits} / ${misses}`,
    'hit rate while filling': `${fmt((hits / Math.max(1, hits + misses)) * 100, 0)} %`,
    'forced evictions while filling': String(delta('temporal_sticky_cache_total_forced_eviction')),
    'series found': [...after.keys()].filter((k) => k.startsWith('temporal_sticky')).join(', '),
  };
}

// ---- technician's report → COMPLETED ---------------------------------------------------------

async function reportLatencies(
  client: pg.Client,
  apiUrl: string,
  metrics: () => Promise<Map<string, number>>,
): Promise<Row> {
  const waiting = async (order: 'ASC' | 'DESC') =>
    (
      await client.query<{ id: string; wo: string; customerId: string }>(
        `SELECT u.id, w."woNumber" AS wo, u."customerId" FROM "UpgradeRequest" u
         JOIN "WorkOrder" w ON w."upgradeId" = u.id AND w.type = 'MAINTENANCE'
         WHERE u.status = 'AWAITING_ONT_SWAP' ORDER BY u."acceptedAt" ${order} LIMIT ${LATENCY_SAMPLES}`,
      )
    ).rows;
  const row: Row = {};
  // Newest first: the runs the worker touched last (in its cache); then the oldest (evicted, replayed).
  for (const [label, order] of [
    ['newest waiting run (cached)', 'DESC'],
    ['oldest waiting run (evicted)', 'ASC'],
  ] as const) {
    const runs = await waiting(order);
    const before = await metrics();
    const times: number[] = [];
    for (const run of runs) {
      const sent = Date.now();
      const answer = await fetch(`${apiUrl}/v1/technician/work-orders/${run.wo}/ont-replacement`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await benchBearer('technician', 'tech-bench')) },
        body: JSON.stringify({
          newOntSerial: `SOAKNEW${run.customerId}`,
          newOntModel: 'ZTE F670L',
          band: 'DUAL',
          technician: 'Bench Technician',
        }),
      });
      await answer.arrayBuffer();
      if (answer.status !== 202) throw new Error(`ONT report ${run.wo}: ${answer.status}`);
      for (let i = 0; i < 3000; i++) {
        const { rows } = await client.query<{ status: string }>(
          'SELECT status FROM "UpgradeRequest" WHERE id = $1',
          [run.id],
        );
        if (rows[0]?.status === 'COMPLETED') break;
        await sleep(5);
      }
      times.push(Date.now() - sent);
    }
    const after = await metrics();
    const d = distribution(times);
    const hits = metric(after, 'temporal_sticky_cache_hit') - metric(before, 'temporal_sticky_cache_hit');
    const misses = metric(after, 'temporal_sticky_cache_miss') - metric(before, 'temporal_sticky_cache_miss');
    row[`${label} p50 / p95, ms`] = `${fmt(d.p50, 0)} / ${fmt(d.p95, 0)}`;
    row[`${label}: cache hits / misses`] = `${hits} / ${misses}`;
  }
  return row;
}

// ---- the reconciler ---------------------------------------------------------------------------

/** A Temporal client whose calls to the frontend are counted (the reconciler's visibility calls). */
async function countingTemporal(address: string) {
  const calls: string[] = [];
  const connection = await Connection.connect({ address });
  const service = connection.workflowService;
  const counting = new Proxy(service, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return value.apply(target, args);
      };
    },
  });
  Object.defineProperty(connection, 'workflowService', { value: counting });
  return { connection, calls, client: new Client({ connection, dataConverter: benchDataConverter }) };
}

async function reconcilePass(
  client: pg.Client,
  temporal: Client,
  db: Database,
  statements: string[],
  counted: Awaited<ReturnType<typeof countingTemporal>>,
  checkpoint: number,
): Promise<Row> {
  const activities = createReconcileActivities({ db, temporal: counted.client });
  const row: Row = {};
  const pass = async (label: string) => {
    statements.length = 0;
    counted.calls.length = 0;
    const t0 = Date.now();
    const found = await activities.findAbandonedUpgrades({});
    const findMs = Date.now() - t0;
    const findStatements = statements.length;
    const calls = counted.calls.length;
    const kinds = [...new Set(counted.calls)].join(', ');
    const t1 = Date.now();
    const settled = await temporal.workflow.execute(RECONCILE_WORKFLOW_TYPE, {
      taskQueue: TASK_QUEUE,
      workflowId: `soak-reconcile-${checkpoint}-${label}`,
      args: [{}],
    });
    const passMs = Date.now() - t1;
    row[`${label}: pass (workflow) ms`] = fmt(passMs, 0);
    row[`${label}: find activity ms / statements / Temporal calls`] =
      `${fmt(findMs, 0)} / ${findStatements} / ${calls} (${kinds || 'none'})`;
    row[`${label}: found / settled`] = `${found.length} / ${(settled as string[]).length}`;
  };
  await pass('nothing to settle');
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "UpgradeRequest" WHERE status = 'AWAITING_ONT_SWAP' ORDER BY random() LIMIT ${ABANDONED}`,
  );
  for (const { id } of rows) await temporal.workflow.getHandle(id).terminate('open-runs bench: abandoned');
  await sleep(1500); // visibility catches up
  await pass(`${ABANDONED} abandoned`);
  return row;
}

// ---- reads and their plans --------------------------------------------------------------------

async function readLatencies(
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

async function visibilitySearches(temporal: Client, client: pg.Client): Promise<Row> {
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

async function databaseSizes(client: pg.Client): Promise<Row> {
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

async function historySizes(temporal: Client, client: pg.Client): Promise<Row> {
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

// ---- the report -------------------------------------------------------------------------------

function report(points: Checkpoint[], target: number, footer: string): string {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const lead = (v: string) => Number.parseFloat(v.replace(/,/g, ''));
  const table = (title: string, pick: (p: Checkpoint) => Row) => [
    `#### ${title}`,
    '',
    ...markdownTable(
      ['figure', ...points.map((p) => `${p.open} open`), `${last.open} ÷ ${first.open}`],
      [...new Set(points.flatMap((p) => Object.keys(pick(p))))].map((key) => {
        const values = points.map((p) => pick(p)[key] ?? '–');
        const ratio = NO_RATIO.test(key) ? Number.NaN : lead(values.at(-1)!) / lead(values[0]!);
        return [key, ...values, Number.isFinite(ratio) ? `${fmt(ratio)}×` : '–'];
      }),
    ),
  ];
  return [
    `_Open-runs soak to ${target}, ${new Date().toISOString()}; ${footer}. Runs filled through POST /v1/customers/{id}/upgrades._`,
    '',
    ...table('Worker memory', (p) => p.memory),
    ...table('Sticky cache (maxCachedWorkflows as built)', (p) => p.cache),
    ...table('Technician report → COMPLETED', (p) => p.report),
    ...table('Reconciler pass', (p) => p.reconcile),
    ...table('Reads through the API (sequential, 30 each)', (p) => p.reads),
    ...table('Visibility searches (dev server, SQLite)', (p) => p.visibility),
    ...table('PostgreSQL size', (p) => p.sizes),
    ...table('Temporal history per run', (p) => p.history),
    '#### Query plans at the last checkpoint (sequential scans disabled: a Seq Scan left = no index serves it)',
    '',
    ...markdownTable(
      ['read: table', 'plan', 'Seq Scan'],
      last.plans.map((plan) => [plan.name, plan.plan, plan.seq ? '**yes**' : 'no']),
    ),
  ].join('\n');
}
