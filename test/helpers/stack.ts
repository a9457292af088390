/**
 * The system split into its four processes, each a child of the test that can be killed and
 * started again on its own: embedded PostgreSQL (`scripts/run-embedded-postgres.ts`), the
 * Temporal dev server (SQLite file), the API (`local/start.ts` with RUN_WORKER=false) and the
 * worker (`local/start.ts` with RUN_API=false). Free ports, a throw-away data folder; every
 * process ever started (and every process it started) is tracked, so `teardown()` can prove that
 * nothing is left behind. Stacks can run side by side in one test process. Starting, waiting
 * for and stopping each process is the harness's (test/support/harness.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  descendants,
  isStillRunning,
  killIfStillOurs,
  type Launched,
  launch,
  type ProcessId,
  processId,
  stopProcess,
} from '../../local/processes';
import { devServerArgs, waitUntilServing } from '../../local/temporal-dev-server';
import { temporalTools } from '../../local/temporal-tools';
import { freePorts } from '../../platform/free-ports';
import {
  freshWorkflowBundle,
  launchApp,
  launchPostgres,
  postgresUrl,
  UNREACHED_RATE_LIMITS,
} from '../support/harness';
import { copyMigratedPostgres } from '../support/postgres-template';
import { trustingEnv } from './auth';

export type ComponentName = 'postgres' | 'temporal' | 'api' | 'worker';

/** One running child process and what it printed. */
export interface Component extends Launched {
  name: ComponentName;
}

export interface StackOptions {
  /** Extra environment of the API process. */
  apiEnv?: Record<string, string>;
  /** Extra environment of the worker process (kept for restarts unless replaced). */
  workerEnv?: Record<string, string>;
  /** Prefix of the throw-away data folder. */
  label?: string;
}

export interface Stack {
  dataDir: string;
  databaseUrl: string;
  temporalAddress: string;
  apiUrl: string;
  /** The API's codec server, which the dev server's Web UI decodes through. */
  codecEndpoint: string;
  ports: { postgres: number; temporal: number; temporalUi: number; api: number };
  component(name: ComponentName): Component | undefined;
  /** SIGKILL, as the OOM killer or a crashed host would: no drain, no goodbye. Resolves once it is gone. */
  killWorker(): Promise<void>;
  /** Starts a worker process (after a kill or a stop); resolves once it polls. */
  startWorker(env?: Record<string, string>): Promise<void>;
  /** SIGTERM the worker and wait until it exits (it drains first). */
  stopWorker(): Promise<void>;
  /** SIGTERM the Temporal dev server; its SQLite file stays. */
  stopTemporal(): Promise<void>;
  /** Starts the dev server again on the same file and port; resolves once it serves. */
  startTemporal(): Promise<void>;
  /** SIGTERM PostgreSQL (fast shutdown: sessions are cut); the data stays. */
  stopPostgres(): Promise<void>;
  /** Starts PostgreSQL again on the same data folder and port. */
  startPostgres(): Promise<void>;
  /**
   * Every process this stack started or saw in their trees (PostgreSQL's server and backends…),
   * each with its start time, so a pid the OS gave to someone else since is never taken for ours.
   */
  knownProcesses(): ProcessId[];
  /** The output of every process started so far (for failure messages). */
  logs(name?: ComponentName): string;
  /**
   * Stops everything (API, worker, Temporal, PostgreSQL, in that order), removes the data folder,
   * and returns the pids that outlived it (none, we hope) — which it then SIGKILLs.
   */
  teardown(): Promise<number[]>;
}

/** Stacks not torn down yet, so an afterAll can reach one whose test timed out mid-start. */
const liveStacks = new Set<Stack>();

/** Tears down every stack this process started and has not torn down; the pids left (expected: none). */
export async function teardownAllStacks(): Promise<number[]> {
  return (await Promise.all([...liveStacks].map((stack) => stack.teardown()))).flat();
}

/** Starts the four processes; on any failure, whatever did start is torn down before the error is thrown. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  await freshWorkflowBundle();
  const [pgPort, temporalPort, uiPort, apiPort, codecPort] = (await freePorts(5)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const codecEndpoint = `http://127.0.0.1:${codecPort}/codec`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `selfcare-${options.label ?? 'faults'}-`));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const current = new Map<ComponentName, Component>();
  const history: Component[] = [];
  const processes = new Map<string, ProcessId>();
  const remember = (pid: number) => {
    const id = processId(pid);
    if (id) processes.set(`${id.pid}:${id.startTicks}`, id);
  };
  let workerEnv = { ...options.workerEnv };
  let tornDown = false;

  const track = <T extends Launched>(name: ComponentName, launched: T): T => {
    if (tornDown) {
      launched.child.kill('SIGKILL');
      throw new Error(`${name} started after the stack was torn down`);
    }
    const component = { ...launched, name };
    current.set(name, component);
    history.push(component);
    remember(component.pid);
    return launched;
  };
  /** Records the process tree of a running component (PostgreSQL's server and backends, say). */
  const snapshotTree = (component: Component | undefined) => {
    if (component?.running()) for (const pid of descendants(component.pid)) remember(pid);
  };

  const databaseUrl = postgresUrl(pgPort);
  await copyMigratedPostgres(path.join(dataDir, 'pg'));
  const startPostgres = async () => {
    await track('postgres', launchPostgres(path.join(dataDir, 'pg'), pgPort)).ready();
    snapshotTree(current.get('postgres'));
  };

  const startTemporal = () =>
    oneDevServerAtATime(async () => {
      const args = devServerArgs({
        dataDir,
        port: temporalPort,
        uiPort,
        namespace: 'default',
        codecEndpoint,
      });
      for (let attempt = 1; ; attempt++) {
        const server = track('temporal', launch('temporal', temporalTools().temporalCli, args));
        try {
          await waitUntilServing(temporalAddress, server, 90_000);
          // Its internal services bind their ports a moment later; one taken meanwhile kills it.
          await sleep(1_500);
          if (!server.running() || /Failed to start/.test(server.output())) {
            throw new Error(`Temporal dev server died after starting:\n${server.output().slice(-4_000)}`);
          }
          snapshotTree(current.get('temporal'));
          return;
        } catch (error) {
          await stopProcess(server, { signal: 'SIGKILL' });
          if (attempt === 3) throw error;
        }
      }
    });

  const startApp = async (name: 'api' | 'worker', extra: Record<string, string>) => {
    const roleEnv =
      name === 'api'
        ? {
            RUN_WORKER: 'false',
            PORT: String(apiPort),
            CODEC_PORT: String(codecPort),
            TEMPORAL_UI_PORT: String(uiPort),
            ...UNREACHED_RATE_LIMITS,
            ...(await trustingEnv()),
            ...options.apiEnv,
          }
        : { RUN_API: 'false', ...extra };
    const app = launchApp(name, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      SEED_DEMO_DATA: 'true',
      ...roleEnv,
    });
    await track(name, app).ready();
    snapshotTree(current.get(name));
  };

  const stop = async (name: ComponentName, signal: NodeJS.Signals, graceMs: number) => {
    const component = current.get(name);
    if (!component) return;
    snapshotTree(component);
    await stopProcess(component, { signal, graceMs });
  };

  const stack: Stack = {
    dataDir,
    databaseUrl,
    temporalAddress,
    apiUrl,
    codecEndpoint,
    ports: { postgres: pgPort, temporal: temporalPort, temporalUi: uiPort, api: apiPort },
    component: (name) => current.get(name),
    killWorker: () => stop('worker', 'SIGKILL', 0),
    startWorker: async (env) => {
      if (env) workerEnv = { ...env };
      if (current.get('worker')?.running()) throw new Error('a worker is already running');
      await startApp('worker', workerEnv);
    },
    stopWorker: () => stop('worker', 'SIGTERM', 30_000),
    stopTemporal: () => stop('temporal', 'SIGTERM', 20_000),
    startTemporal: async () => {
      if (current.get('temporal')?.running()) throw new Error('the Temporal server is already running');
      await startTemporal();
    },
    stopPostgres: () => stop('postgres', 'SIGTERM', 20_000),
    startPostgres: async () => {
      if (current.get('postgres')?.running()) throw new Error('PostgreSQL is already running');
      await startPostgres();
    },
    knownProcesses: () => {
      for (const component of current.values()) snapshotTree(component);
      return [...processes.values()];
    },
    logs: (name) =>
      history
        .filter((c) => !name || c.name === name)
        .map((c) => `----- ${c.name} (pid ${c.pid}) -----\n${c.output()}`)
        .join('\n'),
    teardown: async () => {
      liveStacks.delete(stack);
      if (!tornDown) {
        tornDown = true;
        for (const component of current.values()) snapshotTree(component);
        // The order of a clean shutdown: clients first, then the servers they talk to.
        await stop('api', 'SIGTERM', 15_000);
        await stop('worker', 'SIGTERM', 15_000);
        await stop('temporal', 'SIGTERM', 15_000);
        await stop('postgres', 'SIGTERM', 20_000);
        for (const component of history) await stopProcess(component, { signal: 'SIGKILL' });
      }
      const survivors = await settle([...processes.values()]);
      for (const survivor of survivors) killIfStillOurs(survivor);
      if (!process.env.KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
      return survivors.map((p) => p.pid);
    },
  };

  liveStacks.add(stack);
  try {
    await Promise.all([startPostgres(), startTemporal()]);
    // One after the other: `prisma migrate deploy` holds its advisory lock until the CLI exits, ~10 s
    // after it is done, and a second process migrating meanwhile fails on the lock timeout (P1002).
    await startApp('api', {});
    await startApp('worker', workerEnv);
  } catch (error) {
    const logs = stack.logs();
    await stack.teardown();
    throw new Error(`${(error as Error).message}\n${logs.slice(-20_000)}`);
  }
  return stack;
}

/** Processes still alive after a short grace (children may need a moment to follow their parent). */
async function settle(processes: ProcessId[], graceMs = 5_000): Promise<ProcessId[]> {
  const deadline = Date.now() + graceMs;
  let alive = processes.filter(isStillRunning);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(100);
    alive = alive.filter(isStillRunning);
  }
  return alive;
}

/**
 * Dev servers of concurrent stacks start one after the other: each picks its internal ports when
 * it starts, and two picking at the same moment can pick the same one.
 */
let devServerStarts: Promise<unknown> = Promise.resolve();
function oneDevServerAtATime<T>(start: () => Promise<T>): Promise<T> {
  const next = devServerStarts.then(start, start);
  devServerStarts = next.catch(() => undefined);
  return next;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
