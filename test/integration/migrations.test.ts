import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { startTestDatabase, type TestDatabase } from '../helpers/database';

const root = path.resolve(__dirname, '..', '..');
let t: TestDatabase;

beforeAll(async () => {
  t = await startTestDatabase({ seed: false, freshMigrations: true });
}, 180_000);

afterAll(async () => {
  await t?.teardown();
});

/** Tables, columns (type, nullability, default) and indexes of a database, as one sorted list. */
async function shapeOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
              coalesce(column_default, '') AS line
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query(
      `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    return [...columns.rows, ...indexes.rows].map((row) => String(row.line)).sort();
  } finally {
    await client.end();
  }
}

/**
 * Migrations are hand-written (`prisma migrate dev` needs a shadow database the JS engine cannot
 * make): the database they build must be the one prisma/schema/ describes.
 */
describe('prisma/migrations', () => {
  it('build exactly the database prisma/schema/ describes', async () => {
    const fromSchema = execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/prisma/build/index.js'),
        'migrate',
        'diff',
        '--from-empty',
        '--to-schema-datamodel',
        path.join(root, 'prisma/schema'),
        '--script',
      ],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.url },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await t.db.$executeRawUnsafe('CREATE DATABASE from_schema');
    const schemaUrl = t.url.replace(/\/[^/]+$/, '/from_schema');
    const client = new Client({ connectionString: schemaUrl });
    await client.connect();
    await client.query(fromSchema);
    await client.end();

    const migrated = await shapeOf(t.url);
    const described = await shapeOf(schemaUrl);
    // The one-upgrade-in-flight partial index is raw SQL that Prisma's schema cannot express.
    const onlyMigrated = migrated.filter((line) => !described.includes(line));
    expect(onlyMigrated).toEqual([expect.stringContaining('UpgradeRequest_one_in_flight_per_customer')]);
    expect(described.filter((line) => !migrated.includes(line))).toEqual([]);
  });
});
