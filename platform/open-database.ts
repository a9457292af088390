/**
 * The process's database: the schema migrated (a laptop: MIGRATE_ON_START) or checked current
 * (production: the release's migrate job applied it, a replica only refuses to start behind it),
 * then the client, and the catalog and demo customers when SEED_DEMO_DATA asks.
 */
import { seedDatabase } from '../prisma/seed-data';
import type { AppConfig } from './config';
import { createDatabase, type Database } from './database';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import { assertSchemaCurrent, migrateDatabase } from './migrate';

export async function openDatabase(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  lifecycle: Lifecycle,
): Promise<Database> {
  if (config.migrateOnStart) {
    await migrateDatabase(databaseUrl);
    logger.info('database migrations applied');
  } else {
    await assertSchemaCurrent(databaseUrl);
    logger.info('database schema current');
  }
  const db = createDatabase(databaseUrl);
  lifecycle.started('database client', () => db.$disconnect());
  if (config.seedDemoData) {
    const seeded = await seedDatabase(db, new Date());
    logger.info(seeded, 'seed data present');
  }
  return db;
}
