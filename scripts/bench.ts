/**
 * `npm run bench`: upgrades through the HTTP API on the embedded stack (PostgreSQL, Temporal dev
 * server, API, and the worker in a process of its own) at increasing concurrency, the same
 * activities in the plain loop (the real workflow on the time-skipping test server in this process,
 * no HTTP, no dev server), and the API's read latency idle and under load.
 * Prints a table and writes it into docs/benchmarks.md (between the bench markers; the rest of
 * the file is kept). All traffic goes to 127.0.0.1; every loop is bounded.
 *
 * Flags: --levels 1,5,10,25   --n 20,40,60,100 or one number   --read-seconds 5
 *   --read-connections 2   --poll-ms 25   --out docs/benchmarks.md   --no-write   --skip-plain   --skip-reads   --profile-worker <dir> (V8 CPU profiles of the worker, main thread
 *   and workflow thread, written when it stops)
 *   --worker-env 'K=V;K2=V2' (more environment of the worker process only, e.g.
 *   'NODE_OPTIONS=--max-old-space-size=192;MALLOC_ARENA_MAX=2'; reported in the settings)
 *   --ceiling: after each level, the same workflow shape with no-op activities (all regular, all
 *   local, and the real local/regular mix) on the same dev server at the same concurrency and N
 *   (scripts/bench/ceiling.ts); the report shows the real throughput as a ratio of each.
 *   --topology cluster: instead of all the above, the production topology (Temporal as four
 *   services on PostgreSQL, two API processes) with one worker process, then two; levels default
 *   to 1,25 with N 20,100 (scripts/bench/cluster.ts).
 * Flags: scripts/bench/args.ts; the report: scripts/bench/render-report.ts.
 */
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { createDatabase } from '../platform/database';
import { flagValue, parseOptions, parseWorkerEnv } from './bench/args';
import { type CeilingWorker, startCeilingWorker } from './bench/ceiling';
import { CEILING_VARIANTS } from './bench/ceiling-workflows';
import { benchCluster } from './bench/cluster';
import { createBenchCustomers } from './bench/customers';
import { explainHotQueries, type QueryPlan, sampleActiveConnections } from './bench/database';
import { driveUpgrades, ProgressWatcher } from './bench/drive';
import { historyBreakdown } from './bench/history';
import { machineInfo, versions } from './bench/machine';
import { benchOpenRuns } from './bench/open-runs';
import { plainActivities, runPlain } from './bench/plain';
import { memoryOf, sampleUsage, threadMsPer, threadTicks, type Usage } from './bench/proc';
import { measureReads, type ReadResult } from './bench/reads';
import { renderReport } from './bench/render-report';
import { writeBetweenMarkers } from './bench/report';
import { type CeilingResult, type LevelResult, VARIANT_NAMES } from './bench/results';
import { benchDataConverter, startBenchStack } from './bench/stack';
import { fmt } from './bench/stats';
import { benchBearer } from './bench/tokens';

const projectRoot = path.resolve(__dirname, '..');
const RESULTS_MARKERS = ['<!-- bench:results:begin -->', '<!-- bench:results:end -->'] as const;
const OPEN_RUNS_MARKERS = ['<!-- bench:open-runs:begin -->', '<!-- bench:open-runs:end -->'] as const;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main() {
  const argv = process.argv.slice(2);
  const openRuns = flagValue('open-runs', argv);
  if (openRuns) {
    const out = argv.includes('--no-write')
      ? null
      : path.resolve(projectRoot, flagValue('out', argv) ?? 'docs/benchmarks.md');
    await benchOpenRuns(
      Number(openRuns),
      (report) => {
        process.stdout.write(`${report}\n`);
        if (out) writeBetweenMarkers(out, report, OPEN_RUNS_MARKERS, 'Issue 25: N open runs');
      },
      { fillMinutes: Number(flagValue('fill-minutes', argv) ?? 24 * 60) },
    );
    return;
  }
  if (flagValue('topology', argv) === 'cluster') {
    const withDefaults = [...argv];
    if (!argv.includes('--levels')) withDefaults.push('--levels', '1,25');
    if (!argv.includes('--n')) withDefaults.push('--n', '20,100');
    await benchCluster(parseOptions(withDefaults));
    return;
  }
  const options = parseOptions(argv);
  const benchStarted = Date.now();
  const machine = machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB`);
  log('starting the embedded stack (PostgreSQL, Temporal dev server, API; worker in its own process)…');
  const profileDir = flagValue('profile-worker');
  const workerEnv = parseWorkerEnv(flagValue('worker-env'));
  const stack = await startBenchStack({
    ...(profileDir ? { workerNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] } : {}),
    workerEnv,
  });
  log(`stack up: infra+API ${stack.startupMs.infraAndApi} ms, worker ${stack.startupMs.worker} ms`);
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  const watchClient = new pg.Client({ connectionString: stack.databaseUrl });
  const plainDb = createDatabase(stack.databaseUrl);
  let temporalConnection: Connection | undefined;
  const temporal: LevelResult[] = [];
  const plain: LevelResult[] = [];
  const reads: Array<ReadResult & { condition: string }> = [];
  let mixed: LevelResult | undefined;
  const ceiling: CeilingResult[] = [];
  let ceilingWorker: CeilingWorker | undefined;
  let workerIdleMemory = { rssMiB: 0, hwmMiB: 0 };
  let workerEndMemory = { rssMiB: 0, hwmMiB: 0 };
  let postgresVersion = '';
  let plans: QueryPlan[] = [];
  try {
    await client.connect();
    await watchClient.connect();
    temporalConnection = await Connection.connect({ address: stack.temporalAddress });
    const temporalClient = new Client({ connection: temporalConnection, dataConverter: benchDataConverter });
    postgresVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v"))
      .rows[0]!.v;
    const watcher = new ProgressWatcher(watchClient, options.pollMs);
    const roots = () => ({ workerPid: stack.workerPid, apiPid: stack.apiPid });
    const ownPids = [client, watchClient].map((c) => (c as unknown as { processID: number }).processID);

    log('warm-up: 6 upgrades at concurrency 3 (not counted)');
    const warm = await driveUpgrades({
      apiUrl: stack.apiUrl,
      watcher,
      customers: await createBenchCustomers(client, 6),
      concurrency: 3,
      tag: 'warmup',
    });
    if (warm.failures.length) throw new Error(`warm-up failed: ${warm.failures.join('; ')}`);
    workerIdleMemory = memoryOf(stack.workerPid);

    if (options.ceiling) {
      log('ceiling: starting its worker (no-op activities, own bundle and task queue)…');
      ceilingWorker = await startCeilingWorker({
        temporalAddress: stack.temporalAddress,
        namespace: 'default',
      });
      log(
        `  ready (bundled in ${ceilingWorker.bundleMs} ms); warm-up: 6 runs of each variant at concurrency 3`,
      );
      for (const variant of CEILING_VARIANTS) {
        const warmRun = await ceilingWorker.drive({
          client: temporalClient,
          variant,
          concurrency: 3,
          count: 6,
          tag: 'warmup',
        });
        if (warmRun.failures.length)
          throw new Error(`ceiling warm-up failed: ${warmRun.failures.join('; ')}`);
      }
    }

    for (const [i, concurrency] of options.levels.entries()) {
      const count = options.counts[i]!;
      const customers = await createBenchCustomers(client, count);
      log(`Temporal: ${count} upgrades at concurrency ${concurrency}…`);
      const sampler = sampleUsage(roots());
      const busy = sampleActiveConnections(client, ownPids);
      const threadsBefore = threadTicks(stack.workerPid);
      const run = await driveUpgrades({
        apiUrl: stack.apiUrl,
        watcher,
        customers,
        concurrency,
        tag: `c${concurrency}`,
      });
      const threads = threadMsPer(threadsBefore, threadTicks(stack.workerPid), run.timings.length);
      const usage = sampler.stop();
      const connections = await busy.stop();
      const sample = (scenario: 'A' | 'B') =>
        run.timings
          .filter((t) => t.scenario === scenario)
          .slice(-10)
          .map((t) => t.upgradeId);
      const breakdown = {
        A: await historyBreakdown(temporalClient, sample('A')),
        B: await historyBreakdown(temporalClient, sample('B')),
      };
      temporal.push({ label: `c${concurrency}`, run, usage, breakdown, threads, connections });
      log(`  ${fmt(run.timings.length / run.wallSeconds)} upgrades/s, ${run.failures.length} failed`);
      for (const failure of run.failures.slice(0, 5)) log(`  failure: ${failure}`);

      // The ceiling right after the level, so both see the same machine load.
      for (const variant of ceilingWorker ? CEILING_VARIANTS : []) {
        const sampler = sampleUsage({ workerPid: ceilingWorker!.pid, apiPid: stack.apiPid });
        const ceilingRun = await ceilingWorker!.drive({
          client: temporalClient,
          variant,
          concurrency,
          count,
          tag: `c${concurrency}`,
        });
        const usage = sampler.stop();
        const per = (group: keyof Usage['groups']) =>
          (usage.groups[group].cpuPct * 10 * usage.seconds) / Math.max(1, ceilingRun.timings.length);
        const ids = (scenario: 'A' | 'B') =>
          ceilingRun.timings
            .filter((t) => t.scenario === scenario)
            .slice(-10)
            .map((t) => t.workflowId);
        const ceilingBreakdown =
          variant === 'asBuilt'
            ? {
                A: await historyBreakdown(temporalClient, ids('A')),
                B: await historyBreakdown(temporalClient, ids('B')),
              }
            : undefined;
        ceiling.push({
          label: `c${concurrency}`,
          variant,
          run: ceilingRun,
          usage,
          cpuMsPerWorkflow: { server: per('temporal'), worker: per('worker') },
          breakdown: ceilingBreakdown,
        });
        log(
          `  ceiling ${VARIANT_NAMES[variant]}: ${fmt(ceilingRun.timings.length / ceilingRun.wallSeconds)} workflows/s, ${ceilingRun.failures.length} failed`,
        );
        for (const failure of ceilingRun.failures.slice(0, 5)) log(`  failure: ${failure}`);
      }
    }
    await ceilingWorker?.stop();
    ceilingWorker = undefined;

    if (!options.skipPlain) {
      const act = plainActivities(plainDb, stack.apiUrl);
      await runPlain({
        db: plainDb,
        act,
        customers: await createBenchCustomers(client, 6),
        concurrency: 3,
        tag: 'warmup',
      });
      for (const [i, concurrency] of options.levels.entries()) {
        const count = options.counts[i]!;
        const customers = await createBenchCustomers(client, count);
        log(`plain loop: ${count} upgrades at concurrency ${concurrency}…`);
        const sampler = sampleUsage(roots());
        const busy = sampleActiveConnections(client, ownPids);
        const run = await runPlain({ db: plainDb, act, customers, concurrency, tag: `c${concurrency}` });
        const usage = sampler.stop();
        plain.push({ label: `c${concurrency}`, run, usage, connections: await busy.stop() });
        log(`  ${fmt(run.timings.length / run.wallSeconds)} upgrades/s, ${run.failures.length} failed`);
        for (const failure of run.failures.slice(0, 5)) log(`  failure: ${failure}`);
      }
    }

    if (!options.skipReads) {
      const subscriptionCustomer = '21314849';
      const targets = [
        {
          name: 'GET /v1/packages',
          url: `${stack.apiUrl}/v1/packages`,
          headers: await benchBearer('customer', subscriptionCustomer),
        },
        {
          name: 'GET /v1/customers/{id}/subscription',
          url: `${stack.apiUrl}/v1/customers/${subscriptionCustomer}/subscription`,
          headers: await benchBearer('customer', subscriptionCustomer),
        },
      ];
      const measure = async (condition: string) => {
        for (const target of targets) {
          log(`reads (${condition}): ${target.name} for ${options.readSeconds} s…`);
          const result = await measureReads({
            ...target,
            seconds: options.readSeconds,
            connections: options.readConnections,
          });
          reads.push({ ...result, condition });
        }
      };
      await measure('idle');

      // Under load: upgrades at the highest level for as long as the reads take (sized from the
      // throughput measured there), reads starting once the upgrades are flowing.
      const top = temporal[temporal.length - 1]!;
      const concurrency = options.levels[options.levels.length - 1]!;
      const rate = top.run.timings.length / top.run.wallSeconds;
      const seconds = targets.length * options.readSeconds + 3;
      const count = Math.min(1000, Math.max(concurrency * 2, Math.ceil(rate * seconds * 1.6)));
      const customers = await createBenchCustomers(client, count);
      log(`reads under load: ${count} upgrades at concurrency ${concurrency} alongside…`);
      const sampler = sampleUsage(roots());
      const driving = driveUpgrades({ apiUrl: stack.apiUrl, watcher, customers, concurrency, tag: 'mixed' });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await measure(`during upgrades at c=${concurrency}`);
      const run = await driving;
      mixed = { label: `mixed c${concurrency}`, run, usage: sampler.stop() };
    }
    workerEndMemory = memoryOf(stack.workerPid);

    const sampleB = temporal[temporal.length - 1]?.run.timings.find((t) => t.scenario === 'B');
    if (sampleB) {
      const { rows } = await client.query<{ wo: string }>(
        `SELECT "woNumber" AS wo FROM "WorkOrder" WHERE "upgradeId" = $1 AND type = 'MAINTENANCE'`,
        [sampleB.upgradeId],
      );
      plans = await explainHotQueries(client, {
        customerId: sampleB.customerId,
        upgradeId: sampleB.upgradeId,
        woNumber: rows[0]?.wo ?? '',
      });
    }
  } finally {
    await client.end().catch(() => undefined);
    await watchClient.end().catch(() => undefined);
    await plainDb.$disconnect().catch(() => undefined);
    await ceilingWorker?.stop().catch(() => undefined);
    await temporalConnection?.close().catch(() => undefined);
    log('stopping the stack…');
    await stack.stop();
  }

  const totalSeconds = (Date.now() - benchStarted) / 1000;
  const report = renderReport({
    options,
    machine,
    versions: versions(postgresVersion),
    startupMs: stack.startupMs,
    workerPhasesMs: stack.workerPhasesMs,
    workerIdleMemory,
    workerEndMemory,
    workerEnv,
    temporal,
    plain,
    ceiling,
    reads,
    mixed,
    plans,
    totalSeconds,
  });
  process.stdout.write(`\n${report}\n`);
  if (options.out) {
    writeBetweenMarkers(options.out, report, RESULTS_MARKERS, 'Results');
    log(`wrote ${path.relative(projectRoot, options.out)}`);
  }
  log(`done in ${fmt(totalSeconds, 0)} s`);
  const failed = [...temporal, ...plain, ...ceiling, ...(mixed ? [mixed] : [])].some(
    (l) => l.run.failures.length > 0,
  );
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
