/**
 * `npm start`: the whole system on one machine — embedded PostgreSQL, the Temporal dev server
 * with its Web UI, the worker and the API — unless DATABASE_URL / TEMPORAL_ADDRESS point
 * elsewhere. `TRACE_VIEWER=phoenix` also runs a trace viewer the traces go to. Ctrl-C or SIGTERM
 * stops everything in order. Production starts each process from its own front door instead
 * (worker/main.ts, api/server.ts).
 */
import { loadConfig } from '../platform/config';
import { startObserving } from '../platform/front-door';
import { stopOnSignals } from '../platform/lifecycle';
import { otlpEnvFor, type RunningTraceViewer, startTraceViewer } from './trace-viewer';

let traceViewer: RunningTraceViewer | undefined;

async function main() {
  const config = loadConfig();
  if (config.traceViewer) {
    traceViewer = await startTraceViewer(config.traceViewer, config.dataDir, (m) =>
      process.stderr.write(`${m}\n`),
    );
    Object.assign(process.env, otlpEnvFor(traceViewer, process.env));
  }
  // The system is imported after tracing has started: it loads what tracing instruments.
  const { tracing, logger } = await startObserving(config, serviceName(config));
  const { startSystem } = await import('./system.js');
  const system = await startSystem(config, logger, tracing);
  stopOnSignals(logger, async () => {
    await system.stop();
    await tracing.shutdown().catch((error) => logger.warn({ err: error }, 'traces not all flushed'));
    await traceViewer?.stop();
  });

  const lines = [
    '',
    `Oxygen.id selfcare upgrade is running (Node.js ${process.version}).`,
    system.apiUrl
      ? [
          `  Selfcare app:     ${system.apiUrl}/app/  (customers)`,
          `  Technician app:   ${system.apiUrl}/app/technician`,
          `  CS console:       ${system.apiUrl}/app/cs`,
        ].join('\n')
      : undefined,
    system.apiUrl ? `  API:              ${system.apiUrl}  (ready: ${system.apiUrl}/readyz)` : undefined,
    system.temporalUiUrl ? `  Temporal Web UI:  ${system.temporalUiUrl}` : undefined,
    system.codecEndpoint
      ? `  Codec server:     ${system.codecEndpoint}  (${config.codec.auth === 'none' ? 'no token, this machine only' : "operators' tokens"}; the Web UI decodes through it)`
      : undefined,
    system.providerUrl
      ? `  OpenID provider:  ${system.providerUrl}  (development sign-in; a token: npm run token -- customer 21314849)`
      : undefined,
    traceViewer
      ? `  Trace viewer:     ${traceViewer.url}  (Phoenix; an upgrade's trace: see README "Tracing")`
      : undefined,
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

/** `OTEL_SERVICE_NAME` wins; otherwise named by what the process runs. */
function serviceName(config: ReturnType<typeof loadConfig>): string {
  if (config.runApi && !config.runWorker) return 'selfcare-api';
  if (config.runWorker && !config.runApi) return 'selfcare-worker';
  return 'selfcare';
}

main().catch(async (error) => {
  await traceViewer?.stop();
  // Setup problems (embedded PostgreSQL), a schema behind the release, a port in use and runs from
  // before the workflow's baseline say what to do: no stack.
  const known =
    error instanceof Error &&
    ['SetupError', 'SchemaBehindError', 'PortInUseError', 'PreBaselineRunsError'].includes(error.name);
  const detail = known ? error.message : error instanceof Error ? error.stack : error;
  process.stderr.write(`failed to start: ${detail}\n`);
  process.exit(1);
});
