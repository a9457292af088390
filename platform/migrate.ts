import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const projectRoot = path.resolve(__dirname, '..');

/**
 * Applies pending migrations with `prisma migrate deploy` (the offline WASM schema engine): once
 * per release (`npm run migrate`, the compose `migrate` service), or at start on a laptop.
 * Processes starting together contend for Prisma's migration advisory lock; the loser fails with
 * P1002 and simply tries again (the winner's work is then already done). The Prisma CLI is a
 * development dependency: production images run this from the build stage (Dockerfile `migrate`).
 */
export async function migrateDatabase(databaseUrl: string, attempts = 5): Promise<void> {
  if (await allApplied(databaseUrl)) return;
  const prismaCli = require.resolve('prisma/build/index.js', { paths: [projectRoot] });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
        maxBuffer: 10 * 1024 * 1024,
      });
      return;
    } catch (error) {
      const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      if (attempt >= attempts || !output.includes('P1002')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
    }
  }
}

/** The migration folders this release ships (`prisma/migrations/<timestamp>_<name>`), oldest first. */
export function releaseMigrations(): string[] {
  return fs
    .readdirSync(path.join(projectRoot, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The release's migrations the database has not applied: one query. Throws when PostgreSQL does
 * not answer; a database without Prisma's table has applied none.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows: table } = await client.query<{ present: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
    );
    if (!table[0]?.present) return releaseMigrations();
    const { rows } = await client.query<{ name: string }>(
      'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((row) => row.name));
    return releaseMigrations().filter((folder) => !applied.has(folder));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A replica started on a schema older than its code: it refuses instead of migrating. */
export class SchemaBehindError extends Error {
  override readonly name = 'SchemaBehindError';

  constructor(readonly pending: string[]) {
    super(
      `the database schema is behind this release: ${pending.length} migration(s) not applied (${pending.join(', ')}). ` +
        'Run `npm run migrate` (the `migrate` service in docker-compose) once for this release, then start again.',
    );
  }
}

/** Refuses (SchemaBehindError) unless every migration of this release is applied. */
export async function assertSchemaCurrent(databaseUrl: string): Promise<void> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length > 0) throw new SchemaBehindError(pending);
}

/**
 * Every migration folder already applied (the usual case when a process restarts): one query
 * instead of a Prisma CLI process, which takes seconds to start.
 */
async function allApplied(databaseUrl: string): Promise<boolean> {
  try {
    return (await pendingMigrations(databaseUrl)).length === 0;
  } catch {
    return false; // no database: let Prisma say what is wrong
  }
}
