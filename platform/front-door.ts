/**
 * What every process's front door does around its own start (worker/main.ts, api/server.ts): its
 * settings from the environment, tracing started before anything it instruments (http, pg,
 * Prisma) is loaded, an orderly stop on SIGTERM or SIGINT, and one sentence on stderr when it
 * cannot start. A process started alone runs no infrastructure: PostgreSQL and Temporal are the
 * environment's (`npm start` runs both for a laptop, local/).
 */
import { type AppConfig, loadConfig } from './config';
import { Lifecycle, stopOnSignals } from './lifecycle';
import type { Logger } from './logger';
import { startTracing, type Tracing } from './telemetry/tracing';

export interface FrontDoor {
  config: AppConfig;
  logger: Logger;
  tracing: Tracing;
  lifecycle: Lifecycle;
  databaseUrl: string;
  temporalAddress: string;
}

export class MissingSettingError extends Error {
  override readonly name = 'MissingSettingError';
}

/** Errors whose message says what to do: printed without a stack. */
const EXPLAINED = ['SchemaBehindError', 'MissingSettingError'];

/** Runs `start` as the process's one job; the process exits 0 once a signal has stopped it all. */
export function runFrontDoor(serviceName: string, start: (door: FrontDoor) => Promise<void>): void {
  let lifecycle: Lifecycle | undefined;
  const main = async () => {
    const config = loadConfig();
    const { databaseUrl, temporalAddress } = infrastructureOf(config);
    const { tracing, logger } = await startObserving(config, serviceName);
    const started = new Lifecycle(logger);
    lifecycle = started;
    await start({ config, logger, tracing, lifecycle: started, databaseUrl, temporalAddress });
    stopOnSignals(logger, async () => {
      await started.stop();
      await tracing.shutdown().catch((error) => logger.warn({ err: error }, 'traces not all flushed'));
    });
  };
  main().catch(async (error) => {
    await lifecycle?.stop();
    const explained = error instanceof Error && EXPLAINED.includes(error.name);
    const detail = explained ? error.message : error instanceof Error ? error.stack : error;
    process.stderr.write(`failed to start: ${detail}\n`);
    process.exit(1);
  });
}

/**
 * Tracing, started before anything it instruments (http, pg, Prisma) is loaded, and the logger:
 * the caller imports the process's own modules after this.
 */
export async function startObserving(
  config: AppConfig,
  serviceName: string,
): Promise<{ tracing: Tracing; logger: Logger }> {
  const tracing = await startTracing(serviceName);
  const { createLogger } = await import('./logger.js');
  const logger = createLogger(config.logLevel);
  if (tracing.enabled) logger.info({ service: tracing.resource.attributes['service.name'] }, 'tracing on');
  return { tracing, logger };
}

function infrastructureOf(config: AppConfig): { databaseUrl: string; temporalAddress: string } {
  if (!config.database.url)
    throw new MissingSettingError(
      'DATABASE_URL is not set (npm start runs a PostgreSQL of its own; this process does not)',
    );
  if (!config.temporal.address)
    throw new MissingSettingError(
      'TEMPORAL_ADDRESS is not set (npm start runs a Temporal dev server of its own; this process does not)',
    );
  return { databaseUrl: config.database.url, temporalAddress: config.temporal.address };
}
