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
import { type ApiMetrics, createApiMetrics, serveMetrics } from '../api/metrics';
import { BILL_PAYMENT_WORKFLOW_TYPE, billWorkflowId } from '../contracts/payments';
import { billRunStartDelayMs } from '../domain';
import { seedDatabase } from '../prisma/seed-data';
import { createUpgradeWorker } from '../worker/create-worker';
import { ensureReconcileSchedule } from '../worker/reconcile-schedule';
import { statementLink } from './auth';
import type { AppConfig } from './config';
import { createDatabase, type Database } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { Logger } from './logger';
import { migrateDatabase } from './migrate';
import { createEmailTransport } from './notifications/email-transport';
import { createPushGateway } from './notifications/push-gateway';
import { assertPortsFree, portsToClaim } from './ports';
import { temporalConnectionOptions } from './temporal-connection';
import { startTemporalDevServer } from './temporal-dev-server';
import { temporalTools } from './temporal-tools';

export interface RunningSystem {
  apiUrl?: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startSystem(config: AppConfig, logger: Logger): Promise<RunningSystem> {
  const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
  const stop = async () => {
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
      const embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.database.embeddedPort,
        logger,
      });
      cleanups.push({ name: 'embedded PostgreSQL', run: embedded.stop });
      databaseUrl = embedded.url;
    }
    await migrateDatabase(databaseUrl);
    logger.info('database migrations applied');

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
        logger,
      });
      cleanups.push({ name: 'Temporal dev server', run: devServer.stop });
      temporalAddress = devServer.address;
      temporalUiUrl = devServer.uiUrl;
    }
    const connectionOptions = temporalConnectionOptions(config.temporal, temporalAddress);

    if (config.runWorker) {
      const worker = await startWorker(config, connectionOptions, db, logger);
      cleanups.push({ name: 'worker', run: worker.stop });
    }

    let apiUrl: string | undefined;
    if (config.runApi) {
      let metrics: ApiMetrics | undefined;
      if (config.metrics.apiPort) {
        metrics = createApiMetrics(db, logger.child({ component: 'api' }));
        const server = await serveMetrics(metrics, config.metrics.host, config.metrics.apiPort);
        cleanups.push({ name: 'API metrics', run: server.stop });
        logger.info({ url: server.url }, 'API metrics listening');
      }
      const api = await startApi(config, connectionOptions, db, metrics, logger);
      cleanups.push({ name: 'API', run: api.stop });
      apiUrl = api.url;
    }

    return { apiUrl, temporalAddress, temporalUiUrl, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startWorker(
  config: AppConfig,
  connectionOptions: ReturnType<typeof temporalConnectionOptions>,
  db: Database,
  logger: Logger,
) {
  installTemporalRuntime(config, logger);
  const connection = await NativeConnection.connect(connectionOptions);
  // The bill step starts the bill's run and the reconciler asks how runs ended, through the
  // worker's own connection: its calls go through the SDK's Rust core instead of grpc-js.
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  let worker: Worker;
  try {
    worker = await createUpgradeWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      activities: {
        ...createActivities({
          db,
          logger: logger.child({ component: 'activities' }),
          email: createEmailTransport(config.email, db),
          push: createPushGateway(db),
          emailFrom: config.email.from,
          statementUrl: (billCode, customerId) =>
            statementLink(config.api.publicBaseUrl, config.auth.jwtSecret, billCode, customerId),
          visitMoveLeadHours: config.visitMoveLeadHours,
          startBillPayment: async (input) => {
            await temporal.workflow
              .start(BILL_PAYMENT_WORKFLOW_TYPE, {
                workflowId: billWorkflowId(input.billCode),
                taskQueue: config.temporal.taskQueue,
                args: [input],
                // No task until the reminder is due: a bill waiting for days costs one event.
                startDelay: billRunStartDelayMs(input.dueDate, new Date()) || undefined,
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
    });
    await ensureReconcileSchedule(temporal, config.temporal.taskQueue);
  } catch (error) {
    await connection.close();
    throw error;
  }
  const running = worker.run();
  running.catch((error) => logger.fatal({ err: error }, 'worker stopped with an error'));
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker started');
  return {
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
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const app = createApp({ db, temporal, config, logger: logger.child({ component: 'api' }), metrics });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.api.port, config.api.host, (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  });
  const url = `http://localhost:${config.api.port}`;
  logger.info({ url }, 'API listening');
  return {
    url,
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

/**
 * The SDK logs (bundling, polling) at warn and above unless LOG_LEVEL asks for more. Its metrics
 * are served by its own Prometheus exporter on WORKER_METRICS_PORT; the exporter stops with the
 * runtime, which shuts down when the worker's connection, its last native object, is closed.
 */
function installTemporalRuntime(config: AppConfig, logger: Logger) {
  const level = config.logLevel === 'debug' || config.logLevel === 'trace' ? 'DEBUG' : 'WARN';
  const { host, workerPort } = config.metrics;
  const bindAddress = `${host.includes(':') ? `[${host}]` : host}:${workerPort}`;
  try {
    Runtime.install({
      logger: new DefaultLogger(level),
      // Shutdown signals are ours (scripts/start.ts): the worker drains in order, after the API.
      shutdownSignals: [],
      telemetryOptions: workerPort ? { metrics: { prometheus: { bindAddress } } } : undefined,
    });
    if (workerPort) logger.info({ url: `http://${bindAddress}/metrics` }, 'worker metrics listening');
  } catch (error) {
    // Already installed in this process (tests start more than one system): its settings stay.
    if (!(error instanceof IllegalStateError)) throw error;
  }
}
