/**
 * The embedded stack for the benchmark, as two processes of `local/start.ts` so the worker's CPU
 * and memory can be read on its own: one runs PostgreSQL, the Temporal dev server and the API
 * (`RUN_WORKER=false`), the other only the worker (`RUN_API=false`, pointed at the first one's
 * PostgreSQL and Temporal). Free ports on 127.0.0.1 and a throw-away data folder, as the e2e tests.
 */
import { randomBytes } from 'node:crypto';
import { stopProcess } from '../../local/processes';
import { dataConverterFor } from '../../platform/data-converter';
import { parseKeyring } from '../../platform/encryption-keys';
import { launchApp, startLocalSystem } from '../../test/support/harness';
import { benchAuthEnv } from './tokens';

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  dataDir: string;
  apiPid: number;
  workerPid: number;
  /** Spawn to ready of each process, in ms: the API healthy; the worker polling its task queue. */
  startupMs: { infraAndApi: number; worker: number };
  /** The worker's start in phases (from its log): to migrations checked, then to worker created. */
  workerPhasesMs: { toMigrated: number; createWorker: number } | null;
  /** The worker process's output so far (the last megabyte). */
  workerOutput(): string;
  stop(): Promise<void>;
}

/**
 * A payload key of the bench's own, given to every process it starts (a production worker
 * refuses to run without one) and to its clients: payloads are encrypted as in production.
 */
export const BENCH_ENCRYPTION_ENV = {
  PAYLOAD_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
};
export const benchDataConverter = dataConverterFor(
  parseKeyring(BENCH_ENCRYPTION_ENV.PAYLOAD_ENCRYPTION_KEYS),
);

/**
 * The worker runs as it does in production (docker-compose.yml's worker service): production
 * React and libraries, a 256 MiB old generation and two malloc arenas (docs/benchmarks.md: worker
 * RSS 478 → ~330 MiB at c=25, no measurable CPU cost). Its issuers and link key come from
 * benchAuthEnv (scripts/bench/tokens.ts).
 */
export const PRODUCTION_WORKER_ENV = {
  NODE_ENV: 'production',
  // Fresh: production refuses the development secrets (the worker verifies no notification).
  MIDTRANS_SERVER_KEY: `Mid-server-${randomBytes(24).toString('base64url')}`,
  ...BENCH_ENCRYPTION_ENV,
  NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=16',
  MALLOC_ARENA_MAX: '2',
};

export async function startBenchStack(
  options: {
    env?: Record<string, string>;
    workerEnv?: Record<string, string>;
    workerNodeArgs?: string[];
  } = {},
): Promise<BenchStack> {
  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    UPGRADE_RATE_LIMIT_PER_MINUTE: '100000',
    ...BENCH_ENCRYPTION_ENV,
    ...(await benchAuthEnv()),
    ...options.env,
  };
  const infraStarted = Date.now();
  // Not a process group of its own: Ctrl-C on the bench reaches it.
  const infra = await startLocalSystem({
    label: 'bench',
    env: { ...common, RUN_WORKER: 'false' },
    detached: false,
    keepData: !!process.env.KEEP_BENCH_DATA,
  });
  const infraMs = Date.now() - infraStarted;

  const workerEnv = {
    ...common,
    DATA_DIR: infra.dataDir,
    PORT: new URL(infra.apiUrl).port,
    DATABASE_URL: infra.databaseUrl,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    SEED_DEMO_DATA: 'false',
    RUN_API: 'false',
    ...PRODUCTION_WORKER_ENV,
    ...options.workerEnv,
    LOG_LEVEL: 'info',
  };
  const workerStarted = Date.now();
  const worker = launchApp('worker', workerEnv, { nodeArgs: options.workerNodeArgs });
  try {
    await worker.ready();
  } catch (error) {
    await infra.stop();
    throw error;
  }
  const workerMs = Date.now() - workerStarted;

  return {
    apiUrl: infra.apiUrl,
    databaseUrl: infra.databaseUrl,
    temporalAddress: infra.temporalAddress,
    dataDir: infra.dataDir,
    apiPid: infra.process.pid,
    workerPid: worker.pid,
    startupMs: { infraAndApi: infraMs, worker: workerMs },
    workerPhasesMs: phases(worker.output(), workerStarted),
    workerOutput: () => worker.output(),
    stop: async () => {
      await stopProcess(worker);
      await infra.stop();
    },
  };
}

/** Times of the worker's start from its JSON log lines (pino `time`, epoch ms). */
function phases(output: string, spawnedAt: number): BenchStack['workerPhasesMs'] {
  const at = (message: string) => {
    for (const line of output.split('\n')) {
      if (!line.includes(`"msg":"${message}"`)) continue;
      try {
        return (JSON.parse(line) as { time: number }).time;
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
  // A production worker only checks the schema (MIGRATE_ON_START false); a development one applies it.
  const migrated = at('database migrations applied') ?? at('database schema current');
  const started = at('worker started');
  if (migrated === undefined || started === undefined) return null;
  return { toMigrated: migrated - spawnedAt, createWorker: started - migrated };
}
