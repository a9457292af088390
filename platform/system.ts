/**
 * Starts the whole system in one process: infrastructure when not given (embedded PostgreSQL,
 * Temporal dev server), migrations and seed data, the worker and the API, each with its Prometheus
 * endpoint unless that is off. `stop()` undoes it in reverse: the API stops accepting, the worker
 * drains, then the servers stop.
 */
import type { Server } from 'node:http';
import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { IllegalStateError } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createReconcileActivities } from '../activities/reconcile';
import { createApp } from '../api/app';
import { type ApiMetrics, createApiMetrics } from '../api/metrics';
import { BILL_PAYMENT_WORKFLOW_TYPE, billWorkflowId } from '../contracts/payments';
import { billRunStartDelayMs } from '../domain';
import { seedDatabase } from '../prisma/seed-data';
import { createUpgradeWorker } from '../worker/create-worker';
import { ensureReconcileSchedule } from '../worker/reconcile-schedule';
import { authenticate, statementLink } from './auth';
import { type RunningProvider, startDevelopmentProvider } from './auth/provider';
import { codecEndpoint as codecUrl, createCodecApp, serveCodec } from './codec-server';
import type { AppConfig } from './config';
import { dataConverterFor } from './data-converter';
import { createDatabase, type Database } from './database';
import {
  type ApiCheck,
  databaseCheck,
  migrationsCheck,
  Readiness,
  temporalCheck,
  workerPollingCheck,
} from './health/readiness';
import { serveWorkerProbes } from './health/worker-probes';
import type { Logger } from './logger';
import { assertSchemaCurrent, migrateDatabase } from './migrate';
import { createEmailTransport } from './notifications/email-transport';
import { createPushGateway } from './notifications/push-gateway';
import { EncryptionCodec } from './payload-encryption';
import { assertPortsFree, portsToClaim } from './ports';
import { freePort } from './processes';
import { serveMetrics } from './telemetry/metrics-endpoint';
import { tracedEmailTransport, tracedPushGateway } from './telemetry/providers';
import { traceMemo } from './telemetry/run-trace';
import { TRACING_OFF, tracingClientInterceptors, tracingWorkerOptions } from './telemetry/temporal';
import type { Tracing } from './telemetry/tracing';
import { temporalConnectionOptions } from './temporal-connection';
import { startTemporalDevServer } from './temporal-dev-server';
import { temporalTools } from './temporal-tools';

export interface RunningSystem {
  apiUrl?: string;
  /** The development OpenID provider's issuer, when this process runs it. */
  providerUrl?: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  /** The codec server the Web UI decodes payloads through (unset: CODEC_PORT=off or no API here). */
  codecEndpoint?: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Where this process's codec server will listen, when it runs one (the API's process). */
function codecEndpointOf(config: AppConfig): string | undefined {
  if (!config.runApi || config.codec.port === null) return undefined;
  return codecUrl(config.codec.host, config.codec.port, !!config.codec.tls);
}

export async function startSystem(
  config: AppConfig,
  logger: Logger,
  tracing: Pick<Tracing, 'spanProcessor' | 'resource'> = TRACING_OFF,
): Promise<RunningSystem> {
  const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
  const readiness: Readiness[] = [];
  const stop = async () => {
    // Out of the load balancer first: /readyz answers 503 before anything stops.
    for (const r of readiness) r.markStopping();
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup.run();
        logger.info(`${cleanup.name} stopped`);
      } catch (error) {
        logger.error({ err: error }, `${cleanup.name} did not stop cleanly`);
      }
    }
    cleanups.length = 0;
  };

  try {
    // A second stack on one machine: one sentence naming the variable, before anything starts.
    await assertPortsFree(portsToClaim(config));
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      // A development dependency, never loaded in production (DATABASE_URL is required there).
      const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
      const embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.database.embeddedPort,
        logger,
      });
      cleanups.push({ name: 'embedded PostgreSQL', run: embedded.stop });
      databaseUrl = embedded.url;
    }
    if (config.migrateOnStart) {
      await migrateDatabase(databaseUrl);
      logger.info('database migrations applied');
    } else {
      await assertSchemaCurrent(databaseUrl);
      logger.info('database schema current');
    }

    const db = createDatabase(databaseUrl);
    cleanups.push({ name: 'database client', run: () => db.$disconnect() });
    if (config.seedDemoData) {
      const seeded = await seedDatabase(db, new Date());
      logger.info(seeded, 'seed data present');
    }

    let temporalAddress = config.temporal.address;
    let temporalUiUrl = config.temporal.uiUrl;
    if (!temporalAddress) {
      const devServer = await startTemporalDevServer({
        cliPath: config.temporal.devServer.cliPath ?? temporalTools().temporalCli,
        dataDir: config.dataDir,
        port: config.temporal.devServer.port,
        uiPort: config.temporal.devServer.uiPort,
        namespace: config.temporal.namespace,
        codecEndpoint: codecEndpointOf(config),
        retention: config.temporal.retention,
        logger,
      });
      cleanups.push({ name: 'Temporal dev server', run: devServer.stop });
      temporalAddress = devServer.address;
      temporalUiUrl = devServer.uiUrl;
    }
    const connectionOptions = temporalConnectionOptions(config.temporal, temporalAddress);

    if (config.runWorker) {
      const worker = await startWorker(config, connectionOptions, db, logger, tracing);
      cleanups.push({ name: 'worker', run: worker.stop });
      readiness.push(worker.readiness);
      if (worker.probes) cleanups.push({ name: 'worker probes', run: worker.probes.stop });
    }

    let providerUrl: string | undefined;
    const development = config.auth.development;
    if (development?.port && config.runApi) {
      const provider = await startProvider(
        config,
        development.port,
        development.issuer,
        development.audience,
      );
      cleanups.push({ name: 'development OpenID provider', run: provider.stop });
      providerUrl = provider.issuer;
      logger.info({ issuer: provider.issuer }, 'development OpenID provider listening');
    }

    let apiUrl: string | undefined;
    let codecEndpoint: string | undefined;
    if (config.runApi) {
      let metrics: ApiMetrics | undefined;
      if (config.metrics.apiPort) {
        metrics = createApiMetrics(db, logger.child({ component: 'api' }));
        const server = await serveMetrics(metrics, config.metrics.host, config.metrics.apiPort);
        cleanups.push({ name: 'API metrics', run: server.stop });
        logger.info({ url: server.url }, 'API metrics listening');
      }
      // The API links runs to the Web UI (the console's Upgrade tab): the dev server's when it runs one.
      const apiConfig = { ...config, temporal: { ...config.temporal, uiUrl: temporalUiUrl } };
      const api = await startApi(apiConfig, connectionOptions, db, metrics, logger);
      cleanups.push({ name: 'API', run: api.stop });
      readiness.push(api.readiness);
      apiUrl = api.url;
      if (config.codec.port !== null) {
        const codec = await startCodecServer(config, logger);
        cleanups.push({ name: 'codec server', run: codec.stop });
        codecEndpoint = codec.endpoint;
      }
    }

    return { apiUrl, providerUrl, temporalAddress, temporalUiUrl, codecEndpoint, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startProvider(
  config: AppConfig,
  port: number,
  issuer: string,
  audience: string,
): Promise<RunningProvider> {
  return startDevelopmentProvider({
    port,
    host: config.api.host,
    issuer,
    audience,
    publicBaseUrl: config.api.publicBaseUrl,
    dataDir: config.dataDir,
    accessTokenSeconds: config.auth.development?.accessTokenSeconds,
  });
}

async function startWorker(
  config: AppConfig,
  connectionOptions: ReturnType<typeof temporalConnectionOptions>,
  db: Database,
  logger: Logger,
  tracing: Pick<Tracing, 'spanProcessor' | 'resource'>,
) {
  // The SDK's exporter listens on loopback; the metrics port serves it with the probes.
  const exporterPort = config.metrics.workerPort ? await freePort() : null;
  installTemporalRuntime(config, exporterPort);
  const connection = await NativeConnection.connect(connectionOptions);
  // The bill step starts the bill's run and the reconciler asks how runs ended, through the
  // worker's own connection: its calls go through the SDK's Rust core instead of grpc-js.
  const dataConverter = dataConverterFor(config.encryption.keyring);
  const temporal = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter,
    interceptors: tracingClientInterceptors(),
  });
  let worker: Worker;
  try {
    worker = await createUpgradeWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataConverter,
      activities: {
        ...createActivities({
          db,
          logger: logger.child({ component: 'activities' }),
          email: tracedEmailTransport(createEmailTransport(config.email, db)),
          push: tracedPushGateway(createPushGateway(db)),
          emailFrom: config.email.from,
          statementUrl: (bill) => statementLink(config.api.publicBaseUrl, config.auth.statementLinks, bill),
          visitMoveLeadHours: config.visitMoveLeadHours,
          startBillPayment: async (input) => {
            await temporal.workflow
              .start(BILL_PAYMENT_WORKFLOW_TYPE, {
                workflowId: billWorkflowId(input.billCode),
                taskQueue: config.temporal.taskQueue,
                args: [input],
                // No task until the reminder is due: a bill waiting for days costs one event.
                startDelay: billRunStartDelayMs(input.dueDate, new Date()) || undefined,
                // The upgrade's trace (this activity's), for the payment notification to join.
                ...traceMemo(),
              })
              .catch((error) => {
                if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
              });
          },
          endBillPayment: async (billCode) => {
            await temporal.workflow
              .getHandle(billWorkflowId(billCode))
              .cancel()
              .catch((error) => {
                if (!(error instanceof WorkflowNotFoundError)) throw error;
              });
          },
        }),
        ...createReconcileActivities({ db, temporal }),
      },
      telemetry: tracingWorkerOptions(tracing),
    });
    await ensureReconcileSchedule(temporal, config.temporal.taskQueue);
  } catch (error) {
    await connection.close();
    throw error;
  }
  const running = worker.run();
  running.catch((error) => logger.fatal({ err: error }, 'worker stopped with an error'));
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker started');
  const readiness = new Readiness({
    database: databaseCheck(db),
    migrations: migrationsCheck(db),
    temporal: temporalCheck(temporal),
    worker: workerPollingCheck({
      client: temporal,
      taskQueue: config.temporal.taskQueue,
      running: () => worker.getState() === 'RUNNING',
      identity: worker.options.identity,
    }),
  });
  let probes: Awaited<ReturnType<typeof serveWorkerProbes>> | undefined;
  if (config.metrics.workerPort && exporterPort) {
    probes = await serveWorkerProbes({
      host: config.metrics.host,
      port: config.metrics.workerPort,
      readiness,
      metricsUpstream: `http://127.0.0.1:${exporterPort}/metrics`,
    });
    logger.info({ url: `${probes.url}/metrics`, probes: `${probes.url}/readyz` }, 'worker metrics listening');
  }
  return {
    readiness,
    probes,
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
    },
  };
}

async function startApi(
  config: AppConfig,
  connectionOptions: ReturnType<typeof temporalConnectionOptions>,
  db: Database,
  metrics: ApiMetrics | undefined,
  logger: Logger,
) {
  const connection = await Connection.connect(connectionOptions);
  const temporal = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: dataConverterFor(config.encryption.keyring),
    interceptors: tracingClientInterceptors(),
  });
  const readiness = new Readiness<ApiCheck>({
    database: databaseCheck(db),
    migrations: migrationsCheck(db),
    temporal: temporalCheck(temporal),
  });
  const app = createApp({
    db,
    temporal,
    config,
    logger: logger.child({ component: 'api' }),
    metrics,
    readiness,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.api.port, config.api.host, (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  });
  const url = `http://localhost:${config.api.port}`;
  logger.info({ url }, 'API listening');
  return {
    url,
    readiness,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      await connection.close();
    },
  };
}

async function startCodecServer(config: AppConfig, logger: Logger) {
  const app = createCodecApp({
    codec: new EncryptionCodec(config.encryption.keyring),
    namespace: config.temporal.namespace,
    settings: config.codec,
    authenticate: authenticate(config.auth),
    logger: logger.child({ component: 'codec' }),
  });
  const server = await serveCodec(app, config.codec.host, config.codec.port as number, config.codec.tls);
  logger.info(
    { endpoint: server.endpoint, auth: config.codec.auth, keyIds: config.encryption.keyring.keyIds },
    'codec server listening',
  );
  return server;
}

/**
 * The SDK logs (bundling, polling) at warn and above unless LOG_LEVEL asks for more. Its metrics
 * are served by its own Prometheus exporter on a loopback port, which WORKER_METRICS_PORT passes
 * through with the worker's probes (platform/health/worker-probes.ts); the exporter stops with the
 * runtime, which shuts down when the worker's connection, its last native object, is closed.
 */
function installTemporalRuntime(config: AppConfig, exporterPort: number | null) {
  const level = config.logLevel === 'debug' || config.logLevel === 'trace' ? 'DEBUG' : 'WARN';
  try {
    Runtime.install({
      logger: new DefaultLogger(level),
      // Shutdown signals are ours (scripts/start.ts): the worker drains in order, after the API.
      shutdownSignals: [],
      telemetryOptions: exporterPort
        ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${exporterPort}` } } }
        : undefined,
    });
  } catch (error) {
    // Already installed in this process (tests start more than one system): its settings stay.
    if (!(error instanceof IllegalStateError)) throw error;
  }
}
