/**
 * The embedded stack for the benchmark, as two processes of `scripts/start.ts` so the worker's CPU
 * and memory can be read on its own: one runs PostgreSQL, the Temporal dev server and the API
 * (`RUN_WORKER=false`), the other only the worker (`RUN_API=false`, pointed at the first one's
 * PostgreSQL and Temporal). Free ports on 127.0.0.1 and a throw-away data folder, as the e2e tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../platform/processes';

const projectRoot = path.resolve(__dirname, '..', '..');

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  dataDir: string;
  apiPid: number;
  workerPid: number;
  /** Spawn to "running" of each process, in ms (the worker's includes bundling the workflows). */
  startupMs: { infraAndApi: number; worker: number };
  /** The worker's start in phases (from its log): to migrations checked, then to worker created. */
  workerPhasesMs: { toMigrated: number; createWorker: number } | null;
  /** Restarts the worker process (e.g. with other settings); returns its startup time in ms. */
  restartWorker(extraEnv?: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

export async function startBenchStack(
  options: {
    env?: Record<string, string>;
    workerEnv?: Record<string, string>;
    workerNodeArgs?: string[];
  } = {},
): Promise<BenchStack> {
  const [apiPort, temporalPort, uiPort, pgPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-bench-'));
  const common = {
    NODE_OPTIONS: '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    UPGRADE_RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  };
  const databaseUrl = `postgresql://selfcare:selfcare@127.0.0.1:${pgPort}/selfcare`;
  const temporalAddress = `127.0.0.1:${temporalPort}`;

  const infraStarted = Date.now();
  const { child: infra } = await spawnStart('infra+api', {
    ...common,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    EMBEDDED_PG_PORT: String(pgPort),
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    RUN_WORKER: 'false',
  });
  const infraMs = Date.now() - infraStarted;

  const workerEnv = (extra: Record<string, string> = {}) => ({
    ...common,
    DATA_DIR: dataDir,
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    SEED_DEMO_DATA: 'false',
    RUN_API: 'false',
    ...options.workerEnv,
    ...extra,
  });
  let worker: ChildProcess;
  let workerPhasesMs: BenchStack['workerPhasesMs'] = null;
  const startWorker = async (extra?: Record<string, string>) => {
    const started = Date.now();
    const spawned = await spawnStart(
      'worker',
      { ...workerEnv(extra), LOG_LEVEL: 'info' },
      options.workerNodeArgs,
    );
    worker = spawned.child;
    const ready = Date.now();
    // The log lines may trail the "running" banner by a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    workerPhasesMs = phases(spawned.output(), started);
    return ready - started;
  };
  let workerMs: number;
  try {
    workerMs = await startWorker();
  } catch (error) {
    await stopChild(infra);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const stack: BenchStack = {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    databaseUrl,
    temporalAddress,
    dataDir,
    apiPid: infra.pid as number,
    workerPid: worker!.pid as number,
    startupMs: { infraAndApi: infraMs, worker: workerMs },
    workerPhasesMs,
    restartWorker: async (extra) => {
      await stopChild(worker);
      const ms = await startWorker(extra);
      stack.workerPid = worker.pid as number;
      stack.workerPhasesMs = workerPhasesMs;
      return ms;
    },
    stop: async () => {
      await stopChild(worker);
      await stopChild(infra);
      if (!process.env.KEEP_BENCH_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

async function spawnStart(
  name: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (output.includes('selfcare upgrade is running')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > 180_000) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start (exit ${child.exitCode}):\n${output.slice(-5_000)}`));
      }
    }, 50);
  });
  return { child, output: () => output };
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
  const migrated = at('database migrations applied');
  const started = at('worker started');
  if (migrated === undefined || started === undefined) return null;
  return { toMigrated: migrated - spawnedAt, createWorker: started - migrated };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
