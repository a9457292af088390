/**
 * The API's front door, as production runs it (`node dist/api/server.js`, the image's api
 * service): settings from the environment, PostgreSQL at DATABASE_URL and Temporal at
 * TEMPORAL_ADDRESS, the HTTP API on PORT and, unless CODEC_PORT=off, the codec server for the
 * Temporal Web UI, until SIGTERM or SIGINT stops them. `npm start` runs the same API beside the
 * worker in one process (local/system.ts).
 */
import { runFrontDoor } from '../platform/front-door';

runFrontDoor('selfcare-api', async ({ config, logger, lifecycle, databaseUrl, temporalAddress }) => {
  // Loaded after tracing has started: they load what it instruments (http, express, pg, Prisma).
  const { openDatabase } = await import('../platform/open-database.js');
  const { startApi } = await import('./start-api.js');
  const db = await openDatabase(config, databaseUrl, logger, lifecycle);
  await startApi({ config, temporalAddress, db, logger, lifecycle });
});
