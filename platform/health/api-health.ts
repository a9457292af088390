/**
 * The API's `/health` (PostgreSQL and Temporal, 3 s each; kept for existing users) and, when the
 * process gives none, a readiness over the API's own clients (PostgreSQL, migrations, Temporal).
 */
import { setTimeout } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { Database } from '../database';
import { type ApiCheck, databaseCheck, migrationsCheck, Readiness, temporalCheck } from './readiness';

const TIMEOUT_MS = 3_000;

export async function healthOf(db: Database, temporal: Client) {
  const [database, temporalReached] = await Promise.all([
    // Prisma takes no deadline: a PostgreSQL that does not answer in time loses the race.
    check(() => Promise.race([db.$queryRaw`SELECT 1`, timeout()])),
    // A gRPC deadline: the call fails with DEADLINE_EXCEEDED once it has passed.
    check(() =>
      temporal.withDeadline(Date.now() + TIMEOUT_MS, () => temporal.workflowService.getSystemInfo({})),
    ),
  ]);
  const healthy = database === 'ok' && temporalReached === 'ok';
  return { status: healthy ? 'ok' : 'degraded', checks: { database, temporal: temporalReached } } as const;
}

const timeout = () =>
  setTimeout(TIMEOUT_MS, undefined, { ref: false }).then(() => Promise.reject(new Error('timed out')));

async function check(probe: () => Promise<unknown>): Promise<'ok' | 'unavailable'> {
  try {
    await probe();
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

const defaults = new WeakMap<Database, Readiness<ApiCheck>>();

/** One readiness per database client, over it and `temporal`. */
export function readinessOver(db: Database, temporal: Client, cacheMs?: number): Readiness<ApiCheck> {
  let readiness = defaults.get(db);
  if (!readiness) {
    readiness = new Readiness(
      {
        database: databaseCheck(db),
        migrations: migrationsCheck(db),
        temporal: temporalCheck(temporal),
      },
      { cacheMs },
    );
    defaults.set(db, readiness);
  }
  return readiness;
}
