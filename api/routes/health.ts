import { setTimeout } from 'node:timers/promises';
import {
  type ApiCheck,
  databaseCheck,
  migrationsCheck,
  Readiness,
  temporalCheck,
} from '../../platform/health/readiness';
import type { ApiDependencies } from '../dependencies';
import { ok, operationsOf } from '../operation';

const operation = operationsOf('System');
const TIMEOUT_MS = 3_000;

/**
 * The probes: `/livez` (the process serves, nothing checked), `/readyz` (PostgreSQL, the schema's
 * migrations, Temporal; 503 from the start of a shutdown). `/health` stays for existing users.
 */
export const HEALTH = [
  operation({
    operationId: 'getLiveness',
    route: 'GET /livez',
    summary: 'Liveness probe: the process serves',
    description:
      'Checks no dependency, so a PostgreSQL or Temporal outage never gets a healthy process restarted.',
    access: 'public',
    responses: { 200: ok('the process serves', 'Liveness') },
    handler: async () => ({ status: 'live' }) as const,
  }),
  operation({
    operationId: 'getReadiness',
    route: 'GET /readyz',
    summary: 'Readiness probe: PostgreSQL, migrations and Temporal',
    description:
      'Ready (200) when PostgreSQL answers, every migration of this release is applied and Temporal answers ' +
      '(3 s each); 503 otherwise, and from the moment a shutdown starts.',
    access: 'public',
    responses: {
      200: ok('ready to serve', 'Readiness'),
      503: ok('a check failed, or the process is shutting down', 'Readiness'),
    },
    handler: async ({ res }, deps) => {
      const report = await readinessOf(deps).report();
      res.status(report.status === 'ready' ? 200 : 503);
      return report;
    },
  }),
  operation({
    operationId: 'getHealth',
    route: 'GET /health',
    summary: 'PostgreSQL and Temporal reachable (kept for existing users; probes use /livez and /readyz)',
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

const defaults = new WeakMap<ApiDependencies, Readiness<ApiCheck>>();

/** The process's readiness (platform/system.ts), or one over the API's own clients. */
function readinessOf(deps: ApiDependencies): Readiness<ApiCheck> {
  if (deps.readiness) return deps.readiness;
  let readiness = defaults.get(deps);
  if (!readiness) {
    readiness = new Readiness({
      database: databaseCheck(deps.db),
      migrations: migrationsCheck(deps.db),
      temporal: temporalCheck(deps.temporal),
    });
    defaults.set(deps, readiness);
  }
  return readiness;
}
