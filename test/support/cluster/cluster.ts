/**
 * The production topology on one machine (`npm run cluster`, the cluster tests, the benchmark's
 * `--topology cluster`): PostgreSQL holding the app's database and Temporal's two; the Temporal
 * server as four services with the standalone Web UI; N worker processes and M API processes,
 * each started from its front door as a deployment runs it (worker/main.ts, api/server.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codecEndpoint } from '../../../api/codec-server';
import { type Launched, stopProcess } from '../../../local/processes';
import {
  TEMPORAL_UI_CLIENT_ID,
  TEMPORAL_UI_CLIENT_SECRET,
  TEMPORAL_UI_SCOPE,
  temporalUiCallbackUrl,
} from '../../../platform/auth/provider-constants';
import { createDatabase } from '../../../platform/database';
import { freePorts } from '../../../platform/free-ports';
import { createLogger, type Logger } from '../../../platform/logger';
import { migrateDatabase } from '../../../platform/migrate';
import { seedDatabase } from '../../../prisma/seed-data';
import {
  launchApp,
  launchPostgres,
  launchProvider,
  providerEnv,
  type StartingProcess,
  UNREACHED_RATE_LIMITS,
} from '../harness';
import { developmentCodecCertificate } from './codec-tls';
import {
  freeTemporalPorts,
  type PostgresServer,
  startTemporalCluster,
  type TemporalCluster,
  type TemporalPorts,
  type UiSignIn,
} from './temporal-cluster';
import { clientTlsEnvironment, clusterCertificates } from './temporal-tls';

export interface ClusterPorts {
  temporal: TemporalPorts;
  /** Embedded PostgreSQL (unused with a DATABASE_URL). */
  postgres: number;
  /** One per API process. */
  apis: number[];
  /** Prometheus endpoints of the API processes, one each. */
  apiMetrics: number[];
  /** The codec servers of the API processes, one each; the Web UI uses the first one's. */
  codecs: number[];
  /** Prometheus endpoints of the worker processes (the SDK's exporter), one each. */
  workerMetrics: number[];
  /** The development OpenID provider every API process trusts (not started in production). */
  oidc: number;
}

export interface ClusterOptions {
  ports: ClusterPorts;
  /** Where the embedded PostgreSQL keeps its data, between starts too. */
  dataDir: string;
  /** An existing PostgreSQL for the app; Temporal's databases go on the same server. */
  databaseUrl?: string;
  namespace?: string;
  taskQueue?: string;
  logger: Logger;
  /** Extra environment of every app process. */
  appEnv?: Record<string, string>;
  /** The shell's configuration reaches the app processes (npm run cluster); else they start clean. */
  shellConfig?: boolean;
  /** Load the catalog and demo customers (default: true). */
  seedDemoData?: boolean;
}

export interface AppProcess {
  name: string;
  kind: 'api' | 'worker';
  env: Record<string, string>;
  url?: string;
  metricsUrl: string;
  /** An API process's codec server (operators' tokens only). */
  codecEndpoint?: string;
  process?: StartingProcess;
}

export interface Cluster {
  databaseUrl: string;
  /** The development OpenID provider the APIs trust (none in production: AUTH_ISSUERS). */
  issuerUrl?: string;
  temporal: TemporalCluster;
  /** The development certificate the codec servers serve HTTPS with (none with CODEC_TLS_* given). */
  codecCertificatePath?: string;
  apis: AppProcess[];
  workers: AppProcess[];
  postgres?: Launched;
  /** SIGKILL an app process (no drain), as a lost machine would. */
  kill(app: AppProcess): Promise<void>;
  /** Starts an app process again with its environment; resolves once it is ready. */
  start(app: AppProcess): Promise<void>;
  stop(): Promise<void>;
}

export async function freeClusterPorts(counts: { apis: number; workers: number }): Promise<ClusterPorts> {
  const temporal = await freeTemporalPorts();
  const [postgres, oidc, ...rest] = await freePorts(2 + 3 * counts.apis + counts.workers);
  return {
    temporal,
    postgres: postgres!,
    oidc: oidc!,
    apis: rest.slice(0, counts.apis),
    apiMetrics: rest.slice(counts.apis, 2 * counts.apis),
    codecs: rest.slice(2 * counts.apis, 3 * counts.apis),
    workerMetrics: rest.slice(3 * counts.apis),
  };
}

/**
 * A throw-away cluster's options (the cluster test and the bench): free ports for two APIs and two
 * workers, a data folder of its own in the temp folder, warn-level logs, `appEnv` over NODE_ENV=test.
 */
export async function throwAwayClusterOptions(
  prefix: string,
  appEnv: Record<string, string>,
): Promise<ClusterOptions> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dataDir, 0o755);
  return {
    ports: await freeClusterPorts({ apis: 2, workers: 2 }),
    dataDir,
    logger: createLogger('warn'),
    appEnv: { NODE_ENV: 'test', LOG_LEVEL: 'warn', ...UNREACHED_RATE_LIMITS, ...appEnv },
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { ports, logger } = options;
  const namespace = options.namespace ?? 'default';
  const taskQueue = options.taskQueue ?? 'selfcare-upgrade';
  fs.mkdirSync(options.dataDir, { recursive: true });
  const running: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of running.reverse()) await stop().catch(() => undefined);
    running.length = 0;
  };

  try {
    let postgres: Launched | undefined;
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const embedded = launchPostgres(path.join(options.dataDir, 'postgres'), ports.postgres);
      running.push(async () => void (await stopProcess(embedded)));
      await embedded.ready();
      postgres = embedded;
      databaseUrl = embedded.url;
    }
    await migrateDatabase(databaseUrl);
    if (options.seedDemoData ?? true) {
      const db = createDatabase(databaseUrl);
      try {
        logger.info(await seedDatabase(db, new Date()), 'seed data present');
      } finally {
        await db.$disconnect();
      }
    }

    // One provider for the API processes (each starting its own would give each its own keys),
    // started before the Web UI, which reads its discovery document at start and signs operators
    // in through it (client temporal-ui).
    const uiUrl = `http://127.0.0.1:${ports.temporal.ui}`;
    let issuerUrl: string | undefined;
    if (options.appEnv?.NODE_ENV !== 'production') {
      const provider = launchProvider(ports.oidc, { DATA_DIR: options.dataDir, TEMPORAL_UI_URL: uiUrl });
      running.push(async () => void (await stopProcess(provider)));
      await provider.ready();
      issuerUrl = provider.issuer;
    }

    // The UI passes operators' tokens to https endpoints only: without CODEC_TLS_* of its own, a
    // cluster whose UI signs operators in serves the codec over HTTPS with a development certificate.
    const givenTls = options.appEnv?.CODEC_TLS_CERT_PATH ?? process.env.CODEC_TLS_CERT_PATH;
    const tls =
      !givenTls && issuerUrl
        ? await developmentCodecCertificate(path.join(options.dataDir, 'codec-tls'))
        : undefined;
    const https = !!givenTls || !!tls;
    const codecEndpoints = ports.codecs.map((port) => codecEndpoint('127.0.0.1', port, https));
    // The frontend answers only clients with a certificate of a CA made for this start (issue 31).
    const temporalTls = await clusterCertificates(path.join(options.dataDir, 'temporal-tls'));
    const temporal = await startTemporalCluster({
      postgres: postgresServerOf(databaseUrl),
      ports: ports.temporal,
      namespace,
      codecEndpoint: codecEndpoints[0],
      signIn: issuerUrl ? developmentUiSignIn(issuerUrl, uiUrl) : undefined,
      tls: temporalTls,
      logger,
    });
    running.push(temporal.stop);

    const common = {
      ...(issuerUrl ? providerEnv(issuerUrl, 'off') : {}),
      ...(tls ? { CODEC_TLS_CERT_PATH: tls.certPath, CODEC_TLS_KEY_PATH: tls.keyPath } : {}),
      ...options.appEnv,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      ...clientTlsEnvironment(temporalTls, 'app'),
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TEMPORAL_UI_URL: temporal.uiUrl,
      // Migrated and seeded above, once; N processes doing it at once would only race.
      SEED_DEMO_DATA: 'false',
      HOST: '127.0.0.1',
    };
    const workers: AppProcess[] = ports.workerMetrics.map((metricsPort, i) => ({
      name: `worker-${i + 1}`,
      kind: 'worker',
      env: { ...common, WORKER_METRICS_PORT: String(metricsPort), API_METRICS_PORT: 'off' },
      metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    }));
    const apis: AppProcess[] = ports.apis.map((port, i) => ({
      name: `api-${i + 1}`,
      kind: 'api',
      env: {
        ...common,
        PORT: String(port),
        API_METRICS_PORT: String(ports.apiMetrics[i]),
        WORKER_METRICS_PORT: 'off',
        // Where the UI signs operators in, the codec server takes only their tokens (docs/security.md).
        CODEC_PORT: String(ports.codecs[i]),
        CODEC_AUTH: 'operator',
      },
      url: `http://127.0.0.1:${port}`,
      metricsUrl: `http://127.0.0.1:${ports.apiMetrics[i]}/metrics`,
      codecEndpoint: codecEndpoints[i],
    }));

    const start = async (app: AppProcess) => {
      app.process = launchApp(app.name, app.env, {
        detached: false,
        shellConfig: options.shellConfig,
        entry: app.kind === 'api' ? 'api/server.ts' : 'worker/main.ts',
      });
      await app.process.ready();
    };
    const stop = async (app: AppProcess, signal: NodeJS.Signals = 'SIGTERM') => {
      if (app.process) await stopProcess(app.process, { signal });
    };
    // Stopped in reverse: APIs first (no new upgrades), then workers drain, then Temporal.
    running.push(() => Promise.all(workers.map((w) => stop(w))).then(() => undefined));
    await Promise.all(workers.map(start));
    running.push(() => Promise.all(apis.map((a) => stop(a))).then(() => undefined));
    await Promise.all(apis.map(start));

    return {
      databaseUrl,
      issuerUrl,
      temporal,
      codecCertificatePath: tls?.certPath,
      apis,
      workers,
      postgres,
      kill: (app) => stop(app, 'SIGKILL'),
      start,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The Web UI at `uiUrl` signs operators in through the development provider at `issuer` (its client temporal-ui). */
export function developmentUiSignIn(issuer: string, uiUrl: string): UiSignIn {
  return {
    providerUrl: issuer,
    clientId: TEMPORAL_UI_CLIENT_ID,
    clientSecret: TEMPORAL_UI_CLIENT_SECRET,
    callbackUrl: temporalUiCallbackUrl(uiUrl),
    scopes: TEMPORAL_UI_SCOPE,
  };
}

/** Temporal's databases live on the app's PostgreSQL server, reached with the same role. */
export function postgresServerOf(databaseUrl: string): PostgresServer {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}
