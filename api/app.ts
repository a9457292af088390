import express from 'express';
import helmet from 'helmet';
import { authenticate } from '../platform/auth';
import { problemHandler, unknownRoute } from '../platform/http/problem';
import { webApp, webAppCsp } from '../platform/http/web-app';
import { requestContext } from '../platform/telemetry/request-context';
import { requestLog } from '../platform/telemetry/request-log';
import type { ApiDependencies } from './dependencies';
import { routeOf } from './metrics';
import { mount } from './operation';
import { OPERATIONS } from './operations';
import { rateLimits } from './rate-limits';

export type { ApiDependencies } from './dependencies';

export function createApp(deps: ApiDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  if (deps.metrics) app.use(deps.metrics.track);
  app.use(
    helmet({ contentSecurityPolicy: { directives: webAppCsp(deps.config.auth.webClient?.authority) } }),
  );
  app.use(requestContext(routeOf));
  app.use(requestLog(deps.logger));
  app.use(express.json({ limit: '16kb', strict: true }));
  // What Midtrans's notifications are signed with (api/access.ts); never logged.
  app.locals.midtransServerKey = deps.config.payments.midtrans.serverKey;
  // Public and signed operations first; every other /v1 operation needs a token.
  const v1 = OPERATIONS.filter(
    (op) => op.path.startsWith('/v1/') && op.access !== 'payment-gateway' && op.access !== 'public',
  );
  const unauthenticated = OPERATIONS.filter((op) => !v1.includes(op));
  // Counted in PostgreSQL, shared by every replica (api/rate-limits.ts); the token's ones once it is known.
  app.use(rateLimits(unauthenticated, deps));
  app.use(mount(unauthenticated, deps));
  app.use('/app', webApp());
  // A person who types the bare address lands on the app, not on a JSON 404.
  app.get('/', (_req, res) => res.redirect(302, '/app/'));
  app.use('/v1', authenticate(deps.config.auth, deps.verifier));
  app.use(rateLimits(v1, deps));
  app.use('/v1', mount(v1, deps, '/v1'));
  app.use(unknownRoute);
  app.use(problemHandler((error) => deps.logger.error({ err: error }, 'request failed')));
  return app;
}
