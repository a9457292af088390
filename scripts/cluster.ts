/**
 * `npm run cluster`: the topology an ISP deploys, on this machine (test/support/cluster/): PostgreSQL,
 * the Temporal server as four services with SQL visibility, the standalone Web UI, two workers and
 * two API processes. Data lives in `.data/cluster/` (or DATABASE_URL's server) and survives a
 * restart. Ctrl-C or SIGTERM stops everything.
 */
import path from 'node:path';
import { assertPortsFree } from '../local/ports';
import { createLogger } from '../platform/logger';
import { startCluster } from '../test/support/cluster/cluster';
import { clusterPortsFrom } from '../test/support/cluster/ports';
import { TEMPORAL_SERVICES } from '../test/support/cluster/temporal-cluster';

async function main() {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  const started = Date.now();
  // Each port from its variable (test/support/cluster/ports.ts), all checked before anything starts.
  const { ports, claims } = clusterPortsFrom(process.env);
  await assertPortsFree(claims);
  const cluster = await startCluster({
    ports,
    dataDir: path.resolve(process.env.DATA_DIR ?? '.data', 'cluster'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    logger,
    shellConfig: true,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    setInterval(() => undefined, 1_000);
    logger.info({ signal }, 'stopping the cluster');
    await cluster.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const metrics = (label: string, url: string) => `    ${label.padEnd(20)}${url}`;
  process.stdout.write(
    [
      '',
      `Oxygen.id selfcare upgrade, cluster topology (up in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      `  PostgreSQL:         ${cluster.databaseUrl.replace(/:[^:@/]+@/, ':***@')} (+ temporal, temporal_visibility)`,
      `  Temporal frontend:  ${cluster.temporal.address}  (history, matching, worker as their own processes)`,
      `  Temporal Web UI:    ${cluster.temporal.uiUrl}  (codec server ${cluster.apis[0]?.codecEndpoint}, operators' tokens only)`,
      ...(cluster.issuerUrl
        ? [
            `  OpenID provider:    ${cluster.issuerUrl}  (development sign-in; the Web UI's operators: Dimas Prasetyo)`,
          ]
        : []),
      ...(cluster.codecCertificatePath
        ? [
            `  Codec certificate:  ${cluster.codecCertificatePath}  (self-signed: trust it once, or open ${cluster.apis[0]?.codecEndpoint?.replace(/\/codec$/, '/')} and accept it)`,
          ]
        : []),
      ...cluster.apis.map((api) => `  API ${api.name.padEnd(15)}${api.url}`),
      `  Workers:            ${cluster.workers.map((w) => `${w.name} (pid ${w.process?.pid})`).join(', ')}`,
      '  Prometheus metrics:',
      ...TEMPORAL_SERVICES.map((s) => metrics(`temporal ${s}`, cluster.temporal.metricsUrls[s])),
      ...[...cluster.workers, ...cluster.apis].map((app) => metrics(app.name, app.metricsUrl)),
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  // A port in use (or a malformed port variable) is one sentence; anything else keeps its stack.
  const brief = error instanceof Error && ['PortInUseError', 'PortSettingError'].includes(error.name);
  const text = error instanceof Error ? (brief ? error.message : error.stack) : error;
  process.stderr.write(`failed to start the cluster: ${text}\n`);
  process.exit(1);
});
