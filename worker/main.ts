/**
 * The worker's front door, as production runs it (`node dist/worker/main.js`, the image's worker
 * service): settings from the environment, PostgreSQL at DATABASE_URL and Temporal at
 * TEMPORAL_ADDRESS, the worker polling its task queue until SIGTERM or SIGINT drains it.
 * `npm start` runs the same worker beside the API in one process (local/system.ts).
 */
import { runFrontDoor } from '../platform/front-door';

runFrontDoor(
  'selfcare-worker',
  async ({ config, logger, tracing, lifecycle, databaseUrl, temporalAddress }) => {
    // Loaded after tracing has started: they load what it instruments (pg, Prisma, http).
    const { openDatabase } = await import('../platform/open-database.js');
    const { startWorker } = await import('./start-worker.js');
    const db = await openDatabase(config, databaseUrl, logger, lifecycle);
    await startWorker({ config, temporalAddress, db, logger, tracing, lifecycle });
  },
);
