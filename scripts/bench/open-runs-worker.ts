/** The open-runs soak's worker measures: memory, sticky cache, report → COMPLETED, reconciler pass. */
import { Client, Connection } from '@temporalio/client';
import type pg from 'pg';
import { createReconcileActivities } from '../../activities/reconcile';
import { RECONCILE_WORKFLOW_TYPE } from '../../contracts/upgrade';
import { loadConfig } from '../../platform/config';
import type { Database } from '../../platform/database';
import type { Row } from './open-runs-report';
import { memoryOf } from './proc';
import { benchDataConverter } from './stack';
import { distribution, fmt } from './stats';
import { benchBearer } from './tokens';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TASK_QUEUE = loadConfig({ NODE_ENV: 'test' }).temporal.taskQueue;
export const LATENCY_SAMPLES = 20;
export const ABANDONED = 5;

// ---- worker memory and sticky cache ------------------------------------------------------------

/** RSS from /proc; each V8 isolate's live heap after its last full GC, from --trace-gc's lines. */
export function workerMemory(pid: number, output: string): Row {
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

export async function scrape(url: string): Promise<Map<string, number>> {
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

export function cacheFigures(before: Map<string, number>, after: Map<string, number>): Row {
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

export async function reportLatencies(
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
export async function countingTemporal(address: string) {
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

export async function reconcilePass(
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
