/**
 * A self-hosted Temporal cluster on one machine, shaped as it is deployed: the server as four
 * processes (frontend, history, matching, worker) on PostgreSQL persistence and SQL visibility,
 * and the standalone Web UI. Every service runs `temporal-server --config-file
 * deploy/temporal/config.yaml`, the file docker-compose.yml mounts too; only the environment
 * differs. Schema and namespace steps are deploy/temporal/setup-*.sh, also shared with compose.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { searchAttributeCliPairs } from '../../../contracts/search-attributes';
import { type Launched, launch, stopProcess, waitUntil } from '../../../local/processes';
import { waitUntilServing } from '../../../local/temporal-dev-server';
import { temporalTools } from '../../../local/temporal-tools';
import { NAMESPACE_RETENTION_DEFAULT } from '../../../platform/config';
import { freePorts } from '../../../platform/free-ports';
import type { Logger } from '../../../platform/logger';
import { type ClusterBinaries, clusterBinaries } from './binaries';
import {
  type ClusterTls,
  clientTlsEnvironment,
  connectionTls,
  serverTlsEnvironment,
  uiTlsEnvironment,
} from './temporal-tls';

const run = promisify(execFile);
/** deploy/temporal: the server and UI configs and the setup steps, shared with docker-compose.yml. */
export const DEPLOY_DIR = path.resolve(__dirname, '..', '..', '..', 'deploy', 'temporal');

export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface TemporalPorts {
  grpc: Record<TemporalService, number>;
  membership: Record<TemporalService, number>;
  frontendHttp: number;
  /** Each service's Prometheus endpoint (`/metrics`). */
  metrics: Record<TemporalService, number>;
  ui: number;
}

/** The ports `npm run cluster` uses: Temporal's own defaults, Prometheus on 8000-8003. */
export const DEFAULT_TEMPORAL_PORTS: TemporalPorts = {
  grpc: { frontend: 7233, history: 7234, matching: 7235, worker: 7239 },
  membership: { frontend: 6933, history: 6934, matching: 6935, worker: 6939 },
  frontendHttp: 7243,
  metrics: { frontend: 8000, history: 8001, matching: 8002, worker: 8003 },
  ui: 8233,
};

/** Free ports for every listener, so clusters can run beside each other (tests). */
export async function freeTemporalPorts(): Promise<TemporalPorts> {
  const p = await freePorts(14);
  const byService = (offset: number) =>
    Object.fromEntries(TEMPORAL_SERVICES.map((s, i) => [s, p[offset + i]])) as Record<
      TemporalService,
      number
    >;
  return {
    grpc: byService(0),
    membership: byService(4),
    metrics: byService(8),
    frontendHttp: p[12]!,
    ui: p[13]!,
  };
}

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface TemporalClusterOptions {
  postgres: PostgresServer;
  ports: TemporalPorts;
  namespace: string;
  /** The codec server the Web UI decodes payloads through (an API process's). */
  codecEndpoint?: string;
  /** How operators sign in to the Web UI (an OpenID provider already serving); absent: no sign-in. */
  signIn?: UiSignIn;
  logger: Logger;
  binaries?: ClusterBinaries;
  /**
   * The frontend requires client certificates of this CA (mTLS), the services talk over mTLS, and
   * the setup steps, the health wait and the Web UI present their own (temporal-tls.ts).
   */
  tls?: ClusterTls;
}

export interface TemporalCluster {
  address: string;
  /** The certificates the frontend requires (none: plaintext). */
  tls?: ClusterTls;
  uiUrl: string;
  metricsUrls: Record<TemporalService, string>;
  process(service: TemporalService | 'ui'): Launched | undefined;
  /** SIGKILL one service, as a lost machine would. */
  kill(service: TemporalService): Promise<void>;
  /** Starts a stopped or killed service again; resolves once the cluster serves through it. */
  start(service: TemporalService): Promise<void>;
  /** SIGTERM, then start again. */
  restart(service: TemporalService): Promise<void>;
  stop(): Promise<void>;
}

/** The environment deploy/temporal/config.yaml reads, for one service. */
export function serviceEnvironment(
  service: TemporalService,
  options: Pick<TemporalClusterOptions, 'postgres' | 'ports'>,
): Record<string, string> {
  const { postgres, ports } = options;
  return {
    LOG_LEVEL: 'warn',
    ...postgresEnvironment(postgres),
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    FRONTEND_GRPC_PORT: String(ports.grpc.frontend),
    FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    FRONTEND_MEMBERSHIP_PORT: String(ports.membership.frontend),
    HISTORY_GRPC_PORT: String(ports.grpc.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.membership.history),
    MATCHING_GRPC_PORT: String(ports.grpc.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.membership.matching),
    WORKER_GRPC_PORT: String(ports.grpc.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.membership.worker),
    PROMETHEUS_ENDPOINT: `127.0.0.1:${ports.metrics[service]}`,
    DYNAMIC_CONFIG_FILE_PATH: path.join(DEPLOY_DIR, 'dynamicconfig.yaml'),
  };
}

/** How deploy/temporal/config.yaml and setup-schema.sh reach PostgreSQL. */
export function postgresEnvironment(postgres: PostgresServer): Record<string, string> {
  return {
    POSTGRES_SEEDS: postgres.host,
    DB_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PWD: postgres.password,
  };
}

/** `temporal-server`'s arguments for one service, `deployDir` holding config.yaml. */
export function serverArgs(deployDir: string, service: TemporalService): string[] {
  return ['--config-file', `${deployDir}/config.yaml`, '--allow-no-auth', 'start', '--service', service];
}

/** `temporal-ui-server`'s arguments, `deployDir` holding ui/config/cluster.yaml. */
export function uiArgs(deployDir: string): string[] {
  return ['--root', `${deployDir}/ui`, '--env', 'cluster', 'start'];
}

/** What setup-namespace.sh registers: `Name=Type` pairs, space-separated. */
export const SEARCH_ATTRIBUTE_PAIRS = searchAttributeCliPairs().join(' ');

export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const binaries = options.binaries ?? clusterBinaries();
  const { ports, logger } = options;
  const address = `127.0.0.1:${ports.grpc.frontend}`;
  const processes = new Map<TemporalService | 'ui', Launched>();

  const startService = async (service: TemporalService) => {
    const proc = launch(`temporal ${service}`, binaries.temporalServer, serverArgs(DEPLOY_DIR, service), {
      env: {
        ...process.env,
        ...serviceEnvironment(service, options),
        ...(options.tls ? serverTlsEnvironment(options.tls) : {}),
      },
    });
    processes.set(service, proc);
    // A service is up when it serves metrics; the frontend when it answers clients too.
    await waitUntil(
      proc,
      'serving metrics',
      () => answers(`http://127.0.0.1:${ports.metrics[service]}/metrics`),
      60_000,
    );
  };
  const stopService = async (service: TemporalService, signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = processes.get(service);
    if (proc) await stopProcess(proc, { signal, graceMs: 15_000 });
  };
  const serving = async () => {
    const frontend = processes.get('frontend');
    if (!frontend) throw new Error('the frontend is not running');
    await waitUntilServing(
      address,
      frontend,
      60_000,
      options.tls ? connectionTls(options.tls, 'operator') : undefined,
    );
  };

  const stop = async () => {
    for (const name of ['ui', 'frontend', 'worker', 'matching', 'history'] as const) {
      const proc = processes.get(name);
      if (proc) await stopProcess(proc, { graceMs: 15_000 });
    }
  };

  try {
    const schemaStarted = Date.now();
    await runStep('setup-schema.sh', {
      ...postgresEnvironment(options.postgres),
      SQL_TOOL: binaries.sqlTool,
      SCHEMA_DIR: binaries.schemaDir,
    });
    logger.info({ ms: Date.now() - schemaStarted }, 'Temporal schema up to date');

    for (const service of TEMPORAL_SERVICES) await startService(service);
    await serving();
    const created = await runStep('setup-namespace.sh', {
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: options.namespace,
      TEMPORAL_CLI: temporalTools().temporalCli,
      SEARCH_ATTRIBUTES: SEARCH_ATTRIBUTE_PAIRS,
      NAMESPACE_RETENTION: NAMESPACE_RETENTION_DEFAULT,
      ...(options.tls ? clientTlsEnvironment(options.tls, 'operator') : {}),
    });
    if (created.trim()) {
      // Every service caches namespaces and search attributes (for up to a minute); a restart
      // makes what was just created usable at once.
      logger.info({ created: created.trim() }, 'Temporal namespace set up; restarting services');
      for (const service of TEMPORAL_SERVICES) {
        await stopService(service);
        await startService(service);
      }
      await serving();
    }

    processes.set(
      'ui',
      await startWebUi({
        address,
        port: ports.ui,
        namespace: options.namespace,
        codecEndpoint: options.codecEndpoint,
        signIn: options.signIn,
        tls: options.tls,
        binaries,
      }),
    );
    logger.info({ address, ui: `http://127.0.0.1:${ports.ui}` }, 'Temporal cluster started');
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    address,
    tls: options.tls,
    uiUrl: `http://127.0.0.1:${ports.ui}`,
    metricsUrls: Object.fromEntries(
      TEMPORAL_SERVICES.map((s) => [s, `http://127.0.0.1:${ports.metrics[s]}/metrics`]),
    ) as Record<TemporalService, string>,
    process: (service) => processes.get(service),
    kill: (service) => stopService(service, 'SIGKILL'),
    start: async (service) => {
      await startService(service);
      await serving();
    },
    restart: async (service) => {
      await stopService(service);
      await startService(service);
      await serving();
    },
    stop,
  };
}

async function runStep(script: string, env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run('sh', [path.join(DEPLOY_DIR, script)], {
      env: { ...process.env, ...env },
      maxBuffer: 10_000_000,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`deploy/temporal/${script} failed:\n${stdout.slice(-4_000)}${stderr.slice(-4_000)}`);
  }
}

/** The Web UI's OpenID client: the provider's discovery URL, the client's credentials, the scopes. */
export interface UiSignIn {
  providerUrl: string;
  clientId: string;
  clientSecret: string;
  /** `<UI>/auth/sso/callback`, registered at the provider. */
  callbackUrl: string;
  /** Space-separated; the access token must be for the API (its resource's scope). */
  scopes: string;
}

/**
 * What deploy/temporal/ui/config/cluster.yaml reads. Operators sign in through the OpenID provider
 * (`signIn`); the UI passes the operator's access token to the codec server, which takes nothing
 * else, and only to an https endpoint (docs/security.md, "The codec server").
 */
export function uiEnvironment(options: {
  address: string;
  host: string;
  port: number;
  namespace: string;
  codecEndpoint?: string;
  signIn?: UiSignIn;
}): Record<string, string> {
  const { signIn } = options;
  return {
    TEMPORAL_ADDRESS: options.address,
    TEMPORAL_UI_HOST: options.host,
    TEMPORAL_UI_PORT: String(options.port),
    TEMPORAL_NAMESPACE: options.namespace,
    TEMPORAL_CODEC_ENDPOINT: options.codecEndpoint ?? '',
    TEMPORAL_CODEC_PASS_ACCESS_TOKEN: 'true',
    TEMPORAL_AUTH_ENABLED: String(!!signIn),
    TEMPORAL_AUTH_PROVIDER_URL: signIn?.providerUrl ?? '',
    TEMPORAL_AUTH_CLIENT_ID: signIn?.clientId ?? '',
    TEMPORAL_AUTH_CLIENT_SECRET: signIn?.clientSecret ?? '',
    TEMPORAL_AUTH_CALLBACK_URL: signIn?.callbackUrl ?? '',
    TEMPORAL_AUTH_SCOPES: signIn?.scopes ?? '',
  };
}

/**
 * The standalone Web UI server on deploy/temporal/ui/config/cluster.yaml, before any frontend
 * (the cluster's) or with another (a test's dev server). Ready once it serves its page.
 */
export async function startWebUi(options: {
  address: string;
  port: number;
  namespace: string;
  codecEndpoint?: string;
  signIn?: UiSignIn;
  /** The frontend requires a client certificate: the UI presents its own. */
  tls?: ClusterTls;
  binaries?: ClusterBinaries;
}): Promise<Launched> {
  const binaries = options.binaries ?? clusterBinaries();
  const ui = launch('temporal ui', binaries.uiServer, uiArgs(DEPLOY_DIR), {
    env: {
      ...process.env,
      ...uiEnvironment({
        address: options.address,
        host: '127.0.0.1',
        port: options.port,
        namespace: options.namespace,
        codecEndpoint: options.codecEndpoint,
        signIn: options.signIn,
      }),
      ...(options.tls ? uiTlsEnvironment(options.tls) : {}),
    },
  });
  try {
    await waitUntil(ui, 'serving the Web UI', () => answers(`http://127.0.0.1:${options.port}/`), 30_000);
  } catch (error) {
    await stopProcess(ui, { signal: 'SIGKILL' });
    throw error;
  }
  return ui;
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.ok;
}
