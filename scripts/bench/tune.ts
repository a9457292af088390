/**
 * Worker tuning, measured: one bench stack (scripts/bench/stack.ts); for each setting, in
 * interleaved rounds, the worker process restarts with it, takes 6 warm-up upgrades at c=3 and
 * then N upgrades at concurrency c through the HTTP API (scripts/bench/drive.ts). Settings are
 * Worker.create options merged over the app's (scripts/bench/tune-preload.cjs; `null` removes a
 * key, i.e. the SDK's default) and/or Node options of the worker process.
 *
 *   node --import tsx scripts/bench/tune.ts [--settings default,pollers-2] [--rounds 2] [--c 25]
 *     [--n 100] [--waiting K] [--json <file>]
 *
 * --waiting K: after the warm-up, K scenario-B upgrades are posted and left waiting for the
 * technician (as runs wait for days in production), and the worker's RSS is read with them open,
 * before the measured level: what the workflow cache holds.
 *
 * Prints one row per trial and the median per setting; CPU in ms per upgrade from /proc.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { flagValue } from './args';
import { type BenchCustomer, createBenchCustomers } from './customers';
import { driveUpgrades, ProgressWatcher } from './drive';
import { memoryOf, sampleUsage, threadMsPer, threadTicks } from './proc';
import { startBenchStack } from './stack';
import { distribution, fmt } from './stats';
import { benchBearer } from './tokens';

interface Setting {
  /** Worker.create options over the app's; null = remove (the SDK's default). */
  options?: Record<string, unknown>;
  /** NODE_OPTIONS of the worker process. */
  nodeOptions?: string;
  /** More environment of the worker process (e.g. MALLOC_ARENA_MAX). */
  env?: Record<string, string>;
}

const simple = (maximum: number) => ({ type: 'simple-maximum', maximum });
const autoscaling = { type: 'autoscaling' };

const SDK_DEFAULTS = {
  maxCachedWorkflows: null,
  maxConcurrentWorkflowTaskExecutions: null,
  maxConcurrentActivityTaskExecutions: null,
  maxConcurrentLocalActivityExecutions: null,
  workflowTaskPollerBehavior: null,
  activityTaskPollerBehavior: null,
  nonStickyToStickyPollRatio: null,
  reuseV8Context: null,
};

export const SETTINGS: Record<string, Setting> = {
  /** Whatever worker/create-worker.ts sets now. */
  app: {},
  /** The SDK's defaults for everything tuned here. */
  default: { options: SDK_DEFAULTS },
  'cache-50': { options: { ...SDK_DEFAULTS, maxCachedWorkflows: 50 } },
  'cache-100': { options: { ...SDK_DEFAULTS, maxCachedWorkflows: 100 } },
  'pollers-2': {
    options: {
      ...SDK_DEFAULTS,
      workflowTaskPollerBehavior: simple(2),
      activityTaskPollerBehavior: simple(2),
    },
  },
  'pollers-4': {
    options: {
      ...SDK_DEFAULTS,
      workflowTaskPollerBehavior: simple(4),
      activityTaskPollerBehavior: simple(4),
    },
  },
  'pollers-auto': {
    options: {
      ...SDK_DEFAULTS,
      workflowTaskPollerBehavior: autoscaling,
      activityTaskPollerBehavior: autoscaling,
    },
  },
  'slots-10': {
    options: {
      ...SDK_DEFAULTS,
      maxConcurrentWorkflowTaskExecutions: 10,
      maxConcurrentActivityTaskExecutions: 10,
      maxConcurrentLocalActivityExecutions: 10,
    },
  },
  'la-slots-10': { options: { ...SDK_DEFAULTS, maxConcurrentLocalActivityExecutions: 10 } },
  'no-reuse-v8': { options: { ...SDK_DEFAULTS, reuseV8Context: false } },
  'semi-space-32': { options: SDK_DEFAULTS, nodeOptions: '--max-semi-space-size=32' },
  'semi-space-64': { options: SDK_DEFAULTS, nodeOptions: '--max-semi-space-size=64' },
  'old-space-192': { options: SDK_DEFAULTS, nodeOptions: '--max-old-space-size=192' },
  'malloc-arenas-2': { options: SDK_DEFAULTS, env: { MALLOC_ARENA_MAX: '2' } },
  /** The app's options in a leaner process: V8 old space capped, two malloc arenas. */
  'app-heap-192-arenas-2': { nodeOptions: '--max-old-space-size=192', env: { MALLOC_ARENA_MAX: '2' } },
  'app-heap-256-arenas-2': { nodeOptions: '--max-old-space-size=256', env: { MALLOC_ARENA_MAX: '2' } },
};

const log = (message: string) => process.stderr.write(`[tune] ${message}\n`);

const flag = (name: string) => flagValue(name);

interface Trial {
  setting: string;
  round: number;
  upgradesPerSecond: number;
  billP50: number;
  completeP50: number;
  failures: number;
  cpuMsPerUpgrade: Record<'worker' | 'temporal' | 'postgres' | 'api', number>;
  workerThreadsMs: ReturnType<typeof threadMsPer>;
  workerRssPeakMiB: number;
  workerRssAfterWarmupMiB: number;
  workerHwmMiB: number;
  otherProcessesPct: number;
  /** --waiting: RSS before and after the K runs were left waiting, MiB. */
  waiting?: { runs: number; rssBeforeMiB: number; rssAfterMiB: number };
}

/** Posts scenario-B upgrades (c at a time) and returns once every run waits for the technician. */
async function leaveWaiting(apiUrl: string, client: pg.Client, customers: BenchCustomer[], tag: string) {
  const ids: string[] = [];
  let next = 0;
  const post = async () => {
    for (let i = next++; i < customers.length; i = next++) {
      const customer = customers[i]!;
      const response = await fetch(`${apiUrl}/v1/customers/${customer.id}/upgrades`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'Idempotency-Key': `wait-${tag}`,
          ...(await benchBearer('customer', customer.id)),
        },
        body: JSON.stringify({ targetPackageCode: customer.targetPackageCode }),
      });
      const body = (await response.json()) as { upgradeId?: string };
      if (response.status !== 202 || !body.upgradeId)
        throw new Error(`POST ${customer.id}: ${response.status}`);
      ids.push(body.upgradeId);
    }
  };
  await Promise.all(Array.from({ length: 10 }, post));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "UpgradeRequest" WHERE id = ANY($1) AND status = 'AWAITING_ONT_SWAP'`,
      [ids],
    );
    if (rows[0]!.n === ids.length) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the waiting runs did not all reach AWAITING_ONT_SWAP');
}

async function main() {
  const names = (flag('settings') ?? 'default,pollers-2,slots-10,cache-50').split(',');
  for (const name of names) if (!SETTINGS[name]) throw new Error(`unknown setting ${name}`);
  const rounds = Number(flag('rounds') ?? 2);
  const concurrency = Number(flag('c') ?? 25);
  const count = Number(flag('n') ?? 100);
  const waitingRuns = Number(flag('waiting') ?? 0);
  const preload = path.join(__dirname, 'tune-preload.cjs');
  const envOf = (name: string) => {
    const setting = SETTINGS[name]!;
    // Every key any setting sets, so a restart with another setting drops the last one's.
    const blank = Object.fromEntries(
      Object.values(SETTINGS).flatMap((s) => Object.keys(s.env ?? {}).map((k) => [k, ''])),
    );
    return {
      ...blank,
      ...setting.env,
      NODE_OPTIONS: `--require ${preload} ${setting.nodeOptions ?? ''}`.trim(),
      BENCH_WORKER_OPTIONS: JSON.stringify(setting.options ?? {}),
    };
  };
  log(`settings ${names.join(', ')}; ${rounds} rounds; ${count} upgrades at c=${concurrency} each`);
  const stack = await startBenchStack({ workerEnv: envOf(names[0]!) });
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  const watchClient = new pg.Client({ connectionString: stack.databaseUrl });
  const trials: Trial[] = [];
  try {
    await client.connect();
    await watchClient.connect();
    const watcher = new ProgressWatcher(watchClient, 25);
    let first = true;
    for (let round = 1; round <= rounds; round++) {
      for (const name of names) {
        if (!first) await stack.restartWorker(envOf(name));
        first = false;
        const warm = await driveUpgrades({
          apiUrl: stack.apiUrl,
          watcher,
          customers: await createBenchCustomers(client, 6),
          concurrency: 3,
          tag: `warm-${name}-${round}`,
        });
        if (warm.failures.length) throw new Error(`warm-up failed (${name}): ${warm.failures.join('; ')}`);
        const afterWarmup = memoryOf(stack.workerPid).rssMiB;
        let waiting: Trial['waiting'];
        if (waitingRuns > 0) {
          const onlyB = (await createBenchCustomers(client, waitingRuns * 2)).filter(
            (c) => c.scenario === 'B',
          );
          await leaveWaiting(stack.apiUrl, client, onlyB, `${name}-${round}`);
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          waiting = {
            runs: onlyB.length,
            rssBeforeMiB: afterWarmup,
            rssAfterMiB: memoryOf(stack.workerPid).rssMiB,
          };
          log(
            `${name}: RSS ${fmt(afterWarmup, 0)} MiB → ${fmt(waiting.rssAfterMiB, 0)} MiB with ${onlyB.length} runs waiting`,
          );
        }
        const customers = await createBenchCustomers(client, count);
        const sampler = sampleUsage({ workerPid: stack.workerPid, apiPid: stack.apiPid });
        const threadsBefore = threadTicks(stack.workerPid);
        const run = await driveUpgrades({
          apiUrl: stack.apiUrl,
          watcher,
          customers,
          concurrency,
          tag: `${name}-${round}`,
        });
        const threads = threadMsPer(threadsBefore, threadTicks(stack.workerPid), run.timings.length);
        const usage = sampler.stop();
        const per = (group: 'worker' | 'temporal' | 'postgres' | 'api') =>
          (usage.groups[group].cpuPct * 10 * usage.seconds) / Math.max(1, run.timings.length);
        const trial: Trial = {
          setting: name,
          round,
          upgradesPerSecond: run.timings.length / run.wallSeconds,
          billP50: distribution(run.timings.map((t) => t.billMs)).p50,
          completeP50: distribution(run.timings.map((t) => t.completeMs)).p50,
          failures: run.failures.length,
          cpuMsPerUpgrade: {
            worker: per('worker'),
            temporal: per('temporal'),
            postgres: per('postgres'),
            api: per('api'),
          },
          workerThreadsMs: threads,
          workerRssPeakMiB: usage.groups.worker.rssPeakMiB,
          workerRssAfterWarmupMiB: afterWarmup,
          workerHwmMiB: memoryOf(stack.workerPid).hwmMiB,
          otherProcessesPct: usage.foreignCpuPct,
          waiting,
        };
        trials.push(trial);
        log(
          `${name} round ${round}: ${fmt(trial.upgradesPerSecond)}/s, completion p50 ${fmt(trial.completeP50)} ms, worker ${fmt(per('worker'), 0)} ms + server ${fmt(per('temporal'), 0)} ms CPU/upgrade, RSS peak ${fmt(trial.workerRssPeakMiB, 0)} MiB (HWM ${fmt(trial.workerHwmMiB, 0)}), others ${fmt(trial.otherProcessesPct, 0)} %, ${trial.failures} failed`,
        );
      }
    }
  } finally {
    await client.end().catch(() => undefined);
    await watchClient.end().catch(() => undefined);
    await stack.stop();
  }
  const header =
    '| setting | upgrades/s | completion p50 ms | worker CPU ms/upgrade (main / workflow / core / helpers) | server CPU ms/upgrade | PG + API ms/upgrade | worker RSS after warm-up / peak MiB | other processes % |';
  const lines = [header, header.replace(/[^|]+/g, ' --- ')];
  const median = (values: number[]) => distribution(values).p50;
  for (const name of names) {
    const mine = trials.filter((t) => t.setting === name);
    const m = (pick: (t: Trial) => number) => median(mine.map(pick));
    lines.push(
      `| ${name} | ${mine.map((t) => fmt(t.upgradesPerSecond)).join(', ')} | ${fmt(m((t) => t.completeP50))} | ${fmt(
        m((t) => t.cpuMsPerUpgrade.worker),
        0,
      )} (${fmt(
        m((t) => t.workerThreadsMs.main),
        0,
      )} / ${fmt(
        m((t) => t.workerThreadsMs.workflow),
        0,
      )} / ${fmt(
        m((t) => t.workerThreadsMs.core),
        0,
      )} / ${fmt(
        m((t) => t.workerThreadsMs.helpers),
        0,
      )}) | ${fmt(
        m((t) => t.cpuMsPerUpgrade.temporal),
        0,
      )} | ${fmt(
        m((t) => t.cpuMsPerUpgrade.postgres + t.cpuMsPerUpgrade.api),
        0,
      )} | ${mine.map((t) => `${fmt(t.workerRssAfterWarmupMiB, 0)} / ${fmt(t.workerRssPeakMiB, 0)}`).join(', ')} | ${mine
        .map((t) => fmt(t.otherProcessesPct, 0))
        .join(', ')} |`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  const json = flag('json');
  if (json) fs.writeFileSync(path.resolve(json), JSON.stringify({ settings: SETTINGS, trials }, null, 2));
  process.exit(trials.some((t) => t.failures > 0) ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`tune failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
