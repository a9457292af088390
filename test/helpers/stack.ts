/**
 * The system split into its four processes, each a child of the test that can be killed and
 * started again on its own: embedded PostgreSQL (`scripts/run-embedded-postgres.ts`), the
 * Temporal dev server (SQLite file), the API (`scripts/start.ts` with RUN_WORKER=false) and the
 * worker (`scripts/start.ts` with RUN_API=false). Free ports, a throw-away data folder; every
 * process ever started (and every process it started) is tracked, so `teardown()` can prove that
 * nothing is left behind. Stacks can run side by side in one test process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeCliPairs } from '../../contracts/search-attributes';
import { descendants } from '../../platform/processes';
import { temporalTools } from '../../platform/temporal-tools';

const projectRoot = path.resolve(__dirname, '..', '..');
const MAX_OUTPUT = 400_000;

export type ComponentName = 'postgres' | 'temporal' | 'api' | 'worker';

/** One running child process and what it printed. */
export interface Component {
  name: ComponentName;
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
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
  const [pgPort, temporalPort, uiPort, apiPort] = (await reservedPorts(4)) as [
    number,
    number,
    number,
    number,
  ];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `selfcare-${options.label ?? 'faults'}-`));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  const databaseUrl = `postgresql://selfcare:selfcare@127.0.0.1:${pgPort}/selfcare`;
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

  const track = (component: Component) => {
    if (tornDown) {
      component.child.kill('SIGKILL');
      throw new Error(`${component.name} started after the stack was torn down`);
    }
    current.set(component.name, component);
    history.push(component);
    remember(component.pid);
  };
  /** Records the process tree of a running component (PostgreSQL's server and backends, say). */
  const snapshotTree = (component: Component | undefined) => {
    if (component?.running()) for (const pid of descendants(component.pid)) remember(pid);
  };

  const appEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    SEED_DEMO_DATA: 'true',
    ...extra,
  });

  const temporalArgs = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(temporalPort),
    '--ui-port',
    String(uiPort),
    '--db-filename',
    path.join(dataDir, 'temporal.sqlite'),
    '--namespace',
    'default',
    '--log-level',
    'warn',
    ...searchAttributeCliPairs().flatMap((pair) => ['--search-attribute', pair]),
  ];

  const startPostgres = async () => {
    const component = launch(
      'postgres',
      process.execPath,
      ['--import', 'tsx', 'scripts/run-embedded-postgres.ts', path.join(dataDir, 'pg'), String(pgPort)],
      { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn' },
    );
    track(component);
    await waitForOutput(component, /^ready (\S+)$/m, 120_000);
    snapshotTree(component);
  };

  const startTemporal = () =>
    oneDevServerAtATime(async () => {
      for (let attempt = 1; ; attempt++) {
        const component = launch('temporal', temporalTools().temporalCli, temporalArgs, process.env);
        track(component);
        try {
          await waitUntilTemporalServes(temporalAddress, component, 90_000);
          // Its internal services bind their ports a moment later; one taken meanwhile kills it.
          await sleep(1_500);
          if (!component.running() || /Failed to start/.test(component.output())) {
            throw new Error(`Temporal dev server died after starting:\n${component.output().slice(-4_000)}`);
          }
          snapshotTree(component);
          return;
        } catch (error) {
          await terminate(component, 'SIGKILL', 0);
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
            UPGRADE_RATE_LIMIT_PER_MINUTE: '1000',
            ...options.apiEnv,
          }
        : { RUN_API: 'false', ...extra };
    const component = launch(
      name,
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts'],
      appEnv(roleEnv),
    );
    track(component);
    await waitForOutput(component, /selfcare upgrade is running/, 120_000);
    snapshotTree(component);
  };

  const stop = async (name: ComponentName, signal: NodeJS.Signals, graceMs: number) => {
    const component = current.get(name);
    if (!component) return;
    snapshotTree(component);
    await terminate(component, signal, graceMs);
  };

  const stack: Stack = {
    dataDir,
    databaseUrl,
    temporalAddress,
    apiUrl,
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
        for (const component of history) if (component.running()) await terminate(component, 'SIGKILL', 0);
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

function launch(name: ComponentName, command: string, args: string[], env: NodeJS.ProcessEnv): Component {
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT / 2);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  if (child.pid === undefined) throw new Error(`${name} did not start (${command})`);
  return {
    name,
    child,
    pid: child.pid,
    output: () => output,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

async function waitForOutput(component: Component, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(component.output())) {
    if (!component.running()) {
      throw new Error(`${component.name} exited before it was ready:\n${component.output().slice(-8_000)}`);
    }
    if (Date.now() > deadline) {
      await terminate(component, 'SIGKILL', 0);
      throw new Error(
        `${component.name} not ready after ${timeoutMs} ms:\n${component.output().slice(-8_000)}`,
      );
    }
    await sleep(50);
  }
}

async function waitUntilTemporalServes(address: string, component: Component, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!component.running()) {
      throw new Error(`Temporal dev server exited:\n${component.output().slice(-8_000)}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) {
        await terminate(component, 'SIGKILL', 0);
        throw new Error(`Temporal dev server not serving on ${address}: ${String(error)}`);
      }
      await sleep(200);
    }
  }
}

/** Sends `signal`; after `graceMs` without exit, SIGKILLs the process and what it started. */
async function terminate(component: Component, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!component.running()) return;
  const tree = [component.pid, ...descendants(component.pid)].map(processId).filter((p) => p !== null);
  component.child.kill(signal);
  if (signal !== 'SIGKILL') {
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([component.exited, timer])) === 'timeout') {
      for (const p of tree) killIfStillOurs(p);
    }
  }
  await component.exited;
}

/** A process as the kernel knows it: the pid and its start time, so a reused pid is told apart. */
export interface ProcessId {
  pid: number;
  startTicks: string;
}

/** `/proc/<pid>/stat`: state (field 3) and start time (field 22); null when gone or a zombie. */
function processId(pid: number): ProcessId | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    return { pid, startTicks: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** Still running, and still the process we started (not another one that got its pid since). */
export function isStillRunning(p: ProcessId): boolean {
  const now = processId(p.pid);
  return now !== null && now.startTicks === p.startTicks;
}

function killIfStillOurs(p: ProcessId): void {
  if (!isStillRunning(p)) return;
  try {
    process.kill(p.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
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

/** Ports handed out by this process, never twice. */
const portsHandedOut = new Set<number>();

/**
 * Free ports below the kernel's ephemeral range. The Temporal dev server picks its internal
 * ports (history, matching, worker services) in that range by binding port 0, as `freePort()`
 * does; with several stacks starting at once, a port picked and released by one could be taken
 * by another before it binds it again. Below the range, nobody gets a port by chance.
 */
async function reservedPorts(count: number): Promise<number[]> {
  const [ephemeralLow] = fs
    .readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  const high = Math.min((ephemeralLow ?? 32768) - 1, 32767);
  const low = Math.max(10_000, high - 20_000);
  const ports: number[] = [];
  while (ports.length < count) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (portsHandedOut.has(port) || !(await canListen(port))) continue;
    portsHandedOut.add(port);
    ports.push(port);
  }
  return ports;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
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
