/**
 * `npm start`'s system in one process: the infrastructure when not given (embedded PostgreSQL,
 * the Temporal dev server), migrations and seed data, the worker (worker/start-worker.ts), the
 * development OpenID provider and the API (api/start-api.ts), each with its Prometheus endpoint
 * unless that is off; RUN_API / RUN_WORKER=false leave one of the two out. `stop()` undoes it in
 * reverse: the API stops accepting, the worker drains, then the servers stop.
 */

import { codecEndpoint as codecUrl } from '../api/codec-server';
import { startApi } from '../api/start-api';
import type { AppConfig } from '../platform/config';
import { Lifecycle } from '../platform/lifecycle';
import type { Logger } from '../platform/logger';
import { openDatabase } from '../platform/open-database';
import { TRACING_OFF } from '../platform/telemetry/temporal';
import type { Tracing } from '../platform/telemetry/tracing';
import { startWorker } from '../worker/start-worker';
import { type RunningProvider, startDevelopmentProvider } from './auth/provider';
import { startMidtransStandIn } from './midtrans-stand-in';
import { assertPortsFree, portsToClaim } from './ports';
import { assertNoPreBaselineRuns } from './pre-baseline-runs';
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
  /** The local stand-in of Midtrans's Core API (local/midtrans-stand-in.ts), when this process runs it. */
  midtransUrl?: string;
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
  const lifecycle = new Lifecycle(logger);
  const stop = () => lifecycle.stop();

  try {
    // A second stack on one machine: one sentence naming the variable, before anything starts.
    await assertPortsFree(portsToClaim(config));
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      // A development dependency: loaded only when it runs.
      const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
      const embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.database.embeddedPort,
        logger,
      });
      lifecycle.started('embedded PostgreSQL', embedded.stop);
      databaseUrl = embedded.url;
    }
    const db = await openDatabase(config, databaseUrl, logger, lifecycle);

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
      lifecycle.started('Temporal dev server', devServer.stop);
      temporalAddress = devServer.address;
      temporalUiUrl = devServer.uiUrl;
      // Its data folder may hold runs of the workflow before its release baseline: say so, not fail in a replay.
      await assertNoPreBaselineRuns(temporalAddress, config.temporal.namespace);
    }

    // No MIDTRANS_API_BASE_URL outside production: Midtrans's Core API is the local stand-in.
    let midtransUrl: string | undefined;
    const standInPort = config.payments.midtrans.standInPort;
    if (standInPort !== null && config.runApi) {
      const standIn = await startMidtransStandIn({
        serverKey: config.payments.midtrans.serverKey,
        port: standInPort,
        notificationUrl: `http://127.0.0.1:${config.api.port}/v1/payments/midtrans/notification`,
      });
      lifecycle.started('Midtrans stand-in', standIn.stop);
      midtransUrl = standIn.url;
      config = {
        ...config,
        payments: { ...config.payments, midtrans: { ...config.payments.midtrans, baseUrl: standIn.url } },
      };
      logger.info({ url: standIn.url }, 'Midtrans stand-in listening (npm run pay pays its orders)');
    }

    if (config.runWorker) await startWorker({ config, temporalAddress, db, logger, tracing, lifecycle });

    let providerUrl: string | undefined;
    const development = config.auth.development;
    if (development?.port && config.runApi) {
      const provider = await startProvider(
        config,
        development.port,
        development.issuer,
        development.audience,
      );
      lifecycle.started('development OpenID provider', provider.stop);
      providerUrl = provider.issuer;
      logger.info({ issuer: provider.issuer }, 'development OpenID provider listening');
    }

    let apiUrl: string | undefined;
    let codecEndpoint: string | undefined;
    if (config.runApi) {
      // The API links runs to the Web UI (the console's Upgrade tab): the dev server's when it runs one.
      const apiConfig = { ...config, temporal: { ...config.temporal, uiUrl: temporalUiUrl } };
      ({ url: apiUrl, codecEndpoint } = await startApi({
        config: apiConfig,
        temporalAddress,
        db,
        logger,
        lifecycle,
      }));
    }

    return {
      apiUrl,
      providerUrl,
      temporalAddress,
      temporalUiUrl,
      codecEndpoint,
      databaseUrl,
      midtransUrl,
      stop,
    };
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
