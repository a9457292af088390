import { healthOf, readinessOver } from '../../platform/health/api-health';
import { ok, operationsOf } from '../operation';

const operation = operationsOf('System');

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
      const report = await (
        deps.readiness ?? readinessOver(deps.db, deps.temporal, deps.config.readinessCacheMs)
      ).report();
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
      const health = await healthOf(db, temporal);
      res.status(health.status === 'ok' ? 200 : 503);
      return health;
    },
  }),
];
