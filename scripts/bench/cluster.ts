/**
 * `npm run bench -- --topology cluster`: the same upgrades through the HTTP API, on the production
 * topology (test/support/cluster/): Temporal as four services on PostgreSQL with SQL visibility, two
 * API processes taking turns, and first one worker process, then two. Prints a table and writes it
 * into docs/benchmarks.md between the cluster markers (README "In production" quotes it).
 *
 * Flags: --levels 1,25   --n 20,100   --no-write
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { stopProcess } from '../../local/processes';
import { type Cluster, startCluster, throwAwayClusterOptions } from '../../test/support/cluster/cluster';
import { createBenchCustomers } from './customers';
import { type DriveResult, driveUpgrades, ProgressWatcher } from './drive';
import { memoryOf, sampleUsage, type Usage } from './proc';
import { writeBetweenMarkers } from './report';
import { BENCH_ENCRYPTION_ENV, PRODUCTION_WORKER_ENV } from './stack';
import { distribution, fmt } from './stats';

const CLUSTER_MARKERS = ['<!-- bench:cluster:begin -->', '<!-- bench:cluster:end -->'] as const;

export interface ClusterLevel {
  workers: number;
  concurrency: number;
  run: DriveResult;
  usage: Usage;
  /** Largest RSS of one worker process during the level, MiB. */
  workerRssPeakMiB: number;
}

export interface ClusterBenchOptions {
  levels: number[];
  counts: number[];
  out: string | null;
}

const log = (message: string) => process.stderr.write(`[bench:cluster] ${message}\n`);

export async function benchCluster(options: ClusterBenchOptions): Promise<ClusterLevel[]> {
  log('starting the cluster: PostgreSQL, Temporal as four services, Web UI, 2 workers, 2 APIs…');
  const started = Date.now();
  const clusterOptions = await throwAwayClusterOptions('selfcare-bench-cluster-', {
    UPGRADE_RATE_LIMIT_PER_MINUTE: '100000',
    ...BENCH_ENCRYPTION_ENV,
  });
  const cluster = await startCluster(clusterOptions);
  log(`up in ${Date.now() - started} ms`);
  // Workers as docker-compose.yml runs them (the API processes keep the development secret).
  for (const worker of cluster.workers) {
    Object.assign(worker.env, PRODUCTION_WORKER_ENV);
    await stopProcess(worker.process!);
    await cluster.start(worker);
  }

  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  const watchClient = new pg.Client({ connectionString: cluster.databaseUrl });
  const levels: ClusterLevel[] = [];
  try {
    await client.connect();
    await watchClient.connect();
    const watcher = new ProgressWatcher(watchClient, 25);
    const apiUrls = cluster.apis.map((api) => api.url!);
    const warm = await driveUpgrades({
      apiUrl: apiUrls,
      watcher,
      customers: await createBenchCustomers(client, 8),
      concurrency: 4,
      tag: 'cluster-warmup',
    });
    if (warm.failures.length) throw new Error(`warm-up failed: ${warm.failures.join('; ')}`);

    for (const workers of [1, 2]) {
      await runOnlyWorkers(cluster, workers);
      for (const [i, concurrency] of options.levels.entries()) {
        const count = options.counts[i]!;
        log(`${workers} worker(s): ${count} upgrades at concurrency ${concurrency}…`);
        const pids = () => ({
          workerPid: cluster.workers.filter((w) => w.process?.running()).map((w) => w.process!.pid),
          apiPid: cluster.apis.map((a) => a.process!.pid),
        });
        const sampler = sampleUsage(pids());
        let workerRssPeakMiB = 0;
        const memory = setInterval(() => {
          for (const pid of pids().workerPid)
            workerRssPeakMiB = Math.max(workerRssPeakMiB, memoryOf(pid).rssMiB);
        }, 500);
        const run = await driveUpgrades({
          apiUrl: apiUrls,
          watcher,
          customers: await createBenchCustomers(client, count),
          concurrency,
          tag: `cluster-w${workers}-c${concurrency}`,
        });
        clearInterval(memory);
        levels.push({ workers, concurrency, run, usage: sampler.stop(), workerRssPeakMiB });
        log(`  ${fmt(run.timings.length / run.wallSeconds)} upgrades/s, ${run.failures.length} failed`);
        for (const failure of run.failures.slice(0, 5)) log(`  failure: ${failure}`);
      }
    }
  } finally {
    await client.end().catch(() => undefined);
    await watchClient.end().catch(() => undefined);
    await cluster.stop();
    fs.rmSync(clusterOptions.dataDir, { recursive: true, force: true });
  }

  const report = clusterReport(levels);
  process.stdout.write(`${report}\n`);
  if (options.out) {
    writeBetweenMarkers(options.out, report, CLUSTER_MARKERS, 'On the cluster topology');
    log(`wrote ${path.relative(process.cwd(), options.out)}`);
  }
  return levels;
}

/** Runs with the first `count` workers only: the others are stopped (drained), or started again. */
async function runOnlyWorkers(cluster: Cluster, count: number) {
  for (const [i, worker] of cluster.workers.entries()) {
    const running = worker.process?.running() ?? false;
    if (i < count && !running) await cluster.start(worker);
    if (i >= count && running) await stopProcess(worker.process!);
  }
}

export function clusterReport(levels: ClusterLevel[]): string {
  const cpu = (level: ClusterLevel, group: keyof Usage['groups']) =>
    fmt(
      (level.usage.groups[group].cpuPct * 10 * level.usage.seconds) / Math.max(1, level.run.timings.length),
    );
  const rows = levels.map((level) => {
    const { run } = level;
    const bill = distribution(run.timings.map((t) => t.billMs));
    const complete = distribution(run.timings.filter((t) => t.scenario === 'A').map((t) => t.completeMs));
    return `| ${level.workers} | ${level.concurrency} | ${run.timings.length} | ${run.failures.length} | ${fmt(run.timings.length / run.wallSeconds)} | ${fmt(bill.p50)} | ${fmt(complete.p50)} | ${cpu(level, 'temporal')} | ${cpu(level, 'worker')} | ${cpu(level, 'api')} | ${cpu(level, 'postgres')} | ${fmt(level.usage.machineBusyPct)} % | ${fmt(level.workerRssPeakMiB)} |`;
  });
  return [
    `Cluster topology, measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores: Temporal v1.32 as four services on PostgreSQL (SQL visibility, 4 history shards), two API processes taking turns, one or two worker processes; half the upgrades scenario A, half B (its swap reported at once), as above.`,
    '',
    '| workers | concurrency | upgrades | failed | upgrades/s | POST → bill p50 (ms) | POST → completed p50, A (ms) | CPU ms/upgrade: Temporal | workers | APIs | PostgreSQL | machine busy | worker RSS peak (MiB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
