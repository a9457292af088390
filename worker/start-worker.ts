/**
 * The worker, started in this process: the upgrade's workflows and activities on the task queue,
 * the reconciler's run, a readiness of its own and, on WORKER_METRICS_PORT, the probes with
 * the SDK's Prometheus metrics. Its front door is worker/main.ts; `npm start` runs it beside the
 * API (local/system.ts).
 */
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { IllegalStateError } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createReconcileActivities } from '../activities/reconcile';
import { BILL_PAYMENT_WORKFLOW_TYPE, billWorkflowId } from '../contracts/payments';
import { billRunStartDelayMs } from '../domain';
import { statementLink } from '../platform/auth';
import type { AppConfig } from '../platform/config';
import { dataConverterFor } from '../platform/data-converter';
import type { Database } from '../platform/database';
import { freePort } from '../platform/free-ports';
import {
  databaseCheck,
  migrationsCheck,
  Readiness,
  temporalCheck,
  workerPollingCheck,
} from '../platform/health/readiness';
import { serveWorkerProbes } from '../platform/health/worker-probes';
import type { Lifecycle } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { createEmailTransport } from '../platform/notifications/email-transport';
import { createPushGateway } from '../platform/notifications/push-gateway';
import { tracedEmailTransport, tracedPushGateway } from '../platform/telemetry/providers';
import { traceMemo } from '../platform/telemetry/run-trace';
import { tracingClientInterceptors, tracingWorkerOptions } from '../platform/telemetry/temporal';
import type { Tracing } from '../platform/telemetry/tracing';
import { temporalConnectionOptions } from '../platform/temporal-connection';
import { midtransGateway } from '../services/payment-gateway';
import { createUpgradeWorker } from './create-worker';
import { ensureReconciler } from './reconciler';

export interface WorkerStart {
  config: AppConfig;
  temporalAddress: string;
  db: Database;
  logger: Logger;
  tracing: Pick<Tracing, 'spanProcessor' | 'resource'>;
  lifecycle: Lifecycle;
}

export async function startWorker({ config, temporalAddress, db, logger, tracing, lifecycle }: WorkerStart) {
  // The SDK's exporter listens on loopback; the metrics port serves it with the probes.
  const exporterPort = config.metrics.workerPort ? await freePort() : null;
  installTemporalRuntime(config, exporterPort);
  const connection = await NativeConnection.connect(
    temporalConnectionOptions(config.temporal, temporalAddress),
  );
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
          paymentGateway: midtransGateway(config.payments.midtrans),
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
    await ensureReconciler(temporal, config.temporal.taskQueue);
  } catch (error) {
    await connection.close();
    throw error;
  }
  const running = worker.run();
  running.catch((error) => logger.fatal({ err: error }, 'worker stopped with an error'));
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker started');
  lifecycle.started('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
  });
  const readiness = new Readiness(
    {
      database: databaseCheck(db),
      migrations: migrationsCheck(db),
      temporal: temporalCheck(temporal),
      worker: workerPollingCheck({
        client: temporal,
        taskQueue: config.temporal.taskQueue,
        running: () => worker.getState() === 'RUNNING',
        identity: worker.options.identity,
      }),
    },
    { cacheMs: config.readinessCacheMs },
  );
  lifecycle.serves(readiness);
  if (config.metrics.workerPort && exporterPort) {
    const probes = await serveWorkerProbes({
      host: config.metrics.host,
      port: config.metrics.workerPort,
      readiness,
      metricsUpstream: `http://127.0.0.1:${exporterPort}/metrics`,
    });
    lifecycle.started('worker probes', probes.stop);
    logger.info({ url: `${probes.url}/metrics`, probes: `${probes.url}/readyz` }, 'worker metrics listening');
  }
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
      // Shutdown signals are the front door's (platform/front-door.ts, local/start.ts): the worker
      // drains in order, after the API.
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
