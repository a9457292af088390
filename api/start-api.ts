/**
 * The API, started in this process: its Prometheus endpoint (API_METRICS_PORT), the HTTP API and,
 * on CODEC_PORT, the codec server the Temporal Web UI decodes payloads through. Its front door is
 * api/server.ts; `npm start` runs it beside the worker (local/system.ts).
 */
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { authenticate } from '../platform/auth';
import type { AppConfig } from '../platform/config';
import { dataConverterFor } from '../platform/data-converter';
import type { Database } from '../platform/database';
import {
  type ApiCheck,
  databaseCheck,
  migrationsCheck,
  Readiness,
  temporalCheck,
} from '../platform/health/readiness';
import type { Lifecycle } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { EncryptionCodec } from '../platform/payload-encryption';
import { serveMetrics } from '../platform/telemetry/metrics-endpoint';
import { tracingClientInterceptors } from '../platform/telemetry/temporal';
import { temporalConnectionOptions } from '../platform/temporal-connection';
import { recordReads } from '../services/access-records';
import { createApp } from './app';
import { createCodecApp, serveCodec } from './codec-server';
import { type ApiMetrics, createApiMetrics } from './metrics';

export interface ApiStart {
  config: AppConfig;
  temporalAddress: string;
  db: Database;
  logger: Logger;
  lifecycle: Lifecycle;
}

export interface RunningApi {
  url: string;
  /** Unset with CODEC_PORT=off. */
  codecEndpoint?: string;
}

export async function startApi({
  config,
  temporalAddress,
  db,
  logger,
  lifecycle,
}: ApiStart): Promise<RunningApi> {
  let metrics: ApiMetrics | undefined;
  if (config.metrics.apiPort) {
    metrics = createApiMetrics(db, logger.child({ component: 'api' }));
    const server = await serveMetrics(metrics, config.metrics.host, config.metrics.apiPort);
    lifecycle.started('API metrics', server.stop);
    logger.info({ url: server.url }, 'API metrics listening');
  }
  const url = await startHttpApi(config, temporalAddress, db, metrics, logger, lifecycle);
  if (config.codec.port === null) return { url };
  const codec = await startCodecServer(config, db, logger);
  lifecycle.started('codec server', codec.stop);
  return { url, codecEndpoint: codec.endpoint };
}

async function startHttpApi(
  config: AppConfig,
  temporalAddress: string,
  db: Database,
  metrics: ApiMetrics | undefined,
  logger: Logger,
  lifecycle: Lifecycle,
): Promise<string> {
  const connection = await Connection.connect(temporalConnectionOptions(config.temporal, temporalAddress));
  const temporal = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: dataConverterFor(config.encryption.keyring),
    interceptors: tracingClientInterceptors(),
  });
  const readiness = new Readiness<ApiCheck>(
    {
      database: databaseCheck(db),
      migrations: migrationsCheck(db),
      temporal: temporalCheck(temporal),
    },
    { cacheMs: config.readinessCacheMs },
  );
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
  }).catch(async (error) => {
    await connection.close();
    throw error;
  });
  const url = `http://localhost:${config.api.port}`;
  logger.info({ url }, 'API listening');
  lifecycle.started('API', async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    });
    await connection.close();
  });
  lifecycle.serves(readiness);
  return url;
}

async function startCodecServer(config: AppConfig, db: Database, logger: Logger) {
  const app = createCodecApp({
    recordReads: (reader, reads) => recordReads(db, reader, reads),
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
