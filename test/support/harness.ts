/**
 * The system's processes as children of a test or a script (e2e and fault tests, the fuzzing run,
 * the benchmark). A process counts as ready when it answers, never when it prints something: the
 * API when GET /health is 200, a worker-only process when Temporal lists it polling its task
 * queue, PostgreSQL when it runs a query, the Temporal dev server when it answers GetSystemInfo
 * (local/temporal-dev-server.ts). A process that does not get ready is SIGKILLed; every stop is
 * SIGTERM, then SIGKILL (`stopProcess`, local/processes.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, type ConnectionOptions } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { descendants, type Launched, launch, stopProcess, waitUntil } from '../../local/processes';
import { loadConfig } from '../../platform/config';
import { environmentWithoutConfig } from '../../platform/environment';
import { freePorts } from '../../platform/free-ports';
import { temporalConnectionOptions } from '../../platform/temporal-connection';
import { buildWorkflowBundle } from '../../scripts/build-workflow-bundle';
import { postgresUrl } from './postgres';
import { copyMigratedPostgres } from './postgres-template';
import { killUnlessReady, PROJECT_ROOT, type StartingProcess } from './starting';

export { launchPostgres, postgresUrl } from './postgres';
export { PROJECT_ROOT, type StartingProcess } from './starting';

let workflowBundle: Promise<string> | undefined;

/**
 * Workers load the workflow bundle `npm run setup` builds; this rebuilds it, once per process, if
 * a workflow changed since (a test run with `npx jest`, without setup). Call before starting workers.
 */
export function freshWorkflowBundle(): Promise<string> {
  workflowBundle ??= buildWorkflowBundle();
  return workflowBundle;
}

/** A child that can be waited for until it is ready (killed, with its output in the error, if it never is). */
/**
 * What an app process starts from: `npm start`'s composition (local/start.ts: the whole system, or
 * the part that RUN_API / RUN_WORKER=false leave), or one of production's front doors.
 */
export type AppEntry = 'local/start.ts' | 'api/server.ts' | 'worker/main.ts';

/**
 * An app process, `local/start.ts` unless `options.entry` names a front door, with `env` on top of
 * ours. Ready when its API answers /health with 200 or, without an API, when its worker polls the
 * task queue. Its metrics endpoints are off unless `env` gives them ports: processes started side
 * by side would all want the default ones. So is its codec server (CODEC_PORT).
 */
export function launchApp(
  name: string,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; detached?: boolean; shellConfig?: boolean; entry?: AppEntry } = {},
): StartingProcess {
  const entry = options.entry ?? 'local/start.ts';
  // A stack of its own: the shell's AUTH_JWT_SECRET, PORT... stay out unless asked for (npm run cluster).
  const fullEnv = {
    ...(options.shellConfig ? process.env : environmentWithoutConfig()),
    NODE_OPTIONS: '',
    API_METRICS_PORT: 'off',
    WORKER_METRICS_PORT: 'off',
    CODEC_PORT: 'off',
    // The Midtrans stand-in on a free port of its own (npm start's 4010 would collide side by side).
    MIDTRANS_STAND_IN_PORT: '0',
    ...env,
  };
  const { runApi, api, temporal: t } = loadConfig(fullEnv);
  const servesApi = entry === 'local/start.ts' ? runApi : entry === 'api/server.ts';
  const app = launch(name, process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry], {
    cwd: PROJECT_ROOT,
    env: fullEnv,
    detached: options.detached,
  });
  const [what, probe] = servesApi
    ? ['healthy', () => healthy(`http://${api.host}:${api.port}`)]
    : [
        'polling its task queue',
        () =>
          workerPolls(
            // As the process connects (TLS, a client certificate: the cluster's frontend requires one).
            temporalConnectionOptions(t, t.address ?? `127.0.0.1:${t.devServer.port}`),
            t.namespace,
            t.taskQueue,
            app.pid,
          ),
      ];
  return {
    ...app,
    ready: (timeoutMs = 180_000) => killUnlessReady(app, waitUntil(app, what, probe, timeoutMs)),
  };
}

/**
 * `scripts/oidc-provider.ts`: the development OpenID provider alone, on `port`, issuer
 * `http://127.0.0.1:<port>`. Ready when it serves its discovery document.
 */
export function launchProvider(
  port: number,
  env: Record<string, string> = {},
): StartingProcess & { issuer: string } {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = launch(
    'oidc-provider',
    process.execPath,
    ['--import', 'tsx', 'scripts/oidc-provider.ts'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', ...providerEnv(issuer, port), ...env },
    },
  );
  return {
    ...provider,
    issuer,
    ready: (timeoutMs = 60_000) =>
      killUnlessReady(
        provider,
        waitUntil(provider, 'serving discovery', () => servesDiscovery(issuer), timeoutMs),
      ),
  };
}

/** What a process needs to run (`port`) or only trust (`port` 'off') the development provider at `issuer`. */
export function providerEnv(issuer: string, port: number | 'off'): Record<string, string> {
  return { OIDC_ISSUER: issuer, OIDC_PORT: String(port) };
}

export async function servesDiscovery(issuer: string): Promise<boolean> {
  const answer = await fetch(`${issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5_000),
  });
  await answer.body?.cancel();
  return answer.status === 200;
}

async function healthy(apiUrl: string): Promise<boolean> {
  const answer = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(5_000) });
  await answer.body?.cancel();
  return answer.status === 200;
}

/** Temporal lists a poller with the worker's identity (the SDK's default: `<pid>@<hostname>`). */
async function workerPolls(options: ConnectionOptions, namespace: string, taskQueue: string, pid: number) {
  const connection = await Connection.connect({ ...options, connectTimeout: 1_000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return (pollers ?? []).some((poller) => poller.identity === `${pid}@${os.hostname()}`);
  } finally {
    await connection.close();
  }
}

/** The whole system in one process tree, as `npm start` runs it, on free ports and a throw-away data folder. */
export interface LocalSystem {
  apiUrl: string;
  /** The development OpenID provider the system runs (tokens: mintDevelopmentToken with this issuer). */
  issuerUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  /** The codec server of its API, which the dev server's Web UI is wired to. */
  codecEndpoint: string;
  databaseUrl: string;
  /** The local stand-in of Midtrans's Core API the system runs (scripts/pay.ts pays at it). */
  midtransUrl: string;
  dataDir: string;
  process: Launched;
  /** Every process in the system's tree (the main process, PostgreSQL, the Temporal server…). */
  processTree(): number[];
  /**
   * `SIGTERM` to the main process, as an orchestrator sends it, or `ctrl-c`: SIGINT to the whole
   * process group, as a terminal sends it; SIGKILL to what is left after 30 s. Removes the data
   * folder (unless `keepData`) and resolves with the exit code.
   */
  stop(how?: 'SIGTERM' | 'ctrl-c'): Promise<number | null>;
}

/**
 * Rate-limit budgets no test reaches (the limits themselves: test/integration/rate-limits.test.ts):
 * tests and the fuzzer send many requests from one address, account or customer in a minute.
 */
export const UNREACHED_RATE_LIMITS: Record<string, string> = {
  UPGRADE_RATE_LIMIT_PER_MINUTE: '100000',
  QUOTE_RATE_LIMIT_PER_MINUTE: '100000',
  PAYMENT_NOTIFICATION_RATE_LIMIT_PER_MINUTE: '100000',
  CS_SEARCH_RATE_LIMIT_PER_MINUTE: '100000',
};

export async function startLocalSystem(options: {
  /** Names the data folder: `<tmp>/selfcare-<label>-…`. */
  label: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Its own process group (default), like a shell job, so `stop('ctrl-c')` reaches every process in it. */
  detached?: boolean;
  keepData?: boolean;
  /** Start on an empty data folder, as `npm start` on a fresh machine (else a migrated database is copied in). */
  freshMigrations?: boolean;
}): Promise<LocalSystem> {
  await freshWorkflowBundle();
  const [apiPort, temporalPort, uiPort, pgPort, codecPort, oidcPort, midtransPort] = (await freePorts(7)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `selfcare-${options.label}-`));
  if (!options.freshMigrations) await copyMigratedPostgres(dataDir);
  const issuerUrl = `http://127.0.0.1:${oidcPort}`;
  const removeData = () => {
    if (!(options.keepData ?? process.env.KEEP_TEST_DATA))
      fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const app = launchApp(
    'system',
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      // The address tests open (the provider's redirect URIs, statement links): this one.
      PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_PG_PORT: String(pgPort),
      CODEC_PORT: String(codecPort),
      MIDTRANS_STAND_IN_PORT: String(midtransPort),
      ...providerEnv(issuerUrl, oidcPort),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      ...UNREACHED_RATE_LIMITS,
      ...options.env,
    },
    { nodeArgs: options.nodeArgs, detached: options.detached ?? true },
  );
  try {
    await app.ready();
  } catch (error) {
    removeData();
    throw error;
  }
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    issuerUrl,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    temporalUiUrl: `http://127.0.0.1:${uiPort}`,
    codecEndpoint: `http://127.0.0.1:${codecPort}/codec`,
    databaseUrl: postgresUrl(pgPort),
    midtransUrl: `http://127.0.0.1:${midtransPort}`,
    dataDir,
    process: app,
    processTree: () => [app.pid, ...descendants(app.pid)],
    stop: async (how = 'SIGTERM') => {
      const code = await stopProcess(
        app,
        how === 'ctrl-c' ? { signal: 'SIGINT', group: true, graceMs: 30_000 } : { graceMs: 30_000 },
      );
      removeData();
      return code;
    },
  };
}
