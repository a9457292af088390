/**
 * `npm start`: the whole system on one machine — embedded PostgreSQL, the Temporal dev server
 * with its Web UI, the worker and the API — unless DATABASE_URL / TEMPORAL_ADDRESS point
 * elsewhere. Ctrl-C or SIGTERM stops everything in order.
 */
import { loadConfig } from '../platform/config';
import { SetupError } from '../platform/embedded-postgres';
import { createLogger } from '../platform/logger';
import { PortInUseError } from '../platform/ports';
import { startSystem } from '../platform/system';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const system = await startSystem(config, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Children may exit on the same Ctrl-C first; keep the loop alive until every stop has run.
    setInterval(() => undefined, 1_000);
    logger.info({ signal }, 'shutting down');
    await system.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const lines = [
    '',
    'Oxygen.id selfcare upgrade is running.',
    system.apiUrl ? `  API:              ${system.apiUrl}  (health: ${system.apiUrl}/health)` : undefined,
    system.temporalUiUrl ? `  Temporal Web UI:  ${system.temporalUiUrl}` : undefined,
    `  Temporal:         ${system.temporalAddress} (namespace ${config.temporal.namespace}, task queue ${config.temporal.taskQueue})`,
    system.apiUrl
      ? [
          '  Try an upgrade (deck scenario A):',
          '    TOKEN=$(npm run -s token -- customer 21314849)',
          `    curl -s -X POST ${system.apiUrl}/v1/customers/21314849/upgrades -H "Authorization: Bearer $TOKEN" \\`,
          `      -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' \\`,
          `      -d '{"targetPackageCode":"STREAM-150-SEM"}'`,
          `    curl -s -H "Authorization: Bearer $TOKEN" ${system.apiUrl}/v1/upgrades/upgrade-21314849-demo-1`,
        ].join('\n')
      : undefined,
    '  Stop with Ctrl-C.',
    '',
  ];
  process.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
}

main().catch((error) => {
  const detail =
    error instanceof SetupError || error instanceof PortInUseError
      ? error.message
      : error instanceof Error
        ? error.stack
        : error;
  process.stderr.write(`failed to start: ${detail}\n`);
  process.exit(1);
});
