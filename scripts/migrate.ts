/**
 * `npm run migrate`: applies this release's migrations to DATABASE_URL, once per release, before
 * the API and worker replicas of the release start (they only check the schema in production).
 */
import { migrateDatabase, pendingMigrations } from '../platform/migrate';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be set: the database to migrate');
  const pending = await pendingMigrations(url);
  await migrateDatabase(url);
  process.stdout.write(
    pending.length
      ? `applied ${pending.length} migration(s): ${pending.join(', ')}\n`
      : 'the schema is current: nothing to apply\n',
  );
}

main().catch((error) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
