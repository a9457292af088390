/**
 * `npm run bench:steps`: where an upgrade's database work goes, step by step. The upgrade's steps
 * (admission, then every activity in the workflow's order, as the plain loop runs them) on a
 * PostgreSQL of their own, one upgrade at a time, half deck scenario A and half B; per step the
 * CPU of this process and the SQL statements Prisma sent. The steps are run by the real workflow
 * on the time-skipping test server in this process (no dev server, no HTTP): the statements are
 * the activities' own, the part the orchestration cannot remove.
 *
 * Flags: --n 40 (upgrades; the first 2 warm up and are not counted)   --sql (also list each
 * statement per step, how many times per upgrade).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Database } from '../../platform/database';
import { PrismaClient } from '../../prisma/generated/client';
import { admitUpgrade } from '../../services/upgrade-admission';
import { startTestDatabase } from '../../test/helpers/database';
import { runUpgradeSteps } from '../../test/support/upgrade-runs';
import { flagValue } from './args';
import { createBenchCustomers } from './customers';
import { immediateSwap, plainActivities } from './plain';

const WARM_UP = 2;

type Step = (...args: unknown[]) => Promise<unknown>;

async function main() {
  const count = Number(flagValue('n') ?? 40);
  const listSql = process.argv.includes('--sql');
  const database = await startTestDatabase();
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: 5 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    let current = 'admission';
    const statements = new Map<string, string[]>();
    const cpuMs = new Map<string, number>();
    db.$on('query', (event) => {
      const list = statements.get(current) ?? [];
      list.push(event.query.replace(/"public"\./g, '').slice(0, 120));
      statements.set(current, list);
    });
    const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const previous = current;
      current = name;
      const started = process.cpuUsage();
      try {
        return await run();
      } finally {
        const used = process.cpuUsage(started);
        cpuMs.set(name, (cpuMs.get(name) ?? 0) + (used.user + used.system) / 1000);
        current = previous;
      }
    };
    const activities = plainActivities(db as Database, 'http://127.0.0.1:1') as unknown as Record<
      string,
      Step
    >;
    const steps = Object.fromEntries(
      Object.entries(activities).map(([name, step]) => [
        name,
        (...args: unknown[]) => timed(name, () => step(...args)),
      ]),
    );

    const customers = await createBenchCustomers(client, count);
    for (const [i, customer] of customers.entries()) {
      if (i === WARM_UP) {
        statements.clear();
        cpuMs.clear();
      }
      const upgradeId = `upgrade-${customer.id}-steps`;
      const { row } = await timed('admission', () =>
        admitUpgrade(db as Database, {
          upgradeId,
          customerId: customer.id,
          idempotencyKey: `steps-${i}`,
          targetPackageCode: customer.targetPackageCode,
          requestedAt: new Date(),
        }),
      );
      await runUpgradeSteps(
        steps as never,
        {
          upgradeId,
          customerId: customer.id,
          targetPackageCode: customer.targetPackageCode,
          idempotencyKey: `steps-${i}`,
          requestedAt: row.requestedAt.toISOString(),
        },
        { swap: immediateSwap(`BENCHSTP${customer.id}`) },
      );
    }

    const counted = customers.length - WARM_UP;
    const perUpgrade = (n: number) => (n / counted).toFixed(1).padStart(6);
    console.log(
      `${counted} upgrades (half A, half B), NODE_ENV=${process.env.NODE_ENV ?? 'unset'}; per upgrade:`,
    );
    console.log(`${'step'.padEnd(28)} ${'CPU ms'.padStart(6)} ${'SQL'.padStart(6)}`);
    let totalMs = 0;
    let totalSql = 0;
    for (const [name, ms] of cpuMs) {
      const sql = statements.get(name) ?? [];
      totalMs += ms;
      totalSql += sql.length;
      console.log(`${name.padEnd(28)} ${perUpgrade(ms)} ${perUpgrade(sql.length)}`);
    }
    console.log(`${'all steps'.padEnd(28)} ${perUpgrade(totalMs)} ${perUpgrade(totalSql)}`);
    console.log('(SQL: statements Prisma logs; the BEGIN of a transaction is not among them, its COMMIT is)');
    if (listSql) {
      for (const [name, sql] of statements) {
        console.log(`\n${name}`);
        const times = new Map<string, number>();
        for (const statement of sql) times.set(statement, (times.get(statement) ?? 0) + 1);
        for (const [statement, n] of times) console.log(`  ${perUpgrade(n)}× ${statement}`);
      }
    }
  } finally {
    await client.end();
    await db.$disconnect();
    await database.teardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
