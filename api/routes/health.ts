import { setTimeout } from 'node:timers/promises';
import { ok, operationsOf } from '../operation';

const operation = operationsOf('System');
const TIMEOUT_MS = 3_000;

/** Liveness of what the API depends on: PostgreSQL and Temporal. 503 when either is down. */
export const HEALTH = [
  operation({
    operationId: 'getHealth',
    route: 'GET /health',
    summary: 'Liveness of the API and what it depends on',
    description: 'Checks PostgreSQL and Temporal (3 s each).',
    access: 'public',
    responses: {
      200: ok('PostgreSQL and Temporal answer', 'Health'),
      503: ok('PostgreSQL or Temporal does not answer', 'Health'),
    },
    handler: async ({ res }, { db, temporal }) => {
      const [database, temporalCheck] = await Promise.all([
        // Prisma takes no deadline: a PostgreSQL that does not answer in time loses the race.
        check(() => Promise.race([db.$queryRaw`SELECT 1`, timeout()])),
        // A gRPC deadline: the call fails with DEADLINE_EXCEEDED once it has passed.
        check(() =>
          temporal.withDeadline(Date.now() + TIMEOUT_MS, () => temporal.workflowService.getSystemInfo({})),
        ),
      ]);
      const healthy = database === 'ok' && temporalCheck === 'ok';
      res.status(healthy ? 200 : 503);
      return { status: healthy ? 'ok' : 'degraded', checks: { database, temporal: temporalCheck } } as const;
    },
  }),
];

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
