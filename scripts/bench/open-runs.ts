/**
 * `npm run bench -- --open-runs 5000`: the stack filled with N upgrades waiting for a technician
 * (scenario B: single-band ONT, the run waits in AWAITING_ONT_SWAP with its bill run asleep) beside
 * closed ones (scenario A, one per ten waiting), all through the API's POST (the real path: same
 * histories and rows as production), measured as it fills at 100, 1,000 and N open runs:
 * the worker's memory and sticky cache, a technician's report → COMPLETED for a cached and an
 * evicted run, the reconciler's pass, the ops/customer/technician reads and their plans, the
 * operators' visibility searches, and PostgreSQL's and Temporal's size per upgrade.
 * The measures: open-runs-worker.ts and open-runs-stores.ts; the report: open-runs-report.ts.
 */

import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { RECONCILE_WORKFLOW_ID } from '../../contracts/upgrade';
import type { Database } from '../../platform/database';
import { freePorts } from '../../platform/free-ports';
import { PrismaClient } from '../../prisma/generated/client';
import { type BenchCustomer, createBenchCustomers } from './customers';
import { type Checkpoint, report } from './open-runs-report';
import { databaseSizes, historySizes, readLatencies, visibilitySearches } from './open-runs-stores';
import {
  ABANDONED,
  cacheFigures,
  countingTemporal,
  LATENCY_SAMPLES,
  reconcilePass,
  reportLatencies,
  scrape,
  workerMemory,
} from './open-runs-worker';
import { benchDataConverter, startBenchStack } from './stack';
import { fmt } from './stats';
import { benchBearer, stopBenchIssuer } from './tokens';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Runs posted at once while filling (each waits until its run waits or completes). */
const FILL_CONCURRENCY = 24;

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
