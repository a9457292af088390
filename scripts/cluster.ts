/**
 * `npm run cluster`: the topology an ISP deploys, on this machine (test/support/cluster/): PostgreSQL,
 * the Temporal server as four services with SQL visibility, the standalone Web UI, two workers and
 * two API processes. Data lives in `.data/cluster/` (or DATABASE_URL's server) and survives a
 * restart. Ctrl-C or SIGTERM stops everything.
 */
import path from 'node:path';
import { createLogger } from '../platform/logger';
import { type ClusterPorts, startCluster } from '../test/support/cluster/cluster';
import { DEFAULT_TEMPORAL_PORTS, TEMPORAL_SERVICES } from '../test/support/cluster/temporal-cluster';

const PORTS: ClusterPorts = {
  temporal: DEFAULT_TEMPORAL_PORTS,
  postgres: Number(process.env.EMBEDDED_PG_PORT ?? 5489),
  apis: [3000, 3001],
  apiMetrics: [9464, 9474],
  codecs: [8234, 8244],
  workerMetrics: [9465, 9475],
  oidc: Number(process.env.OIDC_PORT ?? 4000),
};

async function main() {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  const started = Date.now();
  const cluster = await startCluster({
    ports: PORTS,
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
      ...(cluster.issuerUrl ? [`  OpenID provider:    ${cluster.issuerUrl}  (development sign-in)`] : []),
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
  process.stderr.write(`failed to start the cluster: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
