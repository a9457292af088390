/** The embedded PostgreSQL alone, as a child process (scripts/run-embedded-postgres.ts). */
import { Client as PgClient } from 'pg';
import { launch, waitUntil } from '../../local/processes';
import { killUnlessReady, PROJECT_ROOT, type StartingProcess } from './starting';

/** `scripts/run-embedded-postgres.ts`: only PostgreSQL, with its data in `dataDir`. Ready when it runs a query. */
export function launchPostgres(dataDir: string, port: number): StartingProcess & { url: string } {
  const url = postgresUrl(port);
  const server = launch(
    'postgres',
    process.execPath,
    ['--import', 'tsx', 'scripts/run-embedded-postgres.ts', dataDir, String(port)],
    { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn' } },
  );
  return {
    ...server,
    url,
    ready: (timeoutMs = 120_000) =>
      killUnlessReady(
        server,
        waitUntil(server, 'accepting queries', () => acceptsQueries(url), timeoutMs),
      ),
  };
}

/** The URL of the embedded PostgreSQL on `port` (local/embedded-postgres.ts). */
export function postgresUrl(port: number): string {
  return `postgresql://selfcare:selfcare@127.0.0.1:${port}/selfcare`;
}

async function acceptsQueries(url: string): Promise<boolean> {
  const client = new PgClient({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
