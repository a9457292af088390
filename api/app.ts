import type { Client } from '@temporalio/client';
import express from 'express';
import type { AppConfig } from '../platform/config';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { problemHandler, unknownRoute } from './problem';
import { healthRouter } from './routes/health';
import { upgradesRouter } from './routes/upgrades';

export interface ApiDependencies {
  db: Database;
  temporal: Client;
  config: AppConfig;
  logger: Logger;
}

export function createApp(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(express.json({ limit: '16kb', strict: true }));
  app.use(healthRouter(deps));
  app.use('/v1', upgradesRouter(deps));
  app.use(unknownRoute);
  app.use(problemHandler((error) => deps.logger.error({ err: error }, 'request failed')));
  return app;
}
