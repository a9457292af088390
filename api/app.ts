import type { Client } from '@temporalio/client';
import express from 'express';
import type { AppConfig } from '../platform/config';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import { problemHandler, unknownRoute } from './problem';
import { billsRouter } from './routes/bills';
import { catalogRouter } from './routes/catalog';
import { customersRouter } from './routes/customers';
import { healthRouter } from './routes/health';
import { notificationsRouter } from './routes/notifications';
import { opsRouter } from './routes/ops';
import { technicianRouter } from './routes/technician';
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
  app.use('/v1', catalogRouter(deps));
  app.use('/v1', customersRouter(deps));
  app.use('/v1', billsRouter(deps));
  app.use('/v1', upgradesRouter(deps));
  app.use('/v1', technicianRouter(deps));
  app.use('/v1', notificationsRouter(deps));
  app.use('/v1', opsRouter(deps));
  app.use(unknownRoute);
  app.use(problemHandler((error) => deps.logger.error({ err: error }, 'request failed')));
  return app;
}
