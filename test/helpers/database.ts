import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopProcess } from '../../local/processes';
import { createDatabase, type Database } from '../../platform/database';
import { freePort } from '../../platform/free-ports';
import { migrateDatabase } from '../../platform/migrate';
import { seedDatabase } from '../../prisma/seed-data';
import { launchPostgres } from '../support/harness';
import { copyMigratedPostgres } from '../support/postgres-template';

export interface TestDatabase {
  url: string;
  db: Database;
  /** Stops PostgreSQL (the data stays), for fault tests; `start()` brings it back. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  teardown(): Promise<void>;
}

/**
 * A real PostgreSQL of its own for one test file: embedded server on a free port, a throw-away
 * data folder, migrations applied and, unless told otherwise, the seed loaded as of `seedDate`.
 * The migrated database is a copy of the one template (test/support/postgres-template.ts);
 * `freshMigrations` migrates an empty one instead.
 */
export async function startTestDatabase(
  options: { seedDate?: Date; seed?: boolean; freshMigrations?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcare-db-'));
  if (!options.freshMigrations) await copyMigratedPostgres(dataDir);
  const port = await freePort();
  let server = await spawnPostgres(dataDir, port);
  const url = server.url;
  await migrateDatabase(url);
  const db = createDatabase(url, { maxConnections: 5 });
  if (options.seed !== false) await seedDatabase(db, options.seedDate ?? new Date());
  return {
    url,
    db,
    pause: async () => {
      await stopProcess(server, { graceMs: 15_000 });
    },
    resume: async () => {
      server = await spawnPostgres(dataDir, port);
    },
    teardown: async () => {
      await db.$disconnect();
      await stopProcess(server, { graceMs: 15_000 });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnPostgres(dataDir: string, port: number) {
  const server = launchPostgres(dataDir, port);
  await server.ready();
  return server;
}
